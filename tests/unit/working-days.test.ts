import { describe, expect, it } from "vitest";
import { bankHolidaysAhead, englandAndWalesBankHolidays } from "@/lib/centre/bank-holidays";
import { workingDaysBetween } from "@/lib/working-days";

const at = (d: string) => new Date(`${d}T12:00:00Z`);

describe("working days", () => {
  it("counts the weekdays after the first day up to and including the last", () => {
    // Monday 2 November 2026 to Monday 9 November: Tue–Fri and Monday.
    expect(workingDaysBetween(at("2026-11-02"), at("2026-11-09"))).toBe(5);
    expect(workingDaysBetween(at("2026-11-02"), at("2026-11-02"))).toBe(0);
    expect(workingDaysBetween(at("2026-11-09"), at("2026-11-02"))).toBe(0);
  });

  it("skips weekends whatever the time of day", () => {
    // Friday evening to Monday morning: one working day (Monday).
    expect(workingDaysBetween(new Date("2026-11-06T23:00:00Z"), new Date("2026-11-09T01:00:00Z"))).toBe(1);
    expect(workingDaysBetween(at("2026-11-06"), at("2026-11-08"))).toBe(0);
  });

  it("skips the centre's closures, but a closure on a weekend takes nothing more off", () => {
    const closures = new Set(["2026-12-25", "2026-12-28", "2026-12-26"]);
    // Wednesday 23 to Thursday 31 December: 24, 29, 30, 31 (25 and 28 closed; 26, 27 the weekend).
    expect(workingDaysBetween(at("2026-12-23"), at("2026-12-31"), closures)).toBe(4);
    expect(workingDaysBetween(at("2026-12-23"), at("2026-12-31"))).toBe(6);
  });

  it("does not count the first day even when it is a closure", () => {
    expect(workingDaysBetween(at("2026-12-25"), at("2026-12-29"), new Set(["2026-12-25", "2026-12-28"]))).toBe(1);
  });
});

describe("England and Wales bank holidays", () => {
  it("are all weekdays, in order, without repeats", () => {
    const days = englandAndWalesBankHolidays.map((h) => h.day);
    expect([...days].sort()).toEqual(days);
    expect(new Set(days).size).toBe(days.length);
    for (const d of days) expect([0, 6]).not.toContain(at(d).getUTCDay());
  });

  it("gives the next two years from a day", () => {
    const ahead = bankHolidaysAhead("2026-12-02");
    expect(ahead[0]).toEqual({ day: "2026-12-25", name: "Christmas Day" });
    expect(ahead.at(-1)?.day).toBe("2028-08-28");
    expect(ahead).toHaveLength(16);
  });
});
