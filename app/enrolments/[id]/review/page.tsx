import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime } from "@/lib/format";
import { sectionLabel } from "@/lib/standards/labels";
import { firstToReview, reviewScreen } from "@/server/assessment/review";
import { orNotFound, requireActor } from "@/server/edge/page";
import { holds } from "@/server/policy";
import { ActionForm } from "@/ui/action-form";
import { TextAreaField, TextField } from "@/ui/kit";
import { ClaimForms } from "@/ui/review/claim-forms";
import { CriterionReview } from "@/ui/review/criterion-review";
import { DecisionsForm, SignPanel } from "@/ui/review/decisions-form";
import { ReviewCriteria, ReviewSection } from "@/ui/review/review-criteria";
import { ReviewFocus } from "@/ui/review/review-focus";
import { reviewCriteriaId } from "@/ui/review/review-ids";
import { SignOffGate } from "@/ui/review/review-live";
import { ReviewNavigator } from "@/ui/review/review-navigator";
import { UnlockedSignOffs } from "@/ui/quality/quality-history";
import { decideManyAction, reviewClaimAction, signOffUnitAction } from "../../actions";

export const metadata: Metadata = { title: "Review" };

// Name and password side by side where they fit, their boxes level (the password's hint is above its box).
const signature = "grid max-w-2xl items-end gap-x-4 sm:grid-cols-2 [&>*]:min-w-0";

export default async function ReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/enrolments/${encodeURIComponent(id)}/review`);
  const screen = await orNotFound(reviewScreen(actor, id));
  const { enrolment, sections, live, canDecide, signOff, blocker } = screen;
  const all = sections.flatMap((s) => s.criteria);
  const codes = all.map((c) => c.code);
  const first = firstToReview(all);
  const navigator = sections.map((s) => ({
    code: s.code,
    label: sectionLabel(s, "Knowledge: "),
    criteria: s.criteria.map((c) => ({ id: c.id, code: c.code })),
  }));
  return (
    <>
      <p className="text-muted">
        {holds(actor, "read:enrolment:assessed") ? <Link href="/caseload">Caseload</Link> : <Link href="/">Home</Link>} ·{" "}
        <Link href={`/enrolments/${enrolment.id}/progress`}>Progress</Link> · <Link href={`/enrolments/${enrolment.id}/matrix`}>Tracking matrix</Link> ·{" "}
        <Link href={`/enrolments/${enrolment.id}/plan`}>Assessment plan</Link>
        {screen.canQuality && (
          <>
            {" · "}
            <Link href={`/enrolments/${enrolment.id}/quality`}>Quality assurance</Link>
          </>
        )}
      </p>
      <h1 className="hyphens-auto">
        Review: {enrolment.learner.name}, {enrolment.unit.displayCode} {enrolment.unit.title}
      </h1>
      {canDecide && (
        <p>
          Write a record for {enrolment.learner.name}: <Link href={`/learners/${enrolment.learnerId}/records/new?kind=OBSERVATION`}>Record an observation</Link>{" "}
          · <Link href={`/learners/${enrolment.learnerId}/records/new?kind=QUESTIONING`}>Record questioning</Link> ·{" "}
          <Link href={`/learners/${enrolment.learnerId}/records/new?kind=PROFESSIONAL_DISCUSSION`}>Record a professional discussion</Link>
        </p>
      )}
      <ReviewFocus container={reviewCriteriaId} />
      <DecisionsForm action={decideManyAction} criteria={live}>
        <div className="grid gap-6 lg:grid-cols-[14rem_minmax(0,1fr)] lg:items-start">
          <ReviewNavigator sections={navigator} />
          <div className="min-w-0">
            {canDecide && <ClaimForms action={reviewClaimAction} enrolmentId={enrolment.id} />}
            <ReviewCriteria>
              {sections.map((s) => (
                <ReviewSection key={s.code} id={`sec-${s.code}`} heading={sectionLabel(s, "Knowledge: ")}>
                  {s.criteria.map((c) => {
                    const i = codes.indexOf(c.code);
                    return (
                      <CriterionReview
                        key={c.code}
                        c={c}
                        enrolmentId={enrolment.id}
                        canDecide={canDecide}
                        first={c.code === first}
                        previous={codes[i - 1]}
                        next={codes[i + 1]}
                      />
                    );
                  })}
                </ReviewSection>
              ))}
            </ReviewCriteria>
            {canDecide && (
              <section aria-labelledby="sign-heading" className="mt-4 border-2 border-brand px-4 py-3 print:hidden">
                <h2 id="sign-heading" className="mt-0">
                  Sign your decisions
                </h2>
                <SignPanel hidden={<input type="hidden" name="enrolmentId" value={enrolment.id} />}>
                  <div className={signature}>
                    <TextField id="sign-name" name="typedName" label="Your full name, to sign" autoComplete="name" />
                    <TextField
                      id="sign-pw"
                      name="password"
                      type="password"
                      label="Your password"
                      hint="Not needed if you signed in within the last five minutes."
                      autoComplete="current-password"
                    />
                  </div>
                </SignPanel>
              </section>
            )}
          </div>
        </div>
        <section aria-labelledby="sign-off-heading" id="sign-off">
          <h2 id="sign-off-heading">Unit sign-off</h2>
          <UnlockedSignOffs list={screen.unlocked} />
          {signOff ? (
            <p className="break-words">
              Signed off by {signOff.assessorTypedName} on {formatDateTime(signOff.assessorSignedAt)}: {signOff.summativeComment}{" "}
              {signOff.learnerSignedAt
                ? `Countersigned by ${signOff.learnerTypedName} on ${formatDateTime(signOff.learnerSignedAt)}.`
                : "Awaiting the learner's countersignature."}
            </p>
          ) : canDecide ? (
            // Offered once every criterion is met: as the page loads, or as decisions signed here make it so.
            <SignOffGate>
              <ActionForm action={signOffUnitAction} submitLabel="Sign off unit" pendingLabel="Signing off…">
                <input type="hidden" name="enrolmentId" value={enrolment.id} />
                <TextAreaField id="summativeComment" name="summativeComment" label="Summative comment" rows={4} required />
                <div className={signature}>
                  <TextField id="so-name" name="typedName" label="Your full name, to sign" autoComplete="name" required />
                  <TextField id="so-pw" name="password" type="password" label="Your password" autoComplete="current-password" />
                </div>
              </ActionForm>
            </SignOffGate>
          ) : blocker ? (
            <p>Not yet: {blocker}</p>
          ) : (
            <p>Every criterion is met; the assessor can sign the unit off.</p>
          )}
        </section>
      </DecisionsForm>
    </>
  );
}
