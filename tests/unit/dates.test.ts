import { describe, expect, it } from "vitest";
import { fieldsOf } from "../support/fields-of";
import { z } from "zod";
import { dayFromParts, partsOfDay, withDayParts } from "@/lib/day-parts";
import { formatDate, formatDateTime, ukDay, ukDayStart } from "@/lib/format";
import { day, optionalDay } from "@/lib/input";
import { evidenceInputSchema, planSchema } from "@/lib/portfolio/schemas";
import { readForm } from "@/server/edge/form";
import { recordFromForm } from "@/server/portfolio/forms";
import { must } from "@/lib/must";

const form = (entries: Record<string, string | Blob>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(entries)) f.append(k, v);
  return f;
};

describe("dates people read", () => {
  it("are British, in words, in UK time whatever the season", () => {
    expect(formatDate(new Date("2026-11-22T00:00:00Z"))).toBe("22 November 2026");
    expect(formatDate(new Date("2026-03-07T00:00:00Z"))).toBe("7 March 2026");
    expect(formatDateTime(new Date("2026-11-22T14:05:00Z"))).toBe("22 November 2026 at 14:05");
    // British Summer Time: an hour on from UTC, and past midnight is the next day.
    expect(formatDateTime(new Date("2026-07-21T23:30:00Z"))).toBe("22 July 2026 at 00:30");
    // A day column (midnight UTC) is the same day in London in summer too.
    expect(formatDate(new Date("2026-07-22T00:00:00Z"))).toBe("22 July 2026");
    // "Today", for refusing a future date, is the UK's day: at 00:30 BST it is already the 22nd.
    expect(ukDay(new Date("2026-07-21T23:30:00Z"))).toBe("2026-07-22");
    expect(ukDay(new Date("2026-11-22T23:30:00Z"))).toBe("2026-11-22");
  });
});

describe("dates typed as day / month / year", () => {
  const s = z.object({ d: day("the date of the activity"), e: optionalDay("the end date") });
  const parts = (day: unknown, month: unknown, year: unknown) => ({ day, month, year });

  it("become the ISO day the schemas expect", () => {
    expect(s.parse({ d: parts("7", "3", "2026") })).toEqual({ d: "2026-03-07" });
    expect(s.parse({ d: parts(" 07 ", "03", "2026"), e: parts("", " ", "") })).toEqual({ d: "2026-03-07", e: undefined });
    expect(s.parse({ d: "2026-03-07" })).toEqual({ d: "2026-03-07" });
    expect(partsOfDay("2026-03-07")).toEqual({ day: "7", month: "3", year: "2026" });
    expect(partsOfDay(undefined)).toEqual({ day: "", month: "", year: "" });
  });

  it("are refused beside the group with GOV.UK's messages, never an exception", () => {
    const message = (d: unknown) => fieldsOf(s, { d }).d;
    expect(message(parts("", "", ""))).toBe("Enter the date of the activity");
    expect(message(parts("7", "", "2026"))).toBe("The date of the activity must include a month");
    expect(message(parts("", "", "2026"))).toBe("The date of the activity must include a day and a month");
    expect(message(parts("30", "2", "2026"))).toBe("The date of the activity must be a real date");
    expect(message(parts("1", "13", "2026"))).toBe("The date of the activity must be a real date");
    expect(message(parts("x", "1", "2026"))).toBe("The date of the activity must be a real date");
    expect(message(parts("-1", "1", "2026"))).toBe("The date of the activity must be a real date");
    expect(message(parts("1", "1", "26"))).toBe("Year must include 4 numbers");
    expect(message(parts("1", "1", "99999999999999999999"))).toBe("Year must include 4 numbers");
    expect(message(parts("31", "12", "1899"))).toBe("Enter the date of the activity between 1900 and 2100");
    expect(message(parts(new Blob(["1"]), "1", "2026"))).toBe("The date of the activity must be a real date");
    expect(message(parts("1\u0000", "1", "2026"))).toBe("The date of the activity must be a real date");
    expect(fieldsOf(s, { d: "2026-01-01", e: parts("1", "", "") }).e).toBe("The end date must include a month and a year");
    expect(dayFromParts(parts("1", "1", "2026"), "x")).toEqual({ day: "2026-01-01" });
  });

  it("are read from a form's three boxes at the edge", () => {
    const read = readForm(
      form({
        title: "T",
        account: "A",
        method: "WORK_PRODUCT",
        kind: "FILES",
        "activityFrom-day": "7",
        "activityFrom-month": "3",
        "activityFrom-year": "2026",
        "activityTo-day": "",
        "activityTo-month": "",
        "activityTo-year": "",
      }),
      evidenceInputSchema,
    );
    expect(read.activityFrom).toEqual({ day: "7", month: "3", year: "2026" });
    expect(evidenceInputSchema.parse(read)).toMatchObject({ activityFrom: "2026-03-07", activityTo: undefined });
    // Only some boxes sent: the others count as empty.
    const partial = readForm(form({ "activityFrom-year": "2026" }), evidenceInputSchema);
    expect(fieldsOf(evidenceInputSchema, partial).activityFrom).toBe("The date of the activity must include a day and a month");
    // The single field still works (older clients, the API).
    expect(readForm(form({ activityFrom: "2026-03-07" }), evidenceInputSchema).activityFrom).toBe("2026-03-07");
  });

  it("are read for an assessor's record, the plan's JSON and the library's query", () => {
    expect(
      recordFromForm(form({ kind: "OBSERVATION", "activityFrom-day": "1", "activityFrom-month": "2", "activityFrom-year": "2026" })).input.activityFrom,
    ).toEqual({ day: "1", month: "2", year: "2026" });
    const item = { criterionIds: ["00000000-0000-4000-8000-000000000000"], method: "WORK_PRODUCT", task: "t" };
    expect(
      must(
        planSchema.parse({ items: [{ ...item, targetDate: parts("1", "12", "2026") }] }).items[0],
        'planSchema.parse({ items: [{ ...item, targetDate: parts("1", "12", "2026") }] }).items[0]',
      ).targetDate,
    ).toBe("2026-12-01");
    expect(fieldsOf(planSchema, { items: [{ ...item, targetDate: parts("1", "12", "") }] })).toEqual({
      "items.0.targetDate": "A target date must include a year",
    });
    expect(
      withDayParts({ "from-day": "1", "from-month": "2", "from-year": "2026", "to-day": "", "to-month": "", "to-year": "", q: "x" }, ["from", "to"]),
    ).toEqual({ from: { day: "1", month: "2", year: "2026" }, q: "x" });
    expect(withDayParts({ from: "2026-02-01" }, ["from", "to"])).toEqual({ from: "2026-02-01" });
  });
});

describe("the start of a UK day", () => {
  it("is midnight on the wall clock, in GMT and in BST, across both changes of the clocks", () => {
    expect(ukDayStart("2026-01-15").toISOString()).toBe("2026-01-15T00:00:00.000Z");
    expect(ukDayStart("2026-07-01").toISOString()).toBe("2026-06-30T23:00:00.000Z");
    expect(ukDayStart("2026-03-29").toISOString()).toBe("2026-03-29T00:00:00.000Z"); // clocks go forward at 01:00
    expect(ukDayStart("2026-03-30").toISOString()).toBe("2026-03-29T23:00:00.000Z");
    expect(ukDayStart("2026-10-25").toISOString()).toBe("2026-10-24T23:00:00.000Z"); // clocks go back at 02:00 BST
    expect(ukDayStart("2026-10-26").toISOString()).toBe("2026-10-26T00:00:00.000Z");
  });
});
