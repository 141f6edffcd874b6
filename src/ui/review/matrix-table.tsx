import type { trackingMatrix } from "@/server/assessment/matrix";
import { CriterionStateText } from "../progress/criterion-state";

const cellWords = { CLAIMED: "Claimed", CONFIRMED: "Confirmed", REJECTED: "Rejected", DRAFT: "Draft" } as const;
// Red, amber, green by the criterion's state, always with the state in words and a shape.
const rag = { NOT_STARTED: "rag-none", EVIDENCE_SUBMITTED: "rag-amber", MET: "rag-green", NOT_YET_MET: "rag-red" } as const;
const cellMarks = { CLAIMED: "◐", CONFIRMED: "✔", REJECTED: "✖", DRAFT: "✎" } as const;

export function MatrixTable({ matrix, csvHref }: { matrix: Awaited<ReturnType<typeof trackingMatrix>>; csvHref: string }) {
  return (
    <>
      <p className="no-print">
        <a href={csvHref} download>
          Download as CSV
        </a>{" "}
        · Use your browser&apos;s print command for a printed copy.
      </p>
      <div className="matrix-wrap" tabIndex={0} role="region" aria-label="Tracking matrix, scrolls sideways">
        <table className="matrix">
          <caption>Criteria (rows) by evidence items (columns)</caption>
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
        </table>
      </div>
    </>
  );
}
