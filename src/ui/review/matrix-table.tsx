import type { trackingMatrix } from "@/server/assessment/matrix";
import { DataTable } from "@/ui/kit/data-table";
import { Pager } from "@/ui/kit/pager";
import { CriterionStateText } from "@/ui/progress/criterion-state";

const cellWords = { CLAIMED: "Claimed", CONFIRMED: "Confirmed", REJECTED: "Rejected", DRAFT: "Draft" } as const;
const cellMarks = { CLAIMED: "◐", CONFIRMED: "✔", REJECTED: "✖", DRAFT: "✎" } as const;
// Red, amber, green by the criterion's state, as a tint behind the state in words and an icon.
const rag = {
  NOT_STARTED: "",
  EVIDENCE_SUBMITTED: "bg-warning-tint",
  MET: "bg-success-tint",
  NOT_YET_MET: "bg-danger-tint",
  REOPENED: "bg-warning-tint",
} as const;

/**
 * Criteria by evidence items, each criterion's state red, amber or green; wide, so it scrolls inside its own region.
 * The items come a page at a time, oldest first (`pageHref` links a page); the CSV has them all.
 */
export function MatrixTable({
  matrix,
  csvHref,
  pageHref,
}: {
  matrix: Awaited<ReturnType<typeof trackingMatrix>>;
  csvHref: string;
  pageHref: (page: number) => string;
}) {
  const { page, pages, total, from, size } = matrix.itemPage;
  const shown = matrix.items.length ? `items ${from} to ${from + matrix.items.length - 1} of ${total}` : `no items (${total} in all)`;
  return (
    <>
      <p className="print:hidden">
        <a href={csvHref} download>
          Download as CSV
        </a>
        {pages > 1 ? `, with all ${total} items` : ""} · Use your browser&apos;s print command for a printed copy{pages > 1 ? " of this page" : ""}.
      </p>
      {/* Said outside the table too: its caption is as wide as the table, so on a phone it scrolls away. */}
      {pages > 1 && (
        <p>
          Evidence {shown}, oldest first, {size} to a page.
        </p>
      )}
      <DataTable
        label="Tracking matrix, scrolls sideways"
        caption={`Criteria (rows) by evidence items (columns)${pages > 1 ? `: ${shown}, oldest first` : ""}`}
        tableClassName="[&_td]:border [&_td]:border-line [&_th]:border [&_th]:border-line [&_td]:whitespace-nowrap [&_th]:whitespace-nowrap"
      >
        <thead>
          <tr>
            <th scope="col">Criterion</th>
            <th scope="col">State</th>
            {matrix.items.map((i) => (
              <th scope="col" key={i.id}>
                {i.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.rows.map((r) => (
            <tr key={`${r.unit}-${r.code}`}>
              <th scope="row">
                {r.unit} {r.code}
              </th>
              <td className={rag[r.state]}>
                <CriterionStateText state={r.state} />
                {r.stale ? " (stale)" : ""}
              </td>
              {r.cells.map((c, i) => (
                <td key={i}>
                  {c && (
                    <>
                      <span aria-hidden="true">{cellMarks[c]} </span>
                      {cellWords[c]}
                    </>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </DataTable>
      <Pager label="Pages of evidence items" page={page} pages={pages} href={pageHref} />
    </>
  );
}
