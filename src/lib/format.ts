// Dates people read are British and in words, "22 November 2026", and times are UK time,
// "22 November 2026 at 14:05" (Europe/London, so GMT or BST as the clock on the wall says), on every
// page and in every email, whatever the server's or the browser's own zone and locale. They are
// built from parts so that Node's and the browser's ICU (which differ in the words between date and
// time) give the same text. Machine outputs (CSV, JSON, audit data) keep ISO 8601.

export const ukTimeZone = "Europe/London";

const dateParts = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: ukTimeZone,
});

function partsOf(d: Date) {
  const p = Object.fromEntries(dateParts.formatToParts(d).map((x) => [x.type, x.value]));
  return { date: `${Number(p.day)} ${p.month} ${p.year}`, time: `${p.hour}:${p.minute}` };
}

/** "22 November 2026": the day in the UK. */
export const formatDate = (d: Date) => partsOf(d).date;

/** "22 November 2026 at 14:05": the day and 24-hour time in the UK. */
export const formatDateTime = (d: Date) => {
  const p = partsOf(d);
  return `${p.date} at ${p.time}`;
};

const numericDay = new Intl.DateTimeFormat("en-GB", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: ukTimeZone });

/** "2026-11-22": the day it is in the UK at that moment (for "not in the future" checks on typed days). */
export const ukDay = (d: Date) => {
  const p = Object.fromEntries(numericDay.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}`;
};

const wallClock = new Intl.DateTimeFormat("en-GB", {
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: ukTimeZone,
});

/** The moment a UK day ("2026-07-01") begins: midnight on the clock on the wall, GMT or BST. */
export function ukDayStart(iso: string): Date {
  const guess = new Date(`${iso}T00:00:00Z`);
  const p = Object.fromEntries(wallClock.formatToParts(guess).map((x) => [x.type, x.value]));
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
  return new Date(guess.getTime() - (wall - guess.getTime()));
}

/** The day after a "YYYY-MM-DD" day, as "YYYY-MM-DD". */
export const nextIsoDay = (iso: string) => new Date(new Date(`${iso}T00:00:00Z`).getTime() + 86_400_000).toISOString().slice(0, 10);

/** "2026-11-22": a day column's value (stored as midnight UTC) as ISO, for forms and machine outputs. */
export const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export const formatBytes = (n: number) =>
  n >= 1024 ** 3
    ? `${+(n / 1024 ** 3).toFixed(1)} GB`
    : n >= 1024 ** 2
      ? `${+(n / 1024 ** 2).toFixed(1)} MB`
      : n >= 1024
        ? `${+(n / 1024).toFixed(1)} KB`
        : `${n} bytes`;
