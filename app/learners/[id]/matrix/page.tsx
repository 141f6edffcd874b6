import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { trackingMatrix } from "@/server/assessment/matrix";
import { requireActor } from "@/server/auth/require";
import { NotFoundError } from "@/server/policy";
import { MatrixTable } from "@/ui/review/matrix-table";

export const metadata: Metadata = { title: "Tracking matrix" };

export default async function LearnerMatrixPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/learners/${encodeURIComponent(id)}/matrix`);
  try {
    const matrix = await trackingMatrix(actor, { learnerId: id });
    return (
      <>
        <h1>Tracking matrix: {matrix.learner.name}, all units</h1>
        <MatrixTable matrix={matrix} csvHref={`/api/learners/${id}/matrix`} />
      </>
    );
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
}
