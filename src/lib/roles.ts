export const roles = ["LEARNER", "ASSESSOR", "IQA", "EXTERNAL_VERIFIER", "CENTRE_ADMIN"] as const;
export type RoleName = (typeof roles)[number];

export const roleLabels: Record<RoleName, string> = {
  LEARNER: "Learner",
  ASSESSOR: "Assessor",
  IQA: "Internal quality assurer",
  EXTERNAL_VERIFIER: "External verifier",
  CENTRE_ADMIN: "Centre admin",
};
