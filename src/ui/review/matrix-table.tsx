import type { trackingMatrix } from "@/server/assessment/matrix";
import { DataTable } from "@/ui/kit/data-table";
import { CriterionStateText } from "@/ui/progress/criterion-state";

const cellWords = { CLAIMED: "Claimed", CONFIRMED: "Confirmed", REJECTED: "Rejected", DRAFT: "Draft" } as const;
const cellMarks = { CLAIMED: "◐", CONFIRMED: "✔", REJECTED: "✖", DRAFT: "✎" } as const;
// Red, amber, green by the criterion's state, as a tint behind the state in words and an icon.
const rag = { NOT_STARTED: "", EVIDENCE_SUBMITTED: "bg-warning-tint", MET: "bg-success-tint", NOT_YET_MET: "bg-danger-tint" } as const;

/** Criteria by evidence items, each criterion's state red, amber or green; wide, so it scrolls inside its own region. */
export function MatrixTable({ matrix, csvHref }: { matrix: Awaited<ReturnType<typeof trackingMatrix>>; csvHref: string }) {
  return (
    <>
      <p className="print:hidden">
        <a href={csvHref} download>
          Download as CSV
        </a>{" "}
        · Use your browser&apos;s print command for a printed copy.
      </p>
      <DataTable
        label="Tracking matrix, scrolls sideways"
        caption="Criteria (rows) by evidence items (columns)"
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
    </>
  );
}
