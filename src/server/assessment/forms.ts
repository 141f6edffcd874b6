import { decisionControl } from "@/lib/assessment/decision-form";

/** A text field's value; a file sent in its place is passed on as it is, for the schema to refuse. */
const textOf = (v: FormDataEntryValue | null): string | File => (v === null ? "" : v);
const blank = (v: FormDataEntryValue | null) => v === null || (typeof v === "string" && v.trim() === "");

/**
 * The review screen's signing form, read into decideCriteria's input: a decision for each offered
 * criterion with an outcome chosen or feedback written (feedback without an outcome is refused, not
 * lost). Each error's path (decisions.N.feedback) is renamed to the control beside it.
 */
export function decisionsFromForm(form: FormData) {
  const offered = form.getAll("criterionId").map(String);
  const chosen = offered.filter((c) => !blank(form.get(decisionControl.outcome(c))) || !blank(form.get(decisionControl.feedback(c))));
  const decisions = chosen.map((c) => ({
    criterionId: c,
    outcome: form.get(decisionControl.outcome(c)) ?? undefined,
    feedback: textOf(form.get(decisionControl.feedback(c))),
    evidenceVersionIds: form.getAll(decisionControl.evidence(c)),
    revision: form.get(decisionControl.revision(c)) ?? undefined,
  }));
  const fieldName = (path: string) => {
    const [, n, key] = /^decisions\.(\d+)\.(\w+)/.exec(path) ?? [];
    const criterionId = n === undefined ? undefined : chosen[Number(n)];
    if (!criterionId) return path === "decisions" ? "decisions" : path;
    if (key === "feedback") return decisionControl.feedback(criterionId);
    if (key === "evidenceVersionIds") return decisionControl.evidence(criterionId);
    // The outcome, and what is about the decision as a whole (decided meanwhile, not in this unit).
    return decisionControl.outcome(criterionId);
  };
  return {
    input: { decisions, typedName: form.get("typedName") ?? undefined, password: blank(form.get("password")) ? undefined : form.get("password") },
    fieldName,
  };
}
