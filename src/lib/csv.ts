/** One CSV cell (RFC 4180), with formula-like text neutralised for spreadsheets. */
export function csvCell(v: string): string {
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV line, ended with CRLF. */
export const csvLine = (cells: string[]) => cells.map(csvCell).join(",") + "\r\n";
