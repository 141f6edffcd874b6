import { describe, expect, it } from "vitest";
import { dueGroup, groupByDue } from "@/lib/quality/action-due";
import { dueDayProblem, workingDayAfter } from "@/lib/quality/due-day";

// Wednesday 2 December 2026.
const today = "2026-12-02";

describe("an action's due date", () => {
  it("must be a working day after today", () => {
    expect(dueDayProblem("2026-12-02", today, new Set())).toMatch(/future/);
    expect(dueDayProblem("2026-12-01", today, new Set())).toMatch(/future/);
    expect(dueDayProblem("2026-12-05", today, new Set())).toMatch(/working day/);
    expect(dueDayProblem("2026-12-25", today, new Set(["2026-12-25"]))).toMatch(/closed/);
    expect(dueDayProblem("2026-12-03", today, new Set())).toBeNull();
  });

  it("defaults to the first working day at least so many days ahead", () => {
    expect(workingDayAfter(today, 3, new Set())).toBe("2026-12-07"); // Saturday 5th → Monday 7th
    expect(workingDayAfter(today, 1, new Set(["2026-12-03"]))).toBe("2026-12-04");
  });

  it("is grouped in words: overdue, due today, next 7 days, later", () => {
    expect(dueGroup("2026-12-01", today)).toBe("Overdue");
    expect(dueGroup(today, today)).toBe("Due today");
    expect(dueGroup("2026-12-09", today)).toBe("Next 7 days");
    expect(dueGroup("2026-12-10", today)).toBe("Later");
    const groups = groupByDue([{ dueOn: "2026-12-20" }, { dueOn: "2026-11-30" }, { dueOn: "2026-12-03" }, { dueOn: "2026-11-01" }], today);
    expect(groups.map((g) => [g.group, g.actions.map((a) => a.dueOn)])).toEqual([
      ["Overdue", ["2026-11-01", "2026-11-30"]],
      ["Next 7 days", ["2026-12-03"]],
      ["Later", ["2026-12-20"]],
    ]);
  });
});
