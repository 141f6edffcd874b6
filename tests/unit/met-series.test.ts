import { describe, expect, it } from "vitest";
import { linear, metSeries } from "@/lib/progress/met-series";

const at = (iso: string) => new Date(iso);

describe("criteria met over time", () => {
  it("replays decisions in order, one point per day the count changed; a later Not yet met takes a criterion back out", () => {
    expect(
      metSeries([
        { criterionId: "b", outcome: "MET", decidedAt: at("2026-10-02T10:00:00Z") },
        { criterionId: "a", outcome: "MET", decidedAt: at("2026-10-01T09:00:00Z") },
        { criterionId: "c", outcome: "NOT_YET_MET", decidedAt: at("2026-10-02T11:00:00Z") },
        { criterionId: "c", outcome: "MET", decidedAt: at("2026-10-05T11:00:00Z") },
        { criterionId: "a", outcome: "NOT_YET_MET", decidedAt: at("2026-10-07T11:00:00Z") },
        { criterionId: "a", outcome: "MET", decidedAt: at("2026-10-07T15:00:00Z") },
      ]),
    ).toEqual([
      { day: "2026-10-01", met: 1 },
      { day: "2026-10-02", met: 2 },
      { day: "2026-10-05", met: 3 },
    ]);
    expect(metSeries([])).toEqual([]);
  });

  it("maps a domain onto a range, and a one-value domain onto its start", () => {
    expect(linear([0, 10], [100, 0])(5)).toBe(50);
    expect(linear([3, 3], [0, 50])(3)).toBe(0);
  });
});
