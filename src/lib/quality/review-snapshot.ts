// What an IQA review froze when it was opened (docs/decisions/0039): plain JSON, dates as ISO text,
// so the page renders it and anyone can recompute its hash. Never read live data in its place.

export type SnapshotFile = { id: string; name: string; sha256: string; size: number; mediaType: string };

export type SnapshotTestimony = {
  witnessName: string;
  jobRole: string;
  relationship: string;
  statement: string;
  outcome: "CONFIRMED" | "DECLINED" | null;
  confirmedName: string | null;
  respondedAt: string | null;
  /** How it was confirmed, in words. */
  how: string;
};

export type SnapshotEvidence = {
  /** The evidence version relied on. */
  id: string;
  evidenceId: string;
  title: string;
  version: number;
  method: string;
  contentHash: string | null;
  /** "assessor" for a record the assessor wrote (observation, questioning, discussion). */
  author: "learner" | "assessor";
  account: string;
  files: SnapshotFile[];
  /** An assessor's structured record, as countersigned by the learner. */
  record: unknown;
  countersignName: string | null;
  testimonies: SnapshotTestimony[];
};

export type SnapshotDecision = {
  id: string;
  criterionId: string;
  criterionCode: string;
  criterionText: string;
  outcome: "MET" | "NOT_YET_MET";
  feedback: string;
  assessorId: string;
  assessorName: string;
  typedName: string;
  signatureHash: string;
  decidedAt: string;
  /** Ids of the evidence versions relied on (see `evidence`). */
  evidence: string[];
};

export type SnapshotSignOff = {
  id: string;
  assessorId: string;
  assessorName: string;
  assessorTypedName: string;
  summativeComment: string;
  assessorSignedAt: string;
  contentHash: string;
  learnerTypedName: string | null;
  learnerSignedAt: string | null;
};

export type ReviewSnapshot = {
  format: 1;
  takenAt: string;
  stage: "INTERIM" | "SUMMATIVE";
  enrolment: { id: string; learnerName: string; unitCode: string; unitTitle: string; assessorName: string | null };
  /** What the sample was narrowed to (a plan item's criteria or method); empty: everything current. */
  scope: { criterionCodes: string[]; method: string | null };
  decisions: SnapshotDecision[];
  evidence: SnapshotEvidence[];
  signOff: SnapshotSignOff | null;
  /** Decisions left out because the reviewing IQA made them (an IQA never samples their own). */
  ownLeftOut: number;
};

/** What a verdict can be about: each sampled decision, and the sign-off at the summative stage. */
export function sampledItems(s: ReviewSnapshot): { id: string; kind: "decision" | "signOff"; assessorId: string; signatureHash: string }[] {
  return [
    ...s.decisions.map((d) => ({ id: d.id, kind: "decision" as const, assessorId: d.assessorId, signatureHash: d.signatureHash })),
    ...(s.signOff ? [{ id: s.signOff.id, kind: "signOff" as const, assessorId: s.signOff.assessorId, signatureHash: s.signOff.contentHash }] : []),
  ];
}

/** The assessors whose work the snapshot holds: who may read the review as "assessed". */
export const snapshotAssessors = (s: ReviewSnapshot) => [...new Set(sampledItems(s).map((i) => i.assessorId))];
