import { withActor } from "@/server/http";
import { listUnits } from "@/server/standards/queries";

export const dynamic = "force-dynamic";

export const GET = withActor(async (actor) => ({ units: await listUnits(actor) }));
