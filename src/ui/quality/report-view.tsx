import { Fragment } from "react";
import { type QualityReport, type ReportTable, reportTables } from "@/lib/quality/report-tables";
import { DataTable, Facts, buttonClasses } from "@/ui/kit";

/** A quality report on the page: its facts, downloads (PDF, and each table as CSV) and its tables. */
export function ReportView({ report, download }: { report: QualityReport; download: (query: string) => string }) {
  const tables = Object.keys(reportTables) as ReportTable[];
  return (
    <>
      <Facts className="mb-4">
        {report.facts.map(([k, v]) => (
          <Fragment key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </Fragment>
        ))}
      </Facts>
      <h2>Downloads</h2>
      <ul className="flex list-none flex-wrap gap-2 p-0">
        <li>
          <a href={download("format=pdf")} className={buttonClasses("secondary", "sm")} download>
            The whole report (PDF)
          </a>
        </li>
        {tables.map((t) => (
          <li key={t}>
            <a href={download(`format=csv&table=${t}`)} className={buttonClasses("secondary", "sm")} download>
              {reportTables[t].title} (CSV)
            </a>
          </li>
        ))}
      </ul>
      {tables.map((t) => {
        const table = reportTables[t];
        const rows = table.rows(report);
        return (
          <section key={t} aria-labelledby={`report-${t}`}>
            <h2 id={`report-${t}`}>{table.title}</h2>
            <DataTable stack label={table.title} caption={`${table.title}: ${rows.length}`} isEmpty={rows.length === 0} empty="None.">
              <thead>
                <tr>
                  {table.head.map((h) => (
                    <th key={h} scope="col">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r, i) => (
                  <tr key={i}>
                    {r.map((cell, j) =>
                      j === 0 ? (
                        <th key={j} scope="row">
                          {cell}
                        </th>
                      ) : (
                        <td key={j} data-label={table.head[j]}>
                          {cell}
                        </td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </DataTable>
          </section>
        );
      })}
    </>
  );
}
