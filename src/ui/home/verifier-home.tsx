import type { verifierHome } from "@/server/home/queries";
import type { verifierSummary } from "@/server/home/staff-dashboards";
import { formatDate } from "@/lib/format";
import { EmptyState } from "@/ui/kit";
import { CountCards } from "./count-cards";
import { EnrolmentTable } from "./enrolment-table";

type Props = { centres: Awaited<ReturnType<typeof verifierHome>>; summary: Awaited<ReturnType<typeof verifierSummary>> };

export function VerifierHome({ centres, summary }: Props) {
  return (
    <>
      <section aria-labelledby="ev-todo">
        <h2 id="ev-todo">What to verify</h2>
        <CountCards
          label="Counts of what to verify"
          counts={[
            { label: "Centres open to me", value: summary.centres, href: "#ev-centres" },
            {
              label: `Access ending within ${summary.warningDays} days`,
              value: summary.accessEndingSoon,
              href: "#ev-centres",
              tone: "warning",
              note: summary.nextAccessEnd ? `next ends ${formatDate(summary.nextAccessEnd)}` : "no end date",
            },
            {
              label: "Enrolments I may review",
              value: summary.enrolments,
              href: "#ev-centres",
              note: `${summary.learners} learner${summary.learners === 1 ? "" : "s"}`,
            },
            { label: "Units completed", value: summary.completed, href: "#ev-centres", tone: "info", note: "ready to sample" },
          ]}
        />
      </section>
      <section aria-labelledby="ev-centres">
        <h2 id="ev-centres">Centres I may verify</h2>
        {centres.length === 0 ? (
          <EmptyState>You have no current access to a centre. A centre&apos;s administrator grants it for the time of a visit.</EmptyState>
        ) : (
          centres.map((c) => (
            <section key={c.centreId} aria-labelledby={`ev-${c.centreId}`}>
              <h3 id={`ev-${c.centreId}`}>{c.name}</h3>
              <p>
                Read-only access {c.accessEnds ? `until ${formatDate(c.accessEnds)}` : "with no end date"}: {c.learners} learner{c.learners === 1 ? "" : "s"},{" "}
                {c.enrolments.total} enrolment
                {c.enrolments.total === 1 ? "" : "s"}.
              </p>
              <EnrolmentTable label={`${c.name} enrolments`} enrolments={c.enrolments} href={(n) => `?enrolments=${n}`} />
            </section>
          ))
        )}
      </section>
    </>
  );
}
