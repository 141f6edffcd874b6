import type { Metadata } from "next";
import { trackingMatrix } from "@/server/assessment/matrix";
import { orNotFound, requireActor } from "@/server/edge/page";
import { MatrixTable } from "@/ui/review/matrix-table";

export const metadata: Metadata = { title: "Tracking matrix" };

export default async function LearnerMatrixPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const actor = await requireActor(`/learners/${encodeURIComponent(id)}/matrix`);
  const matrix = await orNotFound(trackingMatrix(actor, { learnerId: id }, (await searchParams).page));
  return (
    <>
      <h1>Tracking matrix: {matrix.learner.name}, all units</h1>
      <MatrixTable matrix={matrix} csvHref={`/api/learners/${id}/matrix`} pageHref={(n) => `?page=${n}`} />
    </>
  );
}
