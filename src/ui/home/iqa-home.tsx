import type { iqaHome } from "@/server/home/queries";
import { EmptyState } from "../kit";
import { LearnerTable } from "./learner-table";

export function IqaHome({ groups }: { groups: Awaited<ReturnType<typeof iqaHome>> }) {
  return (
    <section aria-labelledby="iqa-cover">
      <h2 id="iqa-cover">Assessors and learners I quality-assure</h2>
      {groups.length === 0 ? (
        <EmptyState>No enrolments name you as their internal quality assurer yet.</EmptyState>
      ) : (
        groups.map((g) => (
          <section key={g.assessor} aria-label={`Assessor ${g.assessor}`}>
            <h3>Assessor: {g.assessor}</h3>
            <LearnerTable caption={`Learners assessed by ${g.assessor}`} learners={g.learners} />
          </section>
        ))
      )}
    </section>
  );
}
