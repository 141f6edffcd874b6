import { CsvError, parseCsv, toCsv } from "@/lib/csv";
import type { Actor } from "@/server/auth/actor";
import { UserFacingError } from "@/server/errors";
import { administeredCentre } from "@/server/policy";

// The learner import's file (decision 0032): a header row, then one learner per row. Columns may
// come in any order; their names are matched without regard to case, spaces, "_" or "-".

export const importColumns = [
  { key: "name", heading: "Name", names: ["name", "learnername", "fullname"] },
  { key: "email", heading: "Email", names: ["email", "learneremail", "emailaddress"] },
  { key: "units", heading: "Unit codes", names: ["unitcodes", "units", "unit", "unitcode"] },
  { key: "assessorEmail", heading: "Assessor email", names: ["assessoremail", "assessor"] },
  { key: "iqaEmail", heading: "IQA email", names: ["iqaemail", "iqa", "internalqualityassureremail"] },
  { key: "startDate", heading: "Start date", names: ["startdate", "start", "started"] },
] as const;

export type ColumnKey = (typeof importColumns)[number]["key"];
export type RawRow = { row: number } & Record<ColumnKey, string>;
export const columnHeading = Object.fromEntries(importColumns.map((c) => [c.key, c.heading])) as Record<ColumnKey, string>;

export const MAX_IMPORT_ROWS = 5000;
export const MAX_IMPORT_BYTES = 1024 * 1024;
/** Unit codes in one cell are separated by ";" or "|" (a comma would end the cell). */
export const unitSeparators = /[;|]/;

export const templateRows = [
  importColumns.map((c) => c.heading),
  ["Jordan Lee", "jordan.lee@example.com", "CPC308;AG26", "sam.okafor@example.com", "priya.shah@example.com", "3/11/2026"],
  ["Alex Morgan", "alex.morgan@example.com", "CPC 308", "sam.okafor@example.com", "", "10/11/2026"],
];
export const templateCsv = () => toCsv(templateRows);

const normal = (heading: string) => heading.toLowerCase().replace(/[\s_\-.]/g, "");

/** The file's rows as raw text per column; a refusal names what is wrong with the file as a whole. */
export function readImportFile(text: string): RawRow[] {
  let records: string[][];
  try {
    records = parseCsv(text);
  } catch (e) {
    if (e instanceof CsvError) throw new UserFacingError(e.message, { file: e.message });
    throw e;
  }
  const [header, ...rows] = records;
  const refuse = (message: string) => {
    throw new UserFacingError(message, { file: message });
  };
  if (!header) return refuse("The file is empty. Use the template: a header row, then one learner per row.");
  const index = new Map<ColumnKey, number>();
  header.forEach((h, i) => {
    const column = importColumns.find((c) => (c.names as readonly string[]).includes(normal(h)));
    if (column && !index.has(column.key)) index.set(column.key, i);
  });
  const missing = importColumns.filter((c) => !index.has(c.key)).map((c) => `“${c.heading}”`);
  if (missing.length) refuse(`The header row has no ${missing.join(", ")} column${missing.length > 1 ? "s" : ""}. Use the template's first row.`);
  if (!rows.length) refuse("The file has a header row but no learners.");
  if (rows.length > MAX_IMPORT_ROWS)
    refuse(`The file has ${rows.length.toLocaleString("en-GB")} learners; import at most ${MAX_IMPORT_ROWS.toLocaleString("en-GB")} at a time.`);
  return rows.map((cells, i) => {
    const raw = { row: i + 2 } as RawRow;
    for (const c of importColumns) raw[c.key] = (cells[index.get(c.key) ?? -1] ?? "").trim().slice(0, 500);
    return raw;
  });
}

/** A British date, day/month/year ("3/11/2026", "03-11-2026", "3.11.2026"), as "YYYY-MM-DD"; null when it is not one. */
export function britishDay(text: string): string | null {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const iso = `${String(y).padStart(4, "0")}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  const t = Date.parse(`${iso}T00:00:00Z`);
  if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== iso || y < 1900 || y > 2100) return null;
  return iso;
}

/** The template file, for an admin who may import learners. */
export function importTemplate(actor: Actor): { name: string; text: string } {
  administeredCentre(actor, "administer:centre");
  return { name: "learners-template.csv", text: templateCsv() };
}
