import type { Db, Tx } from "@/server/db/client";
import { UserFacingError } from "@/server/errors";

/** Decisions are locked once the unit is signed off. Pass the status read under the enrolment's lock. */
export async function assertOpen(tx: Db | Tx, enrolment: { id: string; status: string }) {
  assertNotSignedOff(enrolment.status, enrolment.status === "IN_PROGRESS" && (await tx.unitSignOff.count({ where: { currentOfId: enrolment.id } })) > 0);
}

/** The same refusal, from the status and sign-off read under the enrolment's lock. */
export function assertNotSignedOff(status: string, signedOff: boolean) {
  if (status !== "IN_PROGRESS") throw new UserFacingError("This unit is completed, so its decisions are locked. Reopening is for quality assurance.");
  if (signedOff) throw new UserFacingError("This unit has been signed off, so its decisions are locked.");
}

/** Of these enrolments (with their status read under lock), those whose decisions are locked: signed off, or no longer in progress. */
export async function closedEnrolmentIds(tx: Db | Tx, enrolments: { id: string; status: string }[]): Promise<Set<string>> {
  if (enrolments.length === 0) return new Set();
  // Only a current sign-off locks: an unlocked one is history (decision 0040).
  const signed = await tx.unitSignOff.findMany({ where: { currentOfId: { in: enrolments.map((e) => e.id) } }, select: { enrolmentId: true } });
  return new Set([...enrolments.filter((e) => e.status !== "IN_PROGRESS").map((e) => e.id), ...signed.map((s) => s.enrolmentId)]);
}
