// What the review screen shows of one criterion that a decision changes. The server builds it for
// the screen and for a decision's answer; the screen's client parts render it and, after a
// decision, replace it in place (so the answer carries only the decided criteria).

export type CriterionStateName = "NOT_STARTED" | "EVIDENCE_SUBMITTED" | "MET" | "NOT_YET_MET" | "REOPENED";

/** The criterion's current decision, as the screen says it (dates already in words). */
export type CurrentDecision = {
  outcome: "MET" | "NOT_YET_MET";
  typedName: string;
  decidedAt: string;
  feedback: string;
  /** The first few items relied on ("Title v2"), and how many in all. */
  reliedOn: string[];
  reliedOnCount: number;
};

export type CriterionLive = {
  criterionId: string;
  code: string;
  state: CriterionStateName;
  stale: boolean;
  revision: number;
  decision: CurrentDecision | null;
  /** How many decisions the criterion has had (its history). */
  decisions: number;
};

/** Why a unit cannot be signed off yet, from its criteria's states; null when it can. */
export function signOffBlockerText({ criteria, met, stale }: { criteria: number; met: number; stale: number }): string | null {
  if (stale) return `${stale} decision${stale === 1 ? " relies" : "s rely"} on evidence that has changed since; decide again first.`;
  if (met < criteria) return `${criteria - met} of ${criteria} criteria are not met yet.`;
  return null;
}

/** signOffBlockerText for the states the screen holds. */
export const blockerOf = (states: readonly Pick<CriterionLive, "state" | "stale">[]) =>
  signOffBlockerText({
    criteria: states.length,
    met: states.filter((s) => s.state === "MET" && !s.stale).length,
    stale: states.filter((s) => s.stale).length,
  });
