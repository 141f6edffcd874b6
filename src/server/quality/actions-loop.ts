import { z } from "zod";
import { isId } from "@/lib/ids";
import { text } from "@/lib/input";
import { appendAudit } from "@/server/audit/append";
import type { Actor } from "@/server/auth/actor";
import { type Db, type Tx, db } from "@/server/db/client";
import { UserFacingError, parseInput } from "@/server/errors";
import { notify } from "@/server/notifications/notifications";
import { NotFoundError, type Subject, authorize, can } from "@/server/policy";

export const responseSchema = z.object({ body: text(10_000, "Write your response") });
export const closingSchema = z.object({ closingNote: text(10_000, "Write a closing note") });

const noAction = "No action has that id";

/** Who stands how to an action: its assessor ("assessed") and the IQA who raised it ("sampled"), in its centre. */
export const actionSubject = (a: { centreId: string; assessorId: string; raisedById: string }): Subject => ({
  centreId: a.centreId,
  assessorIds: [a.assessorId],
  iqaIds: [a.raisedById],
});

/** The action if the actor may read it (its assessor, the IQA who raised it, the centre's IQAs and admins); else NotFoundError. */
export async function readableAction(client: Db | Tx, actor: Actor, actionId: unknown) {
  if (!isId(actionId)) throw new NotFoundError(noAction);
  const action = await client.iqaAction.findUnique({ where: { id: actionId } });
  if (!action) throw new NotFoundError(noAction);
  authorize(actor, "read:quality", actionSubject(action), noAction);
  return action;
}

/** The assessor answers an action raised for them; only they may, and only while it is open. The IQA who raised it is told. */
export async function respondToAction(actor: Actor, actionId: unknown, input: unknown): Promise<{ responseId: string }> {
  const action = await readableAction(db, actor, actionId);
  // Only the assessor the action is for: "respond:action:assessed" on a subject whose assessor is them.
  if (action.assessorId !== actor.userId || !can(actor, "respond:action", actionSubject(action)))
    throw new UserFacingError("Only the assessor this action is for can respond to it.");
  const { body } = parseInput(responseSchema, input);
  return db.$transaction(async (tx) => {
    // The action's row lock: a close and a response take turns, so no response lands on a closed action.
    const [row] = await tx.$queryRaw<{ closedAt: Date | null }[]>`SELECT "closedAt" FROM "IqaAction" WHERE id = ${action.id}::uuid FOR UPDATE`;
    if (row?.closedAt) throw new UserFacingError("This action has been closed, so it takes no more responses.");
    const response = await tx.iqaActionResponse.create({ data: { actionId: action.id, authorId: actor.userId, body }, select: { id: true } });
    await notify(tx, [
      {
        userId: action.raisedById,
        centreId: action.centreId,
        kind: "quality.action_responded",
        message: `${actor.name} responded to your action “${action.title}”.`,
        link: `/quality/actions/${action.id}`,
      },
    ]);
    await appendAudit(
      tx,
      { kind: "quality.action_responded", actorId: actor.userId, data: { actionId: action.id, responseId: response.id } },
      { centreId: action.centreId, subject: action.enrolmentId ? `enrolment:${action.enrolmentId}` : null },
    );
    return { responseId: response.id };
  });
}

/** Only the IQA who raised an action closes it, with a note; once. The assessor is told. */
export async function closeAction(actor: Actor, actionId: unknown, input: unknown): Promise<void> {
  const action = await readableAction(db, actor, actionId);
  if (action.raisedById !== actor.userId || !can(actor, "sample:enrolment", { centreId: action.centreId, iqaIds: [action.raisedById] }))
    throw new UserFacingError("Only the IQA who raised this action can close it.");
  const { closingNote } = parseInput(closingSchema, input);
  await db.$transaction(async (tx) => {
    const closed = await tx.iqaAction.updateMany({
      where: { id: action.id, raisedById: actor.userId, closedAt: null },
      data: { closedAt: new Date(), closedById: actor.userId, closingNote },
    });
    if (closed.count !== 1) throw new UserFacingError("This action is already closed.");
    await notify(tx, [
      {
        userId: action.assessorId,
        centreId: action.centreId,
        kind: "quality.action_closed",
        message: `${actor.name} closed the action “${action.title}”: ${closingNote}`,
        link: `/quality/actions/${action.id}`,
      },
    ]);
    await appendAudit(
      tx,
      { kind: "quality.action_closed", actorId: actor.userId, data: { actionId: action.id } },
      { centreId: action.centreId, subject: action.enrolmentId ? `enrolment:${action.enrolmentId}` : null },
    );
  });
}
