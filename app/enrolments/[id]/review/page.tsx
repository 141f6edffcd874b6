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
import { DecisionsForm, SignPanel } from "@/ui/review/decisions-form";
import { ReviewFocus } from "@/ui/review/review-focus";
import { ReviewNavigator } from "@/ui/review/review-navigator";
import { decideManyAction, reviewClaimAction, signOffUnitAction } from "../../actions";
import "./review.css";

export const metadata: Metadata = { title: "Review" };

export default async function ReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/enrolments/${encodeURIComponent(id)}/review`);
  const screen = await orNotFound(reviewScreen(actor, id));
  const { enrolment, sections, canDecide, signOff, blocker } = screen;
  const all = sections.flatMap((s) => s.criteria);
  const codes = all.map((c) => c.code);
  // The criterion shown first: the first waiting for a decision, else the first.
  const first = (all.find((c) => c.state === "EVIDENCE_SUBMITTED" || c.stale) ?? all[0])?.code;
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
      <ReviewFocus container="review-criteria" />
      <DecisionsForm action={decideManyAction}>
        <div className="review-layout">
          <ReviewNavigator sections={sections} />
          <div>
            <div className="review-criteria" id="review-criteria">
              {sections.map((s) => (
                <section key={s.code} className="review-section" aria-labelledby={`sec-${s.code}`}>
                  <h2 id={`sec-${s.code}`}>{sectionLabel(s, "Knowledge: ")}</h2>
                  {s.criteria.map((c) => {
                    const i = codes.indexOf(c.code);
                    return <CriterionReview key={c.code} c={c} enrolmentId={enrolment.id} canDecide={canDecide} first={c.code === first} previous={codes[i - 1]} next={codes[i + 1]} claim={reviewClaimAction} />;
                  })}
                </section>
              ))}
            </div>
            {canDecide && (
              <section aria-labelledby="sign-heading" className="sign-panel">
                <h2 id="sign-heading">Sign your decisions</h2>
                <SignPanel hidden={<input type="hidden" name="enrolmentId" value={enrolment.id} />}>
                  <div className="inline-fields">
                    <div>
                      <label htmlFor="sign-name">Your full name, to sign</label>
                      <FieldError name="typedName" />
                      <input id="sign-name" name="typedName" type="text" autoComplete="name" />
                    </div>
                    <div>
                      <label htmlFor="sign-pw">Your password</label>
                      <FieldError name="password" />
                      <input id="sign-pw" name="password" type="password" autoComplete="current-password" aria-describedby="sign-pw-hint" />
                      <p className="hint" id="sign-pw-hint">
                        Not needed if you signed in within the last five minutes.
                      </p>
                    </div>
                  </div>
                </SignPanel>
              </section>
            )}
          </div>
        </div>
      </DecisionsForm>
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
