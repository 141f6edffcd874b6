import { toCsv } from "@/lib/csv";
import { TaggedPdf } from "@/server/pdf/tagged-pdf";
import { UserFacingError } from "@/server/errors";
import { type QualityReport, type ReportTable, isReportTable, reportTables } from "@/lib/quality/report-tables";

// A quality report as files: a CSV per table (each a proper table a spreadsheet can filter) and
// one tagged PDF with everything.

export function reportCsv(report: QualityReport, table: ReportTable): string {
  const t = reportTables[table];
  return toCsv([[...t.head], ...t.rows(report)]);
}

export function reportPdf(report: QualityReport): ReadableStream<Uint8Array> {
  const pdf = new TaggedPdf(report.title, { subject: "Internal quality assurance report", landscape: true });
  pdf.heading(1, report.title);
  pdf.facts(report.facts);
  for (const key of Object.keys(reportTables) as ReportTable[]) {
    const t = reportTables[key];
    const rows = t.rows(report);
    pdf.heading(2, t.title);
    if (rows.length === 0) pdf.paragraph("None.");
    else pdf.table({ caption: `${t.title}: ${rows.length}`, head: [...t.head], rows, widths: [...t.widths] });
  }
  return pdf.stream();
}

/** The download a report's route answers: `?format=pdf`, or `?format=csv&table=items|assessors|verdicts|actions`. */
export function reportDownload(
  report: QualityReport,
  params: URLSearchParams,
): { fileName: string; csv: string } | { fileName: string; pdf: ReadableStream<Uint8Array> } {
  const format = params.get("format") ?? "pdf";
  if (format === "pdf") return { fileName: `${report.fileName}.pdf`, pdf: reportPdf(report) };
  const table = params.get("table") ?? "items";
  if (format !== "csv" || !isReportTable(table))
    throw new UserFacingError("Ask for format=pdf, or format=csv with table=items, assessors, verdicts or actions.");
  return { fileName: `${report.fileName}-${table}.csv`, csv: reportCsv(report, table) };
}
