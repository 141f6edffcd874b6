import type { CellState, Coverage } from "@/lib/quality/coverage";
import { methodLabels } from "@/lib/portfolio/schemas";
import { DataTable, Status } from "@/ui/kit";

// A plan's coverage: each assessor's share against their strategy, assessor × unit × method, and
// the criteria sampled per unit. Every state is said in words; colour and marks only repeat it.

const cellWords: Record<CellState, string> = { SAMPLED: "Sampled", NOT_SAMPLED: "Not sampled", NONE: "Nothing to sample" };
const cellMarks: Record<CellState, string> = { SAMPLED: "✔", NOT_SAMPLED: "✖", NONE: "–" };
const cellTint: Record<CellState, string> = { SAMPLED: "bg-success-tint", NOT_SAMPLED: "bg-danger-tint", NONE: "" };
const grid = "[&_td]:border [&_td]:border-line [&_th]:border [&_th]:border-line [&_td]:whitespace-nowrap [&_th]:whitespace-nowrap";

export function CoverageMatrix({ coverage }: { coverage: Coverage }) {
  const below = coverage.assessors.filter((a) => a.below);
  return (
    <>
      {below.length > 0 ? (
        <p>
          <Status tone="warning">Below strategy</Status> {below.map((a) => a.assessorName).join(", ")}: the plan samples less of their work than the strategy
          asks.
        </p>
      ) : coverage.assessors.length > 0 ? (
        <p>
          <Status tone="success">Meets strategy</Status> The plan samples at least the strategy&apos;s share of every assessor&apos;s work.
        </p>
      ) : null}
      <DataTable
        stack
        label="Assessors against the strategy"
        caption="Each assessor's planned share against their strategy"
        isEmpty={coverage.assessors.length === 0}
        empty="No assessors' work to sample in this period."
      >
        <thead>
          <tr>
            <th scope="col">Assessor</th>
            <th scope="col">Risk</th>
            <th scope="col">Learners</th>
            <th scope="col">Learner-units</th>
            <th scope="col">Interim and summative</th>
            <th scope="col">Against the strategy</th>
          </tr>
        </thead>
        <tbody>
          {coverage.assessors.map((a) => (
            <tr key={a.assessorId}>
              <th scope="row" data-label="Assessor">
                {a.assessorName}
              </th>
              <td data-label="Risk">{a.level.toLowerCase()}</td>
              <td data-label="Learners">
                {a.learners.planned} of {a.learners.total} planned ({a.learners.plannedPercent}%); the strategy asks for {a.learners.requiredPercent}%, at least{" "}
                {a.learners.required}
              </td>
              <td data-label="Learner-units">
                {a.units.planned} of {a.units.total} planned ({a.units.plannedPercent}%); the strategy asks for {a.units.requiredPercent}%, at least{" "}
                {a.units.required}
              </td>
              <td data-label="Interim and summative">
                {a.interim} interim, {a.summative} summative
              </td>
              <td data-label="Against the strategy">
                {a.below ? <Status tone="warning">Below strategy</Status> : <Status tone="success">Meets strategy</Status>}
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <h3>Assessors, units and methods</h3>
      <DataTable
        label="Coverage matrix, scrolls sideways"
        caption="Assessor and unit (rows) by assessment method (columns)"
        tableClassName={grid}
        isEmpty={coverage.cells.length === 0}
        empty="Nothing to cover in this period."
      >
        <thead>
          <tr>
            <th scope="col">Assessor</th>
            <th scope="col">Unit</th>
            {coverage.methods.map((m) => (
              <th scope="col" key={m}>
                {methodLabels[m]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {coverage.cells.map((c) => (
            <tr key={`${c.assessorId}-${c.unitCode}`}>
              <th scope="row">{c.assessorName}</th>
              <th scope="row">
                {c.unitCode}
                {c.planned ? "" : " (not in the plan)"}
              </th>
              {coverage.methods.map((m) => {
                const state = c.byMethod[m] ?? "NONE";
                return (
                  <td key={m} className={cellTint[state]}>
                    <span aria-hidden="true">{cellMarks[state]} </span>
                    {cellWords[state]}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </DataTable>
      <h3>Criteria sampled over the period</h3>
      {coverage.criteria.length === 0 ? (
        <p>No decisions in this period.</p>
      ) : (
        <ul>
          {coverage.criteria.map((u) => (
            <li key={u.unitCode} className="wrap-break-word">
              <strong>{u.unitCode}</strong>: sampled {u.sampled.length ? u.sampled.join(", ") : "none"}; decided but not sampled{" "}
              {u.notSampled.length ? u.notSampled.join(", ") : "none"}.
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
