import type { Metadata } from "next";
import Link from "next/link";
import { trackingMatrix } from "@/server/assessment/matrix";
import { orNotFound, requireActor } from "@/server/edge/page";
import { MatrixTable } from "@/ui/review/matrix-table";

export const metadata: Metadata = { title: "Tracking matrix" };

export default async function EnrolmentMatrixPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const actor = await requireActor(`/enrolments/${encodeURIComponent(id)}/matrix`);
  const matrix = await orNotFound(trackingMatrix(actor, { enrolmentId: id }, (await searchParams).page));
  return (
    <>
      <h1>
        Tracking matrix: {matrix.learner.name}, {matrix.enrolments[0]?.unit.displayCode}
      </h1>
      <p>
        <Link href={`/learners/${matrix.learner.id}/matrix`}>All of {matrix.learner.name}&apos;s units</Link>
      </p>
      <MatrixTable matrix={matrix} csvHref={`/api/enrolments/${id}/matrix`} pageHref={(n) => `?page=${n}`} />
    </>
  );
}
