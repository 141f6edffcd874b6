import type { verifierHome } from "@/server/home/queries";
import { formatDate } from "@/lib/format";
import { DataTable, EmptyState } from "../kit";

export function VerifierHome({ centres }: { centres: Awaited<ReturnType<typeof verifierHome>> }) {
  return (
    <section aria-labelledby="ev-centres">
      <h2 id="ev-centres">Centres I may verify</h2>
      {centres.length === 0 ? (
        <EmptyState>You have no current access to a centre.</EmptyState>
      ) : (
        <DataTable stack label="Centres open to you" caption="Centres open to you now (read-only)">
          <thead>
            <tr>
              <th scope="col">Centre</th>
              <th scope="col">Learners</th>
              <th scope="col">Enrolments</th>
              <th scope="col">Access ends</th>
            </tr>
          </thead>
          <tbody>
            {centres.map((c) => (
              <tr key={c.centreId}>
                <th scope="row">{c.name}</th>
                <td data-label="Learners">{c.learners}</td>
                <td data-label="Enrolments">{c.enrolments}</td>
                <td data-label="Access ends">{c.accessEnds ? formatDate(c.accessEnds) : "No end date"}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </section>
  );
}
