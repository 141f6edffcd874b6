import { z } from "zod";
import { id, text } from "@/lib/input";
import { appendAudit } from "@/server/audit/append";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db/client";
import { lockEnrolments } from "@/server/db/locks";
import { UserFacingError, parseInput } from "@/server/errors";
import { notify } from "@/server/notifications/notifications";
import { enrolmentAllowing } from "@/server/policy";
import { must } from "@/lib/must";
import { closedMessage } from "./reopen-criterion";

export const unlockSignOffSchema = z.object({
  enrolmentId: id("Choose an enrolment"),
  reason: text(4000, "Say why the sign-off is unlocked"),
});

/**
 * The enrolment's IQA unlocks a signed-off unit: the sign-off stops being current (its row keeps
 * what was signed, with who unlocked it, when and why), a completed enrolment is in progress again,
 * and the assessor and learner must sign a new sign-off (decision 0040).
 */
export async function unlockSignOff(actor: Actor, input: unknown): Promise<void> {
  const data = parseInput(unlockSignOffSchema, input);
  const enrolment = await enrolmentAllowing(db, actor, data.enrolmentId, "unlock:enrolment");
  await db.$transaction(async (tx) => {
    const [locked] = await lockEnrolments(tx, [enrolment.id]);
    const status = must(locked, "locked").status;
    if (status !== "IN_PROGRESS" && status !== "COMPLETED") throw new UserFacingError(closedMessage(status));
    const current = await tx.unitSignOff.findUnique({ where: { currentOfId: enrolment.id }, select: { id: true, assessorId: true } });
    if (!current) throw new UserFacingError("This unit is not signed off, so there is nothing to unlock.");
    if (current.assessorId === actor.userId) throw new UserFacingError("You signed this unit off: another IQA must unlock it.");
    const now = new Date();
    const unlocked = await tx.unitSignOff.updateMany({
      where: { id: current.id, currentOfId: enrolment.id, unlockedAt: null },
      data: { currentOfId: null, unlockedAt: now, unlockedById: actor.userId, unlockReason: data.reason },
    });
    if (unlocked.count !== 1) throw new UserFacingError("This unit is not signed off, so there is nothing to unlock.");
    if (status === "COMPLETED") await tx.enrolment.update({ where: { id: enrolment.id }, data: { status: "IN_PROGRESS", completedAt: null } });
    const unit = enrolment.unit.displayCode;
    const notes = [
      {
        userId: enrolment.learnerId,
        centreId: enrolment.centreId,
        kind: "signoff.unlocked",
        message: `The sign-off of ${unit} was unlocked by quality assurance. Your assessor will sign it off again, and you will countersign again.`,
        link: `/enrolments/${enrolment.id}/progress#sign-off`,
      },
    ];
    if (enrolment.assessorId)
      notes.push({
        userId: enrolment.assessorId,
        centreId: enrolment.centreId,
        kind: "signoff.unlocked",
        message: `${actor.name} unlocked the sign-off of ${unit} for ${enrolment.learner.name}: ${data.reason} Sign it off again when it is ready.`,
        link: `/enrolments/${enrolment.id}/review#sign-off`,
      });
    await notify(tx, notes);
    await appendAudit(
      tx,
      {
        kind: "quality.signoff_unlocked",
        actorId: actor.userId,
        data: { signOffId: current.id, enrolmentId: enrolment.id, reason: data.reason, wasCompleted: status === "COMPLETED" },
      },
      { centreId: enrolment.centreId, subject: `enrolment:${enrolment.id}` },
    );
  });
}
