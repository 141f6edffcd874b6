// How the review screen's one signing form names each criterion's decision controls. Shared by the
// screen that renders them and the server code that reads them back, so the two cannot drift.

/** One hidden `criterionId` per criterion the form offers; each criterion's controls carry its id. */
export const decisionControl = {
  outcome: (criterionId: string) => `outcome-${criterionId}`,
  feedback: (criterionId: string) => `feedback-${criterionId}`,
  evidence: (criterionId: string) => `evidence-${criterionId}`,
  revision: (criterionId: string) => `revision-${criterionId}`,
};

/** The id of the signing form, which the decision controls join with their `form` attribute. */
export const decisionsFormId = "sign-decisions";
