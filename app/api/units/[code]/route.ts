import { route } from "@/server/edge/route-handler";
import { getUnitTree } from "@/server/standards/queries";

export const dynamic = "force-dynamic";

export const GET = route(async (actor, request, { params }: { params: Promise<{ code: string }> }) => {
  const version = new URL(request.url).searchParams.get("version");
  return getUnitTree(actor, (await params).code, version);
});
