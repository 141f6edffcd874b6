import { exportMatrixCsv } from "@/server/assessment/matrix";
import { csv } from "@/server/edge/respond";
import { route } from "@/server/edge/route-handler";

export const dynamic = "force-dynamic";

export const GET = route(async (actor, _, { params }: { params: Promise<{ id: string }> }) => {
  const { name, csv: text } = await exportMatrixCsv(actor, { enrolmentId: (await params).id });
  return csv(name, text);
});
