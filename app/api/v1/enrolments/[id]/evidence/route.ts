import { enrolmentEvidenceApi } from "@/server/api/evidence";
import { apiRoute } from "@/server/api/handler";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>((api, { id }) => enrolmentEvidenceApi(api, id));
