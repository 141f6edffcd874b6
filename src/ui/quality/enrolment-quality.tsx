import { formatDateTime } from "@/lib/format";
import type { EnrolmentQuality } from "@/server/quality/enrolment-quality";
import { ActionForm } from "@/ui/action-form";
import { Card, Disclosure, TextAreaField } from "@/ui/kit";
import { CriterionStateText } from "@/ui/progress/criterion-state";
import { ReopeningWords, UnlockedSignOffs } from "./quality-history";

type Action = Parameters<typeof ActionForm>[0]["action"];

/** The current sign-off and, while the unit is signed off, the form that unlocks it. */
export function SignOffUnlock({ page, action }: { page: EnrolmentQuality; action: Action }) {
  const { signOff, enrolment } = page;
  return (
    <section aria-labelledby="sign-off-heading">
      <h2 id="sign-off-heading">Unit sign-off</h2>
      {!signOff ? (
        <p>The unit is not signed off.</p>
      ) : (
        <p className="wrap-anywhere">
          Signed off by {signOff.assessorTypedName} on {formatDateTime(signOff.assessorSignedAt)}.{" "}
          {signOff.learnerSignedAt ? `Countersigned by ${signOff.learnerTypedName} on ${formatDateTime(signOff.learnerSignedAt)}.` : "Not countersigned yet."}
        </p>
      )}
      {page.canUnlock && (
        <ActionForm action={action} submitLabel="Unlock sign-off" pendingLabel="Unlocking…" secondary>
          <input type="hidden" name="enrolmentId" value={enrolment.id} />
          <TextAreaField
            id="unlock-reason"
            name="reason"
            label="Why unlock the sign-off?"
            hint="The assessor sees this; the learner is told only that the unit must be signed off again."
            rows={3}
            required
          />
        </ActionForm>
      )}
    </section>
  );
}

/** Each decided criterion with its state and current decision, and a form to reopen it (or why it cannot be). */
export function QualityCriteria({ page, action }: { page: EnrolmentQuality; action: Action }) {
  return (
    <section aria-labelledby="criteria-heading">
      <h2 id="criteria-heading">Decided criteria ({page.criteria.length})</h2>
      {page.criteria.length === 0 ? (
        <p>No criterion has been decided yet.</p>
      ) : (
        <ul className="m-0 grid list-none gap-3 p-0">
          {page.criteria.map((c) => (
            <Card as="li" key={c.id} title={`${c.code}: ${c.text.replace(/\*\*/g, "")}`}>
              <p className="wrap-anywhere">
                <CriterionStateText state={c.state} />
                {c.stale && <strong className="text-danger"> (stale: evidence changed since the decision)</strong>}
                {` Current decision: ${c.decision.outcome === "MET" ? "Met" : "Not yet met"}, signed by ${c.decision.typedName} on ${formatDateTime(c.decision.decidedAt)}.`}
                {c.decision.feedback && ` Feedback: ${c.decision.feedback}`}
              </p>
              {c.blocked ? (
                <p className="mb-0 text-muted">Cannot be reopened now: {c.blocked}</p>
              ) : (
                <Disclosure summary={`Reopen ${c.code}`} className="mb-0">
                  <ActionForm action={action} submitLabel={`Reopen ${c.code}`} pendingLabel="Reopening…" secondary>
                    <input type="hidden" name="enrolmentId" value={page.enrolment.id} />
                    <input type="hidden" name="criterionId" value={c.id} />
                    <TextAreaField
                      id={`reopen-reason-${c.code}`}
                      name="reason"
                      label={`Why reopen ${c.code}?`}
                      hint="The assessor sees this; the learner does not."
                      rows={3}
                      required
                    />
                  </ActionForm>
                </Disclosure>
              )}
            </Card>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Reopenings and unlocks on this enrolment, newest first. */
export function QualityHistory({ page }: { page: EnrolmentQuality }) {
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">History</h2>
      {page.reopenings.length === 0 && page.unlocked.length === 0 && <p>Nothing has been reopened or unlocked.</p>}
      {page.reopenings.length > 0 && (
        <ul className="wrap-anywhere">
          {page.reopenings.map((r) => (
            <li key={r.id}>
              {r.code}: <ReopeningWords r={r} />
            </li>
          ))}
        </ul>
      )}
      <UnlockedSignOffs list={page.unlocked} />
    </section>
  );
}
