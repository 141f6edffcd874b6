import { createHash } from "node:crypto";
import { canonicalJson } from "@/lib/canonical-json";

export type SignedVerdict = {
  reviewId: string;
  snapshotHash: string;
  /** The decision's id, or the sign-off's. */
  itemId: string;
  kind: "decision" | "signOff";
  /** What the verdict judges: the decision's signature hash, or the sign-off's content hash. */
  judgedHash: string;
  agrees: boolean;
  feedback: string;
  iqaId: string;
  typedName: string;
  signedAt: Date;
};

/** SHA-256 over the verdict and the signature of what it judges, as canonical JSON; recomputable by anyone who audits it. */
export function verdictHash(v: SignedVerdict): string {
  const body = {
    reviewId: v.reviewId,
    snapshotHash: v.snapshotHash,
    itemId: v.itemId,
    kind: v.kind,
    judgedHash: v.judgedHash,
    agrees: v.agrees,
    feedback: v.feedback,
    iqaId: v.iqaId,
    typedName: v.typedName,
    signedAt: v.signedAt.toISOString(),
  };
  return createHash("sha256").update(canonicalJson(body)).digest("hex");
}
