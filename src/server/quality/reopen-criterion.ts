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

export const reopenCriterionSchema = z.object({
  enrolmentId: id("Choose an enrolment"),
  criterionId: id("Choose a criterion"),
  reason: text(4000, "Say why the criterion is reopened"),
  actionId: id("Choose an action from the list").optional(),
});

/**
 * The enrolment's IQA reopens a decided criterion: it becomes REOPENED at a new revision (so a
 * decision made on the old one at the same moment is refused) and enters the assessor's queue.
 * Nothing is deleted: the decision stays in the log, the reopening is a new row. A signed-off unit
 * is unlocked first (decision 0040).
 */
export async function reopenCriterion(actor: Actor, input: unknown): Promise<{ reopeningId: string }> {
  const data = parseInput(reopenCriterionSchema, input);
  const enrolment = await enrolmentAllowing(db, actor, data.enrolmentId, "reopen:criterion");
  const criterion = await db.criterion.findFirst({ where: { id: data.criterionId, unitId: enrolment.unitId }, select: { id: true, code: true } });
  if (!criterion) throw new UserFacingError("That criterion is not part of this unit.", { criterionId: "That criterion is not part of this unit." });
  if (data.actionId) {
    const action = await db.iqaAction.count({
      where: { id: data.actionId, centreId: enrolment.centreId, OR: [{ enrolmentId: enrolment.id }, { enrolmentId: null }] },
    });
    if (!action) throw new UserFacingError("That action is not about this learner's unit.", { actionId: "That action is not about this learner's unit." });
  }
  const name = `${enrolment.unit.displayCode} ${criterion.code}`;
  return db.$transaction(async (tx) => {
    // The lock decisions and sign-offs take before they change a judgement (decision 0013).
    const [locked] = await lockEnrolments(tx, [enrolment.id]);
    const status = must(locked, "locked").status;
    if (status !== "IN_PROGRESS" && status !== "COMPLETED") throw new UserFacingError(closedMessage(status));
    if (await tx.unitSignOff.count({ where: { currentOfId: enrolment.id } }))
      throw new UserFacingError("This unit is signed off. Unlock the sign-off first, then reopen the criterion.");
    const judgement = await tx.criterionJudgement.findUnique({
      where: { enrolmentId_criterionId: { enrolmentId: enrolment.id, criterionId: criterion.id } },
      select: { id: true, state: true, revision: true, decision: { select: { assessorId: true } } },
    });
    if (!judgement?.decision || (judgement.state !== "MET" && judgement.state !== "NOT_YET_MET"))
      throw new UserFacingError(`${name} has no decision to reopen: only a criterion decided Met or Not yet met can be reopened.`);
    if (judgement.decision.assessorId === actor.userId)
      throw new UserFacingError(`You made the current decision on ${name}, so you cannot reopen it: quality assurance reviews other people's decisions.`);
    const now = new Date();
    const moved = await tx.criterionJudgement.updateMany({
      where: { id: judgement.id, revision: judgement.revision, state: judgement.state },
      data: { state: "REOPENED", revision: judgement.revision + 1, queuedAt: now },
    });
    if (moved.count !== 1) throw new UserFacingError(`${name} changed a moment ago. Reload to see its current decision.`);
    const reopening = await tx.criterionReopening.create({
      data: {
        centreId: enrolment.centreId,
        enrolmentId: enrolment.id,
        criterionId: criterion.id,
        fromRevision: judgement.revision,
        reason: data.reason,
        actionId: data.actionId ?? null,
        reopenedById: actor.userId,
        reopenedAt: now,
      },
    });
    const notes = [
      {
        userId: enrolment.learnerId,
        centreId: enrolment.centreId,
        kind: "criterion.reopened",
        // The learner sees the outcome, never the IQA's notes on the assessor.
        message: `Criterion ${criterion.code} of ${enrolment.unit.displayCode} was reopened by quality assurance; your assessor will decide again.`,
        link: `/enrolments/${enrolment.id}/progress#criterion-${criterion.code}`,
      },
    ];
    if (enrolment.assessorId)
      notes.push({
        userId: enrolment.assessorId,
        centreId: enrolment.centreId,
        kind: "criterion.reopened",
        message: `${actor.name} reopened ${name} for ${enrolment.learner.name}: ${data.reason} Decide it again.`,
        link: `/enrolments/${enrolment.id}/review#criterion-${criterion.code}`,
      });
    await notify(tx, notes);
    await appendAudit(
      tx,
      {
        kind: "quality.criterion_reopened",
        actorId: actor.userId,
        data: {
          reopeningId: reopening.id,
          enrolmentId: enrolment.id,
          criterion: name,
          fromRevision: judgement.revision,
          reason: data.reason,
          actionId: data.actionId ?? null,
        },
      },
      { centreId: enrolment.centreId, subject: `enrolment:${enrolment.id}` },
    );
    return { reopeningId: reopening.id };
  });
}

export const closedMessage = (status: string) =>
  status === "WITHDRAWN"
    ? "This learner has withdrawn from the unit, so nothing in it can be reopened."
    : `This unit has been ${status === "VERIFIED" ? "verified externally" : "certificated"}, so it can no longer be reopened or unlocked.`;
