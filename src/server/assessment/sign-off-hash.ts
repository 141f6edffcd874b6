import { createHash } from "node:crypto";
import { canonicalJson } from "@/lib/canonical-json";

/** SHA-256 over the enrolment, the signature hash of each criterion's current decision, and the comment. */
export function signOffContentHash(enrolmentId: string, summativeComment: string, decisions: { criterionId: string; signatureHash: string | null }[]): string {
  const sorted = [...decisions].sort((a, b) => (a.criterionId < b.criterionId ? -1 : a.criterionId > b.criterionId ? 1 : 0));
  const body = { enrolmentId, summativeComment, decisions: sorted.map((d) => [d.criterionId, d.signatureHash]) };
  return createHash("sha256").update(canonicalJson(body)).digest("hex");
}
