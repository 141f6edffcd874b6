import { withActor } from "@/server/http";
import { getUnitTree } from "@/server/standards/queries";

export const dynamic = "force-dynamic";

export const GET = withActor(async (actor, request, { params }: { params: Promise<{ code: string }> }) => {
  const version = new URL(request.url).searchParams.get("version");
  return getUnitTree(actor, (await params).code, version);
});
