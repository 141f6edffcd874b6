import type { iqaCover } from "@/server/home/queries";
import type { iqaSummary } from "@/server/home/staff-dashboards";
import { EmptyState, Pager } from "@/ui/kit";
import { CountCards } from "./count-cards";
import { LearnerTable } from "./learner-table";

export function IqaHome({ cover, summary }: { cover: Awaited<ReturnType<typeof iqaCover>>; summary: Awaited<ReturnType<typeof iqaSummary>> }) {
  const { groups } = cover;
  return (
    <>
      <section aria-labelledby="iqa-todo">
        <h2 id="iqa-todo">What to sample</h2>
        <CountCards
          label="Counts of what to sample"
          counts={[
            { label: "Enrolments I cover", value: summary.enrolments, href: "#iqa-cover" },
            {
              label: `Decisions in the last ${summary.recentDays} days`,
              value: summary.recentDecisions,
              href: "#iqa-cover",
              tone: "info",
              note: `by ${summary.assessorsDeciding} assessor${summary.assessorsDeciding === 1 ? "" : "s"}`,
            },
            { label: "Units signed off", value: summary.signedOff, href: "#iqa-cover", tone: "info", note: "candidates for sampling" },
            { label: "Sign-offs awaiting the learner", value: summary.awaitingLearner, href: "#iqa-cover", tone: "warning" },
          ]}
        />
      </section>
      <section aria-labelledby="iqa-cover">
        <h2 id="iqa-cover">Assessors and learners I quality-assure</h2>
        {groups.length === 0 ? (
          <EmptyState>No enrolments name you as their internal quality assurer yet. Your centre&apos;s administrator assigns them.</EmptyState>
        ) : (
          <>
            {cover.pages > 1 && (
              <p>
                Page {cover.page} of {cover.pages}: {cover.total} enrolments in all, by learner.
              </p>
            )}
            {groups.map((g) => (
              <section key={g.assessor} aria-label={`Assessor ${g.assessor}`}>
                <h3>Assessor: {g.assessor}</h3>
                <LearnerTable caption={`Learners assessed by ${g.assessor}`} learners={g.learners} />
              </section>
            ))}
            <Pager label="Pages of the learners I cover" page={cover.page} pages={cover.pages} href={(n) => `?cover=${n}`} />
          </>
        )}
      </section>
    </>
  );
}
