import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { trackingMatrix } from "@/server/assessment/matrix";
import { requireActor } from "@/server/auth/require";
import { NotFoundError } from "@/server/policy";
import { MatrixTable } from "@/ui/review/matrix-table";

export const metadata: Metadata = { title: "Tracking matrix" };

export default async function EnrolmentMatrixPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/enrolments/${encodeURIComponent(id)}/matrix`);
  try {
    const matrix = await trackingMatrix(actor, { enrolmentId: id });
    return (
      <>
        <h1>
          Tracking matrix: {matrix.learner.name}, {matrix.enrolments[0]!.unit.displayCode}
        </h1>
        <p>
          <a href={`/learners/${matrix.learner.id}/matrix`}>All of {matrix.learner.name}&apos;s units</a>
        </p>
        <MatrixTable matrix={matrix} csvHref={`/api/enrolments/${id}/matrix`} />
      </>
    );
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
}
