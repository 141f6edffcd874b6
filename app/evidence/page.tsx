import type { Metadata } from "next";
import Link from "next/link";
import { formatDate } from "@/lib/format";
import { methodLabels } from "@/lib/portfolio/schemas";
import { requireActor } from "@/server/edge/page";
import { evidenceLibrary } from "@/server/portfolio/queries";
import { EvidenceStatusText } from "@/ui/evidence/evidence-status";
import { LibraryFilters } from "@/ui/evidence/library-filters";
import { ButtonLink, DataTable, Notice, Pager } from "@/ui/kit";

export const metadata: Metadata = { title: "Evidence library" };

type Search = Record<string, string | string[] | undefined>;

export default async function EvidenceLibraryPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireActor("/evidence");
  const params = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const library = await evidenceLibrary(actor, params);
  const learnerView = library.can.create && (!library.filters.learner || library.filters.learner === actor.userId);
  const pageLink = (page: number) => `?${new URLSearchParams({ ...(params as Record<string, string>), page: String(page) })}`;
  return (
    <>
      <h1>{learnerView ? "My evidence" : "Evidence library"}</h1>
      {learnerView && (
        <p>
          <ButtonLink href="/evidence/new">Add evidence</ButtonLink>
        </p>
      )}
      <LibraryFilters values={params} learner={library.filters.learner} />
      {library.invalid && <Notice>Some filters were not understood and were ignored.</Notice>}
      <DataTable
        stack
        label="Evidence"
        caption={
          <>
            {library.total} item{library.total === 1 ? "" : "s"}
            {library.pages > 1 ? `, page ${library.page} of ${library.pages}` : ""}
          </>
        }
      >
        <thead>
          <tr>
            <th scope="col">Item</th>
            {!learnerView && <th scope="col">Learner</th>}
            <th scope="col">Activity date</th>
            <th scope="col">Method</th>
            <th scope="col">Criteria</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {library.rows.map((e) => (
            <tr key={e.id}>
              <th scope="row">
                <Link href={`/evidence/${e.id}`}>{e.title}</Link>
              </th>
              {!learnerView && <td data-label="Learner">{e.learner.name}</td>}
              <td data-label="Activity date">{formatDate(e.activityFrom)}</td>
              <td data-label="Method">{methodLabels[e.method]}</td>
              <td data-label="Criteria">{e.links.map((l) => `${l.enrolment.unit.displayCode} ${l.criterion.code}`).join(", ") || "None yet"}</td>
              <td data-label="State">
                <EvidenceStatusText status={e.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <Pager label="Evidence pages" page={library.page} pages={library.pages} href={pageLink} />
    </>
  );
}
