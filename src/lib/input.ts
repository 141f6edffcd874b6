import { z } from "zod";
import { dayFromParts, dayPartsEmpty, isDayParts } from "./day-parts";

// The building blocks every input schema uses, so each field is bounded the same way: text has a
// maximum length and no NUL (PostgreSQL cannot store U+0000 in text), dates are real calendar days
// in a sane range, integers fit their column (PostgreSQL int4). A wrong type (a file where text was
// expected, a number where a list was) reads as the field's own message.

export const earliestDay = "1900-01-01";
export const latestDay = "2100-12-31";
export const int4Max = 2_147_483_647;
const nulMessage = "Remove the hidden control characters from this text";
const count = (n: number) => n.toLocaleString("en-GB");
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Any string, bounded and without NUL; not trimmed, may be empty. */
export const anyText = (max: number, label = "Enter text") =>
  z
    .string({ error: label })
    .max(max, `Use at most ${count(max)} characters`)
    .refine((s) => !s.includes("\0"), nulMessage);

/** Required text: trimmed, at least one character, at most `max`. `label` is the message when it is missing. */
export const text = (max: number, label: string) =>
  z
    .string({ error: label })
    .refine((s) => !s.includes("\0"), nulMessage)
    .trim()
    .min(1, label)
    .max(max, `Use at most ${count(max)} characters`);

/** Optional text: trimmed; empty or absent becomes undefined. */
export const optionalText = (max: number) =>
  z.preprocess(
    (v) => (v === null ? undefined : v),
    z
      .string({ error: "Enter text" })
      .refine((s) => !s.includes("\0"), nulMessage)
      .trim()
      .max(max, `Use at most ${count(max)} characters`)
      .optional()
      .transform((s) => (s ? s : undefined)),
  );

/** An email address, lower-cased. */
export const email = (label: string) =>
  z
    .string({ error: label })
    .refine((s) => !s.includes("\0"), nulMessage)
    .trim()
    .toLowerCase()
    .max(254, "Use at most 254 characters")
    .email(label);

/** Whether "YYYY-MM-DD" names a day that exists (not 30 February). */
export const isCalendarDay = (s: string) => {
  const t = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s;
};

/**
 * A calendar day as "YYYY-MM-DD", between 1900-01-01 and 2100-12-31. `label` names it in messages.
 * It also takes the day / month / year boxes of a date field (DayParts, read at the edge or sent
 * as JSON), with GOV.UK's messages for a box left empty or not a number.
 */
export const day = (label: string) =>
  z.preprocess(
    (v, ctx) => {
      if (!isDayParts(v)) return v;
      const read = dayFromParts(v, label);
      if ("day" in read) return read.day;
      ctx.addIssue({ code: "custom", message: read.error, input: v });
      return v;
    },
    z
      .string({ error: `Enter ${label}` })
      .trim()
      .min(1, `Enter ${label}`)
      .regex(/^\d{4}-\d{2}-\d{2}$/, `Enter ${label} as a date, like 2026-03-31`)
      .refine(isCalendarDay, `${capital(label)} must be a real date`)
      .refine((s) => s >= earliestDay && s <= latestDay, `Enter ${label} between 1900 and 2100`),
  );

/** An optional day: empty or absent (all three boxes empty) becomes undefined. */
export const optionalDay = (label: string) =>
  z.preprocess((v) => (v === "" || v === null || (isDayParts(v) && dayPartsEmpty(v)) ? undefined : v), day(label).optional());

/** A whole number from a form field or JSON, within [min, max] (max at most int4). */
export const int = (min: number, max: number, label: string) =>
  z.preprocess(
    (v) => (typeof v === "string" && /^\s*-?\d{1,12}\s*$/.test(v) ? Number(v) : v),
    z
      .number({ error: label })
      .int(label)
      .min(min, `${label}: use a number from ${count(min)} to ${count(Math.min(max, int4Max))}`)
      .max(Math.min(max, int4Max), `${label}: use a number from ${count(min)} to ${count(Math.min(max, int4Max))}`),
  );

/** A checkbox: "on" or "true" is ticked, anything else is not. */
export const checkbox = () => z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

/** One of our ids. */
export const id = (label: string) => z.uuid(label);
