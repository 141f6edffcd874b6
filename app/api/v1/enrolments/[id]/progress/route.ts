import { progressApi } from "@/server/api/enrolments";
import { apiRoute } from "@/server/api/handler";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>((api, { id }) => progressApi(api, id));
