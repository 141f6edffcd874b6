import { describe, expect, it } from "vitest";
import { type RiskSignals, monthsBetween, suggestRisk } from "@/lib/quality/suggest-risk";

const now = new Date("2026-12-02T12:00:00Z");
const experienced: RiskSignals = { sampled: 10, disagreed: 0, overdueActions: 0, firstDecisionAt: new Date("2024-01-10T09:00:00Z"), decisions: 120 };
const suggest = (over: Partial<RiskSignals>) => suggestRisk({ ...experienced, ...over }, now);

describe("the suggested risk rating", () => {
  it("is low for an experienced assessor whose sampled decisions were all agreed with", () => {
    expect(suggest({})).toEqual({ level: "LOW", reasons: ["All 10 sampled decisions agreed with in the last 12 months"] });
    expect(suggest({ sampled: 5 }).level).toBe("LOW");
  });

  it("stays medium when too little was sampled to judge", () => {
    expect(suggest({ sampled: 0 })).toEqual({ level: "MEDIUM", reasons: ["No decisions sampled in the last 12 months"] });
    expect(suggest({ sampled: 4 })).toEqual({
      level: "MEDIUM",
      reasons: ["Only 4 decisions sampled in the last 12 months, all agreed with: too few to lower the risk"],
    });
    expect(suggest({ sampled: 1 }).reasons).toEqual(["Only 1 decision sampled in the last 12 months, all agreed with: too few to lower the risk"]);
  });

  it("rises with disagreements: one is medium, two or more making a quarter of the sample are high", () => {
    expect(suggest({ sampled: 5, disagreed: 1 })).toEqual({ level: "MEDIUM", reasons: ["1 of 5 sampled decisions disagreed with in the last 12 months"] });
    expect(suggest({ sampled: 5, disagreed: 2 })).toEqual({ level: "HIGH", reasons: ["2 of 5 sampled decisions disagreed with in the last 12 months"] });
    expect(suggest({ sampled: 8, disagreed: 2 }).level).toBe("HIGH");
    expect(suggest({ sampled: 9, disagreed: 2 }).level).toBe("MEDIUM");
    expect(suggest({ sampled: 1, disagreed: 1 })).toEqual({ level: "MEDIUM", reasons: ["1 of 1 sampled decision disagreed with in the last 12 months"] });
  });

  it("rises with overdue actions: one is medium, two or more high", () => {
    expect(suggest({ overdueActions: 1 })).toEqual({
      level: "MEDIUM",
      reasons: ["All 10 sampled decisions agreed with in the last 12 months", "1 action overdue"],
    });
    expect(suggest({ overdueActions: 3 })).toMatchObject({ level: "HIGH", reasons: [expect.any(String), "3 actions overdue"] });
  });

  it("treats a new assessor as high risk, or medium once their sampled decisions were all agreed with", () => {
    expect(suggest({ firstDecisionAt: new Date("2026-09-01T10:00:00Z"), decisions: 40, sampled: 2 })).toEqual({
      level: "HIGH",
      reasons: ["New assessor: first decision 3 months ago", "Only 2 decisions sampled in the last 12 months, all agreed with: too few to lower the risk"],
    });
    expect(suggest({ firstDecisionAt: new Date("2026-11-20T10:00:00Z"), decisions: 30 }).reasons[0]).toBe("New assessor: first decision less than a month ago");
    expect(suggest({ firstDecisionAt: new Date("2026-10-20T10:00:00Z") }).reasons[0]).toBe("New assessor: first decision 1 month ago");
    expect(suggest({ decisions: 12 })).toEqual({
      level: "MEDIUM",
      reasons: ["New assessor: 12 decisions so far", "All 10 sampled decisions agreed with in the last 12 months"],
    });
    expect(suggest({ firstDecisionAt: null, decisions: 0, sampled: 0 })).toEqual({
      level: "HIGH",
      reasons: ["New assessor: no decisions yet", "No decisions sampled in the last 12 months"],
    });
    // Exactly six months and twenty decisions: no longer new.
    expect(suggest({ firstDecisionAt: new Date("2026-06-02T08:00:00Z"), decisions: 20 }).level).toBe("LOW");
  });

  it("takes the highest level any signal points to, and lists every reason", () => {
    const s = suggest({ sampled: 4, disagreed: 1, overdueActions: 2, decisions: 3 });
    expect(s.level).toBe("HIGH");
    expect(s.reasons).toEqual(["New assessor: 3 decisions so far", "1 of 4 sampled decisions disagreed with in the last 12 months", "2 actions overdue"]);
  });
});

describe("months between two dates", () => {
  it("counts whole calendar months", () => {
    expect(monthsBetween(new Date("2026-01-31T00:00:00Z"), new Date("2026-02-28T00:00:00Z"))).toBe(0);
    expect(monthsBetween(new Date("2026-01-15T00:00:00Z"), new Date("2026-02-15T00:00:00Z"))).toBe(1);
    expect(monthsBetween(new Date("2025-12-02T00:00:00Z"), now)).toBe(12);
    expect(monthsBetween(now, new Date("2026-01-01T00:00:00Z"))).toBe(0);
  });
});
