import { assignApi } from "@/server/api/enrolments";
import { apiRoute } from "@/server/api/handler";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ id: string }>((api, { id }) => assignApi(api, id));
