import { commentSchema } from "@/lib/portfolio/schemas";
import { appendAudit } from "@/server/audit/append";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db/client";
import { UserFacingError, parseInput } from "@/server/errors";
import { evidenceAllowing, readableEvidence } from "@/server/policy";
import { notify } from "@/server/notifications/notifications";

/** Comments on an item, oldest first, with their replies nested. */
export async function listComments(actor: Actor, evidenceId: unknown) {
  const evidence = await readableEvidence(db, actor, evidenceId);
  const all = await db.comment.findMany({
    where: { evidenceId: evidence.id },
    orderBy: { createdAt: "asc" },
    include: { author: { select: { id: true, name: true } } },
  });
  return all.filter((c) => !c.parentId).map((c) => ({ ...c, replies: all.filter((r) => r.parentId === c.id) }));
}

/** A comment or a reply between the learner and their assessor; the other side is notified. */
export async function addComment(actor: Actor, evidenceId: unknown, input: unknown): Promise<{ id: string }> {
  const { evidence, subject } = await evidenceAllowing(db, actor, evidenceId, "comment:evidence");
  // The other side is told: the learner's assessors in this centre, or the learner.
  const isLearner = actor.userId === evidence.learnerId;
  const { body, parentId } = parseInput(commentSchema, input);
  return db.$transaction(async (tx) => {
    if (parentId) {
      const parent = await tx.comment.findFirst({ where: { id: parentId, evidenceId: evidence.id } });
      if (!parent) throw new UserFacingError("The comment you replied to is not on this item.");
      if (parent.parentId) throw new UserFacingError("Reply to the first comment of the thread.");
    }
    const comment = await tx.comment.create({ data: { evidenceId: evidence.id, parentId: parentId ?? null, authorId: actor.userId, body } });
    const title = (await tx.evidenceVersion.findFirstOrThrow({ where: { evidenceId: evidence.id }, orderBy: { version: "desc" }, select: { title: true } }))
      .title;
    const recipients = isLearner ? subject.assessorIds : [evidence.learnerId];
    await notify(
      tx,
      recipients.map((userId) => ({
        userId,
        centreId: evidence.centreId,
        kind: "comment.added",
        message: `${actor.name} commented on “${title}”.`,
        link: `/evidence/${evidence.id}#comment-${comment.id}`,
      })),
    );
    await appendAudit(
      tx,
      { kind: "comment.added", actorId: actor.userId, data: { evidenceId: evidence.id, commentId: comment.id, parentId: parentId ?? null } },
      { centreId: evidence.centreId, subject: `evidence:${evidence.id}` },
    );
    return { id: comment.id };
  });
}
