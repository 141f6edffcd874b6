import type { Metadata } from "next";
import Link from "next/link";
import { orNotFound, requireActor } from "@/server/edge/page";
import { enrolmentQuality } from "@/server/quality/enrolment-quality";
import { QualityCriteria, QualityHistory, SignOffUnlock } from "@/ui/quality/enrolment-quality";
import { reopenCriterionAction, unlockSignOffAction } from "./actions";

export const metadata: Metadata = { title: "Quality assurance" };

export default async function EnrolmentQualityPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/enrolments/${encodeURIComponent(id)}/quality`);
  const page = await orNotFound(enrolmentQuality(actor, id));
  const { enrolment } = page;
  return (
    <>
      <p className="text-muted">
        <Link href={`/enrolments/${enrolment.id}/review`}>Review</Link> · <Link href={`/enrolments/${enrolment.id}/progress`}>Progress</Link> ·{" "}
        <Link href={`/enrolments/${enrolment.id}/matrix`}>Tracking matrix</Link>
      </p>
      <h1 className="hyphens-auto">
        Quality assurance: {enrolment.learner.name}, {enrolment.unit.displayCode} {enrolment.unit.title}
      </h1>
      <p>
        Assessor: {enrolment.assessor?.name ?? "none assigned"}. Reopening a criterion or unlocking the sign-off changes nothing already signed: the assessor
        decides again, or the assessor and the learner sign again. The learner is told what was reopened, not your reason.
      </p>
      <SignOffUnlock page={page} action={unlockSignOffAction} />
      <QualityCriteria page={page} action={reopenCriterionAction} />
      <QualityHistory page={page} />
    </>
  );
}
