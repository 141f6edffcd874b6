import { cn } from "@/ui/kit/cn";
import { Status, type Tone } from "@/ui/kit/status";

export type CriterionState = "NOT_STARTED" | "EVIDENCE_SUBMITTED" | "MET" | "NOT_YET_MET" | "REOPENED";

export const criterionStateLabels: Record<CriterionState, string> = {
  NOT_STARTED: "No evidence",
  EVIDENCE_SUBMITTED: "Submitted",
  MET: "Met",
  NOT_YET_MET: "Not yet met",
  REOPENED: "Reopened",
};

/** Red, amber, green by the criterion's state (grey for no evidence); the icon and the words say it too. */
export const criterionStateTones: Record<CriterionState, Tone> = {
  NOT_STARTED: "neutral",
  EVIDENCE_SUBMITTED: "warning",
  MET: "success",
  NOT_YET_MET: "danger",
  REOPENED: "warning",
};

export const criterionStateMarks: Record<CriterionState, string> = { NOT_STARTED: "○", EVIDENCE_SUBMITTED: "◐", MET: "✔", NOT_YET_MET: "✖", REOPENED: "↺" };
const plainLooks: Record<CriterionState, string> = {
  NOT_STARTED: "text-muted",
  EVIDENCE_SUBMITTED: "text-warning",
  MET: "text-success",
  NOT_YET_MET: "text-danger",
  REOPENED: "text-warning",
};

/**
 * A criterion's state in words, with an icon as well as a colour. `plain`: as a shape and words
 * only, for the review screen, which renders every criterion of a unit and must stay small.
 */
export function CriterionStateText({ state, plain }: { state: CriterionState; plain?: boolean }) {
  if (plain)
    return (
      <span className={cn("font-semibold", plainLooks[state])}>
        <span aria-hidden="true">{criterionStateMarks[state]} </span>
        <span data-state={state}>{criterionStateLabels[state]}</span>
      </span>
    );
  return (
    <span data-state={state}>
      <Status tone={criterionStateTones[state]}>{criterionStateLabels[state]}</Status>
    </span>
  );
}
