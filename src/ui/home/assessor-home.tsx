import type { assessorHome } from "@/server/home/queries";
import { EmptyState } from "../kit";
import { LearnerTable } from "./learner-table";

export function AssessorHome({ learners }: { learners: Awaited<ReturnType<typeof assessorHome>> }) {
  return (
    <section aria-labelledby="caseload">
      <h2 id="caseload">My learners</h2>
      {learners.length === 0 ? <EmptyState>No learners are assigned to you yet.</EmptyState> : <LearnerTable caption={`${learners.length} learners assigned to you`} learners={learners} />}
    </section>
  );
}
