import { Status, type Tone } from "../kit/status";

export type CriterionState = "NOT_STARTED" | "EVIDENCE_SUBMITTED" | "MET" | "NOT_YET_MET";

export const criterionStateLabels: Record<CriterionState, string> = { NOT_STARTED: "No evidence", EVIDENCE_SUBMITTED: "Submitted", MET: "Met", NOT_YET_MET: "Not yet met" };

/** Red, amber, green by the criterion's state (grey for no evidence); the icon and the words say it too. */
export const criterionStateTones: Record<CriterionState, Tone> = { NOT_STARTED: "neutral", EVIDENCE_SUBMITTED: "warning", MET: "success", NOT_YET_MET: "danger" };

/** A criterion's state in words, with an icon as well as a colour. */
export function CriterionStateText({ state }: { state: CriterionState }) {
  return (
    <span data-state={state}>
      <Status tone={criterionStateTones[state]}>{criterionStateLabels[state]}</Status>
    </span>
  );
}
