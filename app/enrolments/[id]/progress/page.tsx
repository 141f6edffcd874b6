import type { Metadata } from "next";
import Link from "next/link";
import { formatDate } from "@/lib/format";
import { methodLabels } from "@/lib/portfolio/schemas";
import { sectionLabel } from "@/lib/standards/labels";
import { orNotFound, requireActor } from "@/server/edge/page";
import { unitProgress } from "@/server/portfolio/progress";
import { ActionForm } from "@/ui/action-form";
import { DataTable, ProgressBar, Status, TextField, Timeline } from "@/ui/kit";
import { CriterionStateText } from "@/ui/progress/criterion-state";
import { MetChart } from "@/ui/progress/met-chart";
import { UnlockedSignOffs } from "@/ui/quality/quality-history";
import { countersignUnitAction } from "../../actions";

export const metadata: Metadata = { title: "Progress" };

export default async function ProgressPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/enrolments/${encodeURIComponent(id)}/progress`);
  const progress = await orNotFound(unitProgress(actor, id));
  const { enrolment, totals, span } = progress;
  const ownView = actor.userId === enrolment.learnerId;
  return (
    <>
      <p className="text-muted">
        {enrolment.learner.name} · <Link href={`/enrolments/${enrolment.id}/plan`}>Assessment plan</Link> ·{" "}
        <Link href={`/enrolments/${enrolment.id}/matrix`}>Tracking matrix</Link>
        {progress.can.quality && (
          <>
            {" · "}
            <Link href={`/enrolments/${enrolment.id}/quality`}>Quality assurance</Link>
          </>
        )}
      </p>
      <h1 className="hyphens-auto">
        Progress: {enrolment.unit.displayCode} {enrolment.unit.title}
      </h1>
      <section aria-labelledby="completion">
        <h2 id="completion">Completion</h2>
        <ProgressBar label="Criteria met" value={totals.met} max={totals.criteria} />
        <ul className="my-3 flex list-none flex-wrap gap-2 p-0">
          <li>
            <Status tone="success">Met: {totals.met}</Status>
          </li>
          <li>
            <Status tone="warning">Awaiting a decision: {totals.submitted}</Status>
          </li>
          <li>
            <Status tone="danger">Not yet met: {totals.notYetMet}</Status>
          </li>
          {totals.reopened > 0 && (
            <li>
              <Status tone="warning">Reopened, to be decided again: {totals.reopened}</Status>
            </li>
          )}
          <li>
            <Status tone="neutral">No evidence yet: {totals.notStarted}</Status>
          </li>
        </ul>
        <p>{span ? `Submitted evidence spans ${formatDate(span.from)} to ${formatDate(span.to)}.` : "No evidence has been submitted yet."}</p>
      </section>
      <section aria-labelledby="over-time">
        <h2 id="over-time">Criteria met over time</h2>
        <MetChart id="met-chart" points={progress.metOverTime} total={totals.criteria} />
      </section>
      <section aria-labelledby="criteria-progress">
        <h2 id="criteria-progress">Tracking matrix</h2>
        <p>
          Each criterion&apos;s state: green for met, amber for submitted and awaiting a decision or reopened by quality assurance, red for not yet met, grey
          for no evidence. The words and the icon say the same.
        </p>
        {progress.sections.map((s) => (
          <DataTable key={s.id} stack label={sectionLabel(s, "Knowledge: ")} caption={sectionLabel(s, "Knowledge: ")}>
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
                  <th scope="row" className="break-words">
                    <Link href={`/evidence?criterion=${c.id}${ownView ? "" : `&learner=${enrolment.learnerId}`}`}>{c.code}</Link>{" "}
                    <span className="font-normal">{c.text.replace(/\*\*/g, "")}</span>
                  </th>
                  <td id={`criterion-${c.code}`} data-label="State">
                    <CriterionStateText state={c.state} />
                    {c.stale && <strong className="text-danger"> (stale: evidence changed since the decision)</strong>}
                    {c.state === "REOPENED" && <p className="mt-1 mb-0">Reopened by quality assurance; the assessor will decide again.</p>}
                    {c.state === "NOT_YET_MET" && c.decision?.feedback && (
                      <p className="mt-1 mb-0 break-words">
                        Feedback from {c.decision.typedName}: {c.decision.feedback}
                      </p>
                    )}
                  </td>
                  <td data-label="Items">
                    {c.items}
                    {c.drafts ? ` (+${c.drafts} draft)` : ""}
                  </td>
                  <td data-label="Methods">{c.methods.map((m) => methodLabels[m]).join(", ") || "None"}</td>
                  <td data-label="Evidence dates">
                    {span && c.dates.length ? <Timeline dates={c.dates} span={span} label={`Evidence dates for ${c.code}`} /> : "None"}
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        ))}
      </section>
      <section aria-labelledby="sign-off-heading" id="sign-off">
        <h2 id="sign-off-heading">Unit sign-off</h2>
        <UnlockedSignOffs list={progress.unlocked} />
        {!progress.signOff ? (
          <p>Your assessor signs the unit off when every criterion, knowledge included, is met.</p>
        ) : (
          <>
            <p className="break-words">
              Signed off by {progress.signOff.assessorTypedName} on {formatDate(progress.signOff.assessorSignedAt)}: {progress.signOff.summativeComment}
            </p>
            {progress.signOff.learnerSignedAt ? (
              <p>
                Countersigned by {progress.signOff.learnerTypedName} on {formatDate(progress.signOff.learnerSignedAt)}. The unit is completed.
              </p>
            ) : progress.can.countersign ? (
              <ActionForm action={countersignUnitAction} submitLabel="Countersign unit" pendingLabel="Countersigning…">
                <input type="hidden" name="enrolmentId" value={enrolment.id} />
                <TextField id="cs-name" name="typedName" label="Type your full name to countersign the unit" autoComplete="name" required />
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
              <ul className="list-none pl-0">
                {cat.options.map((o) => (
                  <li key={o.id} className="my-1 break-words">
                    {o.text}: {o.covered ? <Status tone="success">Covered</Status> : <Status tone="neutral">Not covered</Status>}
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
