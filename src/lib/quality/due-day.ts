import { dayKey } from "@/lib/working-days";

/** Why a due day cannot be used, or null: it must be a working day (Monday to Friday, not a closure) after today. */
export function dueDayProblem(iso: string, today: string, closures: ReadonlySet<string>): string | null {
  if (iso <= today) return "Choose a due date in the future";
  const weekday = new Date(`${iso}T00:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return "Choose a working day (Monday to Friday)";
  if (closures.has(iso)) return "The centre is closed that day: choose another working day";
  return null;
}

/** The next working day after `today` plus `days` calendar days: a sensible default due date. */
export function workingDayAfter(today: string, days: number, closures: ReadonlySet<string>): string {
  let t = Date.parse(`${today}T00:00:00Z`) + days * 86_400_000;
  for (let i = 0; i < 60; i++) {
    const key = dayKey(new Date(t));
    if (!dueDayProblem(key, today, closures)) return key;
    t += 86_400_000;
  }
  return dayKey(new Date(t));
}
