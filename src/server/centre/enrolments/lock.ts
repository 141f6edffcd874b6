import type { Actor } from "@/server/auth/actor";
import type { Tx } from "@/server/db/client";
import { lockEnrolments } from "@/server/db/locks";
import { NotFoundError, centresAllowing } from "@/server/policy";

/**
 * Locks an enrolment a centre admin acts on and returns it as it is now; "not found" when it does
 * not exist or the actor does not administer enrolments in its centre.
 */
export async function lockAdministeredEnrolment(tx: Tx, actor: Actor, enrolmentId: string) {
  const [locked] = await lockEnrolments(tx, [enrolmentId]);
  if (!locked) throw new NotFoundError();
  const enrolment = await tx.enrolment.findUniqueOrThrow({
    where: { id: enrolmentId },
    include: { unit: { select: { id: true, code: true, version: true, displayCode: true } } },
  });
  if (!centresAllowing(actor, "administer:enrolment").includes(enrolment.centreId)) throw new NotFoundError();
  return enrolment;
}
