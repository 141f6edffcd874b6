import type { verifierHome } from "@/server/home/queries";
import { formatDate } from "@/lib/format";
import { EmptyState } from "../kit";
import { EnrolmentTable } from "./enrolment-table";

export function VerifierHome({ centres }: { centres: Awaited<ReturnType<typeof verifierHome>> }) {
  return (
    <section aria-labelledby="ev-centres">
      <h2 id="ev-centres">Centres I may verify</h2>
      {centres.length === 0 ? (
        <EmptyState>You have no current access to a centre.</EmptyState>
      ) : (
        centres.map((c) => (
          <section key={c.centreId} aria-labelledby={`ev-${c.centreId}`}>
            <h3 id={`ev-${c.centreId}`}>{c.name}</h3>
            <p>
              Read-only access {c.accessEnds ? `until ${formatDate(c.accessEnds)}` : "with no end date"}: {c.learners} learner{c.learners === 1 ? "" : "s"}, {c.enrolments.total} enrolment
              {c.enrolments.total === 1 ? "" : "s"}.
            </p>
            <EnrolmentTable label={`${c.name} enrolments`} enrolments={c.enrolments} href={(n) => `?enrolments=${n}`} />
          </section>
        ))
      )}
    </section>
  );
}
