import Link from "next/link";
import { formatDate } from "@/lib/format";
import { type DueGroup, dueGroups } from "@/lib/quality/action-due";
import type { assessorQuality } from "@/server/home/quality-home";
import { DataTable, Status } from "@/ui/kit";
import { CountCards } from "./count-cards";

type Quality = Awaited<ReturnType<typeof assessorQuality>>;
const tones = { Overdue: "danger", "Due today": "warning", "Next 7 days": "info", Later: "neutral" } as const;
const anchor = (g: DueGroup) => `actions-${g.toLowerCase().replaceAll(" ", "-")}`;

/** The assessor's IQA actions by when they are due, and the IQA's recent feedback on their decisions. */
export function AssessorQuality({ quality }: { quality: Quality }) {
  const { actions, verdicts } = quality;
  return (
    <section aria-labelledby="assessor-quality">
      <h2 id="assessor-quality">Quality assurance</h2>
      {quality.openTotal === 0 && <p>No IQA actions are open for you.</p>}
      {quality.openTotal > 0 && (
        <>
          <CountCards
            label="Counts of IQA actions for you"
            counts={dueGroups.map((g) => ({ label: `Actions: ${g.toLowerCase()}`, value: actions[g].length, href: `#${anchor(g)}`, tone: tones[g] }))}
          />
          {quality.openTotal > quality.shown && (
            <p>
              The {quality.shown} due soonest of {quality.openTotal} open actions are shown. <Link href="/quality/actions">See every action</Link>.
            </p>
          )}
          <div className="grid gap-x-8 lg:grid-cols-2 [&>*]:min-w-0">
            {dueGroups.map((g) => (
              <ActionList key={g} group={g} rows={actions[g]} />
            ))}
          </div>
        </>
      )}
      <h3>IQA feedback in the last {quality.feedbackDays} days</h3>
      {verdicts.length === 0 ? (
        <p>No internal quality assurer has sampled your decisions in the last {quality.feedbackDays} days.</p>
      ) : (
        <ul>
          {verdicts.map((v) => (
            <li key={v.id}>
              <Status tone={v.agrees ? "success" : "danger"}>{v.agrees ? "Agreed" : "Disagreed"}</Status> on {formatDate(v.signedAt)}:{" "}
              <Link href={`/quality/reviews/${v.review.id}`}>
                {v.review.enrolment.learner.name}, {v.review.enrolment.unit.displayCode}
              </Link>
              . {v.feedback}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ActionList({ group, rows }: { group: DueGroup; rows: Quality["actions"][DueGroup] }) {
  const title = `Actions: ${group.toLowerCase()}`;
  return (
    <section aria-labelledby={anchor(group)}>
      <h3 id={anchor(group)}>{title}</h3>
      <DataTable stack label={title} caption={`${title}: ${rows.length}`} isEmpty={rows.length === 0} empty="None.">
        <thead>
          <tr>
            <th scope="col">Action</th>
            <th scope="col">Due</th>
            <th scope="col">Replies</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => (
            <tr key={a.id}>
              <th scope="row">
                <Link href={`/quality/actions/${a.id}`}>{a.title}</Link>
              </th>
              <td data-label="Due">{formatDate(a.dueOn)}</td>
              <td data-label="Replies">{a._count.responses}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </section>
  );
}
