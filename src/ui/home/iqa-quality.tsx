import Link from "next/link";
import { formatDate } from "@/lib/format";
import type { iqaQualitySummary, ivReadyQueue } from "@/server/home/quality-home";
import { DataTable, Pager } from "@/ui/kit";
import { CountCards } from "./count-cards";

type Props = { queue: Awaited<ReturnType<typeof ivReadyQueue>>; summary: Awaited<ReturnType<typeof iqaQualitySummary>> };

/** The IQA's quality work on their home: what is ready to sample, plans in draft, actions open. */
export function IqaQuality({ queue, summary }: Props) {
  return (
    <section aria-labelledby="iqa-quality">
      <h2 id="iqa-quality">Quality assurance</h2>
      <CountCards
        label="Counts of quality assurance work"
        counts={[
          { label: "Ready to sample", value: queue.total, href: "#iqa-ready", tone: "info", note: "learner units with decisions not yet sampled" },
          { label: "Sample plans in draft", value: summary.draftCount, href: "/quality/plans", tone: "warning", note: "not yet signed" },
          { label: "Actions open", value: summary.openActions, href: "/quality/actions", tone: "info", note: "raised by you" },
          { label: "Actions overdue", value: summary.overdueActions, href: "/quality/actions", tone: "danger", note: "past their due date" },
        ]}
      />
      {summary.drafts.length > 0 && (
        <>
          <h3>Sample plans in draft</h3>
          <ul>
            {summary.drafts.map((p) => (
              <li key={p.id}>
                <Link href={`/quality/plans/${p.id}`}>{p.title}</Link>: {formatDate(p.periodStart)} to {formatDate(p.periodEnd)}
              </li>
            ))}
          </ul>
        </>
      )}
      <h3 id="iqa-ready">Ready to sample</h3>
      <DataTable
        stack
        label="Ready to sample"
        caption={`Learner units with decisions or a sign-off not yet sampled: ${queue.total}${queue.pages > 1 ? `, page ${queue.page} of ${queue.pages}` : ""}`}
        isEmpty={queue.rows.length === 0}
        empty="Every decision you cover has been sampled."
      >
        <thead>
          <tr>
            <th scope="col">Learner and unit</th>
            <th scope="col">Assessor</th>
            <th scope="col">Not yet sampled</th>
            <th scope="col">Latest decision</th>
          </tr>
        </thead>
        <tbody>
          {queue.rows.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <Link href={`/quality/reviews/new?enrolment=${r.id}`}>
                  Sample {r.learner}, {r.unit}
                </Link>
              </th>
              <td data-label="Assessor">{r.assessor ?? "None assigned"}</td>
              <td data-label="Not yet sampled">
                {r.unsampled} decision{r.unsampled === 1 ? "" : "s"}
                {r.signOffUnsampled ? " and the sign-off" : ""}
              </td>
              <td data-label="Latest decision">{r.latest ? formatDate(r.latest) : "None"}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <Pager label="Pages of learner units ready to sample" page={queue.page} pages={queue.pages} href={(n) => `?ready=${n}#iqa-ready`} />
    </section>
  );
}
