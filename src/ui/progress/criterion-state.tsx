const labels = { NOT_STARTED: "No evidence", EVIDENCE_SUBMITTED: "Submitted", MET: "Met", NOT_YET_MET: "Not yet met" } as const;
const marks = { NOT_STARTED: "○", EVIDENCE_SUBMITTED: "◐", MET: "✔", NOT_YET_MET: "✖" } as const;

/** A criterion's state in words, with a shape as well as a colour. */
export function CriterionStateText({ state }: { state: keyof typeof labels }) {
  return (
    <span className={`state state-${state.toLowerCase()}`}>
      <span aria-hidden="true">{marks[state]} </span>
      {labels[state]}
    </span>
  );
}
