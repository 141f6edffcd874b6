const DAY_MS = 86_400_000;

/** A day as YYYY-MM-DD (the UTC calendar day of `d`), the key closures are looked up by. */
export const dayKey = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Whole working days from `from` to `to`: each day after `from` up to and including `to` that is
 * Monday to Friday and not one of the centre's closures (YYYY-MM-DD). Zero when `to` is not later.
 */
export function workingDaysBetween(from: Date, to: Date, closures: ReadonlySet<string> = new Set()): number {
  const start = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate());
  const end = Date.UTC(to.getUTCFullYear(), to.getUTCMonth(), to.getUTCDate());
  let days = 0;
  for (let t = start + DAY_MS; t <= end; t += DAY_MS) {
    const day = new Date(t);
    const weekday = day.getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !closures.has(dayKey(day))) days++;
  }
  return days;
}
