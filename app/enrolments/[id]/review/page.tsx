import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime } from "@/lib/format";
import { sectionLabel } from "@/lib/standards/labels";
import { reviewScreen } from "@/server/assessment/review";
import { orNotFound, requireActor } from "@/server/edge/page";
import { holds } from "@/server/policy";
import { ActionForm } from "@/ui/action-form";
import { FieldError } from "@/ui/field-error";
import { CriterionReview } from "@/ui/review/criterion-review";
import { ReviewKeys } from "@/ui/review/review-keys";
import { decideAction, reviewClaimAction, signOffUnitAction } from "../../actions";

export const metadata: Metadata = { title: "Review" };

export default async function ReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/enrolments/${encodeURIComponent(id)}/review`);
  const screen = await orNotFound(reviewScreen(actor, id));
  const { enrolment, sections, canDecide, signOff, blocker } = screen;
  const codes = sections.flatMap((s) => s.criteria.map((c) => c.code));
  return (
    <>
      <p className="muted">
        {holds(actor, "read:enrolment:assessed") ? <Link href="/caseload">Caseload</Link> : <Link href="/">Home</Link>} · <Link href={`/enrolments/${enrolment.id}/progress`}>Progress</Link> · <Link href={`/enrolments/${enrolment.id}/matrix`}>Tracking matrix</Link> · <Link href={`/enrolments/${enrolment.id}/plan`}>Assessment plan</Link>
      </p>
      <h1>
        Review: {enrolment.learner.name}, {enrolment.unit.displayCode} {enrolment.unit.title}
      </h1>
      {canDecide && (
        <p>
          Write a record for {enrolment.learner.name}: <Link href={`/learners/${enrolment.learnerId}/records/new?kind=OBSERVATION`}>Record an observation</Link> ·{" "}
          <Link href={`/learners/${enrolment.learnerId}/records/new?kind=QUESTIONING`}>Record questioning</Link> ·{" "}
          <Link href={`/learners/${enrolment.learnerId}/records/new?kind=PROFESSIONAL_DISCUSSION`}>Record a professional discussion</Link>
        </p>
      )}
      {canDecide && <ReviewKeys />}
      {sections.map((s) => (
        <section key={s.id} aria-labelledby={`sec-${s.id}`}>
          <h2 id={`sec-${s.id}`}>{sectionLabel(s, "Knowledge: ")}</h2>
          {s.criteria.map((c) => (
            <CriterionReview key={c.id} c={c} enrolmentId={enrolment.id} canDecide={canDecide} next={codes[codes.indexOf(c.code) + 1]} actions={{ decide: decideAction, claim: reviewClaimAction }} />
          ))}
        </section>
      ))}
      <section aria-labelledby="sign-off-heading" id="sign-off">
        <h2 id="sign-off-heading">Unit sign-off</h2>
        {signOff ? (
          <p>
            Signed off by {signOff.assessorTypedName} on {formatDateTime(signOff.assessorSignedAt)}: {signOff.summativeComment}{" "}
            {signOff.learnerSignedAt ? `Countersigned by ${signOff.learnerTypedName} on ${formatDateTime(signOff.learnerSignedAt)}.` : "Awaiting the learner's countersignature."}
          </p>
        ) : blocker ? (
          <p>Not yet: {blocker}</p>
        ) : canDecide ? (
          <ActionForm action={signOffUnitAction} submitLabel="Sign off unit" pendingLabel="Signing off…">
            <input type="hidden" name="enrolmentId" value={enrolment.id} />
            <div className="field">
              <label htmlFor="summativeComment">Summative comment</label>
              <FieldError name="summativeComment" />
              <textarea id="summativeComment" name="summativeComment" rows={4} required />
            </div>
            <div className="inline-fields">
              <div>
                <label htmlFor="so-name">Your full name, to sign</label>
                <FieldError name="typedName" />
                <input id="so-name" name="typedName" type="text" autoComplete="name" required />
              </div>
              <div>
                <label htmlFor="so-pw">Your password</label>
                <FieldError name="password" />
                <input id="so-pw" name="password" type="password" autoComplete="current-password" />
              </div>
            </div>
          </ActionForm>
        ) : (
          <p>Every criterion is met; the assessor can sign the unit off.</p>
        )}
      </section>
    </>
  );
}
