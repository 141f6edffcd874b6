import { createEnrolmentApi, listEnrolmentsApi } from "@/server/api/enrolments";
import { apiRoute } from "@/server/api/handler";

export const dynamic = "force-dynamic";

export const GET = apiRoute((api) => listEnrolmentsApi(api));
export const POST = apiRoute((api) => createEnrolmentApi(api));
