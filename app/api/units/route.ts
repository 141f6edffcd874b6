import { route } from "@/server/edge/route-handler";
import { listUnits } from "@/server/standards/queries";

export const dynamic = "force-dynamic";

export const GET = route(async (actor) => ({ units: await listUnits(actor) }));
