import { createHash } from "node:crypto";
import { canonicalJson } from "@/lib/canonical-json";

export type SignedDecision = {
  enrolmentId: string;
  criterionId: string;
  judgementRevision: number;
  outcome: "MET" | "NOT_YET_MET";
  feedback: string;
  assessorId: string;
  typedName: string;
  decidedAt: Date;
  evidence: { evidenceVersionId: string; contentHash: string }[];
};

/** SHA-256 over the decision and the hashes of the evidence it relied on; recomputable by anyone who audits it. */
export function decisionHash(d: SignedDecision): string {
  // Named fields only, so a row with more columns hashes the same as what was signed.
  const body = {
    enrolmentId: d.enrolmentId,
    criterionId: d.criterionId,
    judgementRevision: d.judgementRevision,
    outcome: d.outcome,
    feedback: d.feedback,
    assessorId: d.assessorId,
    typedName: d.typedName,
    decidedAt: d.decidedAt.toISOString(),
    evidence: [...d.evidence]
      .map((e) => ({ evidenceVersionId: e.evidenceVersionId, contentHash: e.contentHash }))
      .sort((a, b) => a.evidenceVersionId.localeCompare(b.evidenceVersionId)),
  };
  return createHash("sha256").update(canonicalJson(body)).digest("hex");
}
