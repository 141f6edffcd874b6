import type { Metadata } from "next";
import Link from "next/link";
import { formatDate } from "@/lib/format";
import { methodLabels } from "@/lib/portfolio/schemas";
import { sectionLabel } from "@/lib/standards/labels";
import { orNotFound, requireActor } from "@/server/edge/page";
import { unitProgress } from "@/server/portfolio/progress";
import { ActionForm } from "@/ui/action-form";
import { FieldError } from "@/ui/field-error";
import { CriterionStateText } from "@/ui/progress/criterion-state";
import { countersignUnitAction } from "../../actions";
import { MetChart } from "@/ui/progress/met-chart";
import { Timeline } from "@/ui/progress/timeline";

export const metadata: Metadata = { title: "Progress" };

export default async function ProgressPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/enrolments/${encodeURIComponent(id)}/progress`);
  const progress = await orNotFound(unitProgress(actor, id));
  const { enrolment, totals, span } = progress;
  const percent = Math.round((totals.met / totals.criteria) * 100);
  return (
    <>
      <p className="muted">
        {enrolment.learner.name} · <Link href={`/enrolments/${enrolment.id}/plan`}>Assessment plan</Link> · <Link href={`/enrolments/${enrolment.id}/matrix`}>Tracking matrix</Link>
      </p>
      <h1>
        Progress: {enrolment.unit.displayCode} {enrolment.unit.title}
      </h1>
      <section aria-labelledby="completion">
        <h2 id="completion">Completion</h2>
        <p>
          <label htmlFor="completion-bar">
            {totals.met} of {totals.criteria} criteria met ({percent}%)
          </label>{" "}
          <progress id="completion-bar" max={totals.criteria} value={totals.met} />
        </p>
        <ul>
          <li>Met: {totals.met}</li>
          <li>Submitted, awaiting a decision: {totals.submitted}</li>
          <li>Not yet met: {totals.notYetMet}</li>
          <li>No evidence yet: {totals.notStarted}</li>
        </ul>
        <p>{span ? `Submitted evidence spans ${formatDate(span.from)} to ${formatDate(span.to)}.` : "No evidence has been submitted yet."}</p>
      </section>
      <section aria-labelledby="over-time">
        <h2 id="over-time">Criteria met over time</h2>
        <MetChart id="met-chart" points={progress.metOverTime} total={totals.criteria} />
      </section>
      <section aria-labelledby="criteria-progress">
        <h2 id="criteria-progress">Criteria</h2>
        {progress.sections.map((s) => (
          <table key={s.id}>
            <caption>{sectionLabel(s, "Knowledge: ")}</caption>
            <thead>
              <tr>
                <th scope="col">Criterion</th>
                <th scope="col">State</th>
                <th scope="col">Items</th>
                <th scope="col">Methods</th>
                <th scope="col">Evidence dates</th>
              </tr>
            </thead>
            <tbody>
              {s.criteria.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <Link href={`/evidence?criterion=${c.id}${actor.userId === enrolment.learnerId ? "" : `&learner=${enrolment.learnerId}`}`}>{c.code}</Link> <span className="criterion-text">{c.text.replace(/\*\*/g, "")}</span>
                  </th>
                  <td id={`criterion-${c.code}`}>
                    <CriterionStateText state={c.state} />
                    {c.stale && <strong className="stale"> (stale: evidence changed since the decision)</strong>}
                    {c.state === "NOT_YET_MET" && c.decision?.feedback && <p className="feedback">Feedback from {c.decision.typedName}: {c.decision.feedback}</p>}
                  </td>
                  <td>
                    {c.items}
                    {c.drafts ? ` (+${c.drafts} draft)` : ""}
                  </td>
                  <td>{c.methods.map((m) => methodLabels[m]).join(", ") || "None"}</td>
                  <td>{c.dates.length ? <Timeline dates={c.dates} span={span!} label={`Evidence dates for ${c.code}`} /> : "None"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </section>
      <section aria-labelledby="sign-off-heading" id="sign-off">
        <h2 id="sign-off-heading">Unit sign-off</h2>
        {!progress.signOff ? (
          <p>Your assessor signs the unit off when every criterion, knowledge included, is met.</p>
        ) : (
          <>
            <p>
              Signed off by {progress.signOff.assessorTypedName} on {formatDate(progress.signOff.assessorSignedAt)}: {progress.signOff.summativeComment}
            </p>
            {progress.signOff.learnerSignedAt ? (
              <p>
                Countersigned by {progress.signOff.learnerTypedName} on {formatDate(progress.signOff.learnerSignedAt)}. The unit is completed.
              </p>
            ) : progress.can.countersign ? (
              <ActionForm action={countersignUnitAction} submitLabel="Countersign unit" pendingLabel="Countersigning…">
                <input type="hidden" name="enrolmentId" value={enrolment.id} />
                <label htmlFor="cs-name">Type your full name to countersign the unit</label>
                <FieldError name="typedName" />
                <input id="cs-name" name="typedName" type="text" autoComplete="name" required />
              </ActionForm>
            ) : (
              <p>Awaiting the learner&apos;s countersignature.</p>
            )}
          </>
        )}
      </section>
      {progress.scope.length > 0 && (
        <section aria-labelledby="scope-coverage">
          <h2 id="scope-coverage">Scope coverage</h2>
          <p>Options of each scope category that submitted evidence covers. You need evidence for the options that apply to your work.</p>
          {progress.scope.map((cat) => (
            <div key={cat.name}>
              <h3>
                {cat.name}: {cat.options.filter((o) => o.covered).length} of {cat.options.length} covered
              </h3>
              <ul className="coverage">
                {cat.options.map((o) => (
                  <li key={o.id} className={o.covered ? "covered" : "uncovered"}>
                    <span aria-hidden="true">{o.covered ? "✔ " : "○ "}</span>
                    {o.text}: {o.covered ? <strong>covered</strong> : "not covered"}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      )}
    </>
  );
}
