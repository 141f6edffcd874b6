// A date typed as three boxes, day / month / year (GOV.UK's date input), so what people type does
// not depend on the browser's locale. Forms post `<name>-day`, `<name>-month` and `<name>-year`; the
// edge reads them into one DayParts, and the schemas' `day(...)` turns it into "YYYY-MM-DD".

export type DayParts = { day: unknown; month: unknown; year: unknown };

export const dayPartNames = (name: string) => ({ day: `${name}-day`, month: `${name}-month`, year: `${name}-year` });

/** Whether a value is a DayParts (an object with day, month and year keys), as posted or sent as JSON. */
export const isDayParts = (v: unknown): v is DayParts => typeof v === "object" && v !== null && !Array.isArray(v) && "day" in v && "month" in v && "year" in v;

/** The three fields of `name`, read through `get`; undefined when none of them was sent. */
export function readDayParts(get: (field: string) => unknown, name: string): DayParts | undefined {
  const n = dayPartNames(name);
  const parts = { day: get(n.day), month: get(n.month), year: get(n.year) };
  if (parts.day == null && parts.month == null && parts.year == null) return undefined;
  return { day: parts.day ?? "", month: parts.month ?? "", year: parts.year ?? "" };
}

/** Query parameters (a GET form) with each named date's three boxes read into one value; boxes left empty mean no date. */
export function withDayParts(params: Record<string, unknown>, names: string[]): Record<string, unknown> {
  const read = { ...params };
  for (const name of names) {
    const parts = readDayParts((n) => params[n], name);
    if (!parts) continue;
    for (const n of Object.values(dayPartNames(name))) delete read[n];
    if (dayPartsEmpty(parts)) delete read[name];
    else read[name] = parts;
  }
  return read;
}

/** Whether every part was left empty (an optional date not given). */
export const dayPartsEmpty = (p: DayParts) => [p.day, p.month, p.year].every((v) => typeof v === "string" && v.trim() === "");

/** "YYYY-MM-DD" as the three boxes show it ("2026-03-07" → 7, 3, 2026); anything else as empty boxes. */
export function partsOfDay(iso: string | undefined): { day: string; month: string; year: string } {
  const [, year, month, day] = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? "") ?? [];
  return year && month && day ? { day: String(Number(day)), month: String(Number(month)), year } : { day: "", month: "", year: "" };
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The day the parts name, as "YYYY-MM-DD", or the message to show beside the group (GOV.UK's
 * wording: "… must include a month", "… must be a real date"). Whether the day exists and is in
 * range is left to `day(...)`, which checks every date the same way.
 */
export function dayFromParts(p: DayParts, label: string): { day: string } | { error: string } {
  const text = [p.day, p.month, p.year].map((v) => (typeof v === "string" ? v.trim() : null));
  const [d, m, y] = text;
  if (d == null || m == null || y == null) return { error: `${capital(label)} must be a real date` };
  if (!d && !m && !y) return { error: `Enter ${label}` };
  const missing = (["day", "month", "year"] as const).filter((_, i) => !text[i]);
  if (missing.length) return { error: `${capital(label)} must include a ${missing.join(" and a ")}` };
  if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || !/^\d+$/.test(y)) return { error: `${capital(label)} must be a real date` };
  if (y.length !== 4) return { error: "Year must include 4 numbers" };
  return { day: `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}` };
}
