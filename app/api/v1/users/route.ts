import { apiRoute } from "@/server/api/handler";
import { createUser, listUsers } from "@/server/api/people";

export const dynamic = "force-dynamic";

export const GET = apiRoute((api) => listUsers(api));
export const POST = apiRoute((api) => createUser(api));
