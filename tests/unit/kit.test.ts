import { describe, expect, it } from "vitest";
import { buttonClasses } from "@/ui/kit/button-classes";
import { circumference, percent, ringArcs } from "@/ui/kit/progress-maths";
import { ariaSort, nextSort } from "@/ui/kit/sort";
import { timelineDots, timelineWords } from "@/ui/kit/timeline";

describe("ProgressRing's arcs", () => {
  it("gives each part its share of the circumference, one after another from the top", () => {
    const c = circumference(10);
    const arcs = ringArcs([1, 2, 1], 10);
    const shares = (values: number[]) => values.map((v) => Math.round((v / c) * 1000) / 1000);
    expect(shares(arcs.map((a) => a.length))).toEqual([0.25, 0.5, 0.25]);
    expect(shares(arcs.map((a) => a.offset))).toEqual([0, -0.25, -0.75]);
    for (const a of arcs) expect(a.length + a.gap).toBeCloseTo(c);
  });

  it("leaves the rest of the ring empty when the parts are fewer than the total", () => {
    const [met] = ringArcs([3], 10, 12);
    expect((met?.length ?? 0) / circumference(10)).toBeCloseTo(0.25);
  });

  it("draws nothing for no criteria and never a negative arc", () => {
    expect(ringArcs([0, 0], 10).map((a) => a.length)).toEqual([0, 0]);
    expect(ringArcs([-2, 4], 10)[0]?.length).toBe(0);
  });

  it("never says 100% before the last one is done", () => {
    expect(percent(199, 200)).toBe(99);
    expect(percent(200, 200)).toBe(100);
    expect(percent(1, 3)).toBe(33);
    expect(percent(5, 0)).toBe(0);
  });
});

describe("DataTable's sortable headers", () => {
  it("sorts ascending by a new column, and turns the current one around", () => {
    expect(nextSort("name", null)).toEqual({ by: "name", dir: "asc" });
    expect(nextSort("name", { by: "due", dir: "desc" })).toEqual({ by: "name", dir: "asc" });
    expect(nextSort("name", { by: "name", dir: "asc" })).toEqual({ by: "name", dir: "desc" });
    expect(nextSort("name", { by: "name", dir: "desc" })).toEqual({ by: "name", dir: "asc" });
  });

  it("puts aria-sort on the sorted column only", () => {
    expect(ariaSort("name", { by: "name", dir: "asc" })).toBe("ascending");
    expect(ariaSort("name", { by: "name", dir: "desc" })).toBe("descending");
    expect(ariaSort("due", { by: "name", dir: "asc" })).toBeUndefined();
    expect(ariaSort("due", null)).toBeUndefined();
  });
});

describe("Button", () => {
  it("has a class set per variant, and a focus ring on every one", () => {
    const all = (["primary", "secondary", "danger", "link"] as const).map((v) => buttonClasses(v));
    expect(new Set(all).size).toBe(4);
    for (const c of all) expect(c).toContain("focus-visible:focus-ring");
  });
});

describe("Timeline", () => {
  const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000);
  const span = { from: day(0), to: day(365) };

  it("draws at most a dot per dot's width of the line, however many dates", () => {
    const many = Array.from({ length: 1000 }, (_, i) => day(i % 366));
    const dots = timelineDots(many, span);
    expect(dots.length).toBeLessThanOrEqual(20);
    expect(dots[0]).toBe(6);
    expect(dots.at(-1)).toBe(154);
    expect(timelineDots([day(0), day(0), day(365)], span)).toEqual([6, 154]);
  });

  it("reads out a few dates one by one and summarises many", () => {
    expect(timelineWords([day(0), day(31)])).toBe("1 January 2026, 1 February 2026");
    expect(timelineWords(Array.from({ length: 250 }, (_, i) => day(i)))).toBe("250 dates, 1 January 2026 to 7 September 2026");
  });
});
