import { describe, expect, it } from "vitest";
import { decisionControl } from "@/lib/assessment/decision-form";
import { decisionsSchema } from "@/server/assessment/decide";
import { decisionsFromForm } from "@/server/assessment/forms";
import { must } from "@/lib/must";

const [a, b, c] = ["11111111-1111-4111-8111-111111111111", "22222222-2222-4222-8222-222222222222", "33333333-3333-4333-8333-333333333333"];
const version = "44444444-4444-4444-8444-444444444444";

/** The review screen's signing form as the browser sends it: every offered criterion, some decided. */
function form(fields: [string, string][]) {
  const data = new FormData();
  for (const [k, v] of [["criterionId", a], ["criterionId", b], ["criterionId", c], ...fields] as [string, string][]) data.append(k, v);
  return data;
}

describe("the review screen's signing form", () => {
  it("reads a decision for each criterion with an outcome chosen or feedback written, and one signature", () => {
    const { input } = decisionsFromForm(
      form([
        [decisionControl.outcome(a), "MET"],
        [decisionControl.evidence(a), version],
        [decisionControl.revision(a), "2"],
        [decisionControl.revision(b), "0"],
        [decisionControl.feedback(c), "Say who you told."],
        [decisionControl.revision(c), "1"],
        ["typedName", "Sam Okafor"],
        ["password", ""],
      ]),
    );
    expect(input).toEqual({
      decisions: [
        { criterionId: a, outcome: "MET", feedback: "", evidenceVersionIds: [version], revision: "2" },
        { criterionId: c, outcome: undefined, feedback: "Say who you told.", evidenceVersionIds: [], revision: "1" },
      ],
      typedName: "Sam Okafor",
      password: undefined,
    });
    // Feedback without an outcome is refused beside that criterion, not dropped.
    const parsed = decisionsSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(must(parsed.error, "parsed.error").issues.map((i) => i.path.join("."))).toEqual(["decisions.1.outcome"]);
  });

  it("names each refusal's field after the control beside it", () => {
    const { fieldName } = decisionsFromForm(
      form([
        [decisionControl.outcome(b), "NOT_YET_MET"],
        [decisionControl.outcome(c), "MET"],
      ]),
    );
    expect(fieldName("decisions.0.feedback")).toBe(decisionControl.feedback(b));
    expect(fieldName("decisions.1.evidenceVersionIds")).toBe(decisionControl.evidence(c));
    expect(fieldName("decisions.1.evidenceVersionIds.0")).toBe(decisionControl.evidence(c));
    expect(fieldName("decisions.0.revision")).toBe(decisionControl.outcome(b));
    expect(fieldName("typedName")).toBe("typedName");
    expect(fieldName("decisions")).toBe("decisions");
  });
});
