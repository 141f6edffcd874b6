import { importTemplate } from "@/server/centre/import";
import { csv } from "@/server/edge/respond";
import { route } from "@/server/edge/route-handler";

export const dynamic = "force-dynamic";

export const GET = route(async (actor) => {
  const { name, text } = importTemplate(actor);
  return csv(name, text);
});
