/** One CSV cell (RFC 4180), with formula-like text neutralised for spreadsheets. */
export function csvCell(v: string): string {
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV line, ended with CRLF. */
export const csvLine = (cells: string[]) => cells.map(csvCell).join(",") + "\r\n";
// A small CSV reader and writer (RFC 4180 as spreadsheets write it): comma-separated, fields in
// double quotes may hold commas, line breaks and doubled quotes; a byte order mark is ignored;
// lines end in CRLF, LF or CR. No package needed for this much (decision 0032).

export class CsvError extends Error {
  constructor(
    message: string,
    readonly row: number,
  ) {
    super(message);
    this.name = "CsvError";
  }
}

/** The records of a CSV text, each a list of fields; blank lines are left out. `row` in errors counts records from 1, as a spreadsheet numbers them. */
export function parseCsv(input: string): string[][] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  let wasQuoted = false;
  let i = 0;
  const endField = () => {
    record.push(wasQuoted ? field : field.trim());
    field = "";
    wasQuoted = false;
  };
  const endRecord = () => {
    endField();
    if (record.length > 1 || record[0] !== "") records.push(record);
    record = [];
  };
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        // Only spaces may follow a closing quote before the comma or the line's end.
        while (text[i] === " " || text[i] === "\t") i++;
        if (i < text.length && text[i] !== "," && text[i] !== "\r" && text[i] !== "\n")
          throw new CsvError(
            `Row ${records.length + 1}: text follows a closing quote. Put the whole field in quotes and double any quote inside it.`,
            records.length + 1,
          );
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field.trim() === "") {
      quoted = true;
      wasQuoted = true;
      field = "";
      i++;
    } else if (c === ",") {
      endField();
      i++;
    } else if (c === "\r" || c === "\n") {
      endRecord();
      i += c === "\r" && text[i + 1] === "\n" ? 2 : 1;
    } else {
      field += c;
      i++;
    }
  }
  if (quoted) throw new CsvError(`Row ${records.length + 1}: a quoted field is not closed. Add the closing double quote.`, records.length + 1);
  if (field !== "" || record.length) endRecord();
  return records;
}

/** Records as CSV text with CRLF line ends (as spreadsheets expect). */
export const toCsv = (records: string[][]) => records.map(csvLine).join("");
