import { learnerEvidenceApi } from "@/server/api/evidence";
import { apiRoute } from "@/server/api/handler";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>((api, { id }) => learnerEvidenceApi(api, id));
