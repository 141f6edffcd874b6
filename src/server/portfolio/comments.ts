import { randomUUID } from "node:crypto";
import { commentSchema } from "@/lib/portfolio/schemas";
import { pendingAuditInsert } from "@/server/audit/append";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db/client";
import { Prisma } from "@/server/db/generated/client";
import { UserFacingError, parseInput } from "@/server/errors";
import { evidenceAllowing, readableEvidence } from "@/server/policy";

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

/**
 * A comment or a reply between the learner and their assessor; the other side is notified. One
 * statement, so one transaction: the reply's check, the comment, the notices and the audit event.
 */
export async function addComment(actor: Actor, evidenceId: unknown, input: unknown): Promise<{ id: string }> {
  const { evidence, subject } = await evidenceAllowing(db, actor, evidenceId, "comment:evidence");
  // The other side is told: the learner's assessors in this centre, or the learner.
  const isLearner = actor.userId === evidence.learnerId;
  const { body, parentId } = parseInput(commentSchema, input);
  const id = randomUUID();
  const at = new Date().toISOString();
  const recipients = isLearner ? subject.assessorIds : [evidence.learnerId];
  const audit = pendingAuditInsert(
    [
      {
        event: { kind: "comment.added", actorId: actor.userId, data: { evidenceId: evidence.id, commentId: id, parentId: parentId ?? null } },
        context: { centreId: evidence.centreId, subject: `evidence:${evidence.id}` },
      },
    ],
    Prisma.sql`EXISTS (SELECT 1 FROM comment)`,
  );
  // Timestamps go as UTC text to columns without a time zone, as Prisma writes DateTime.
  const [result] = await db.$queryRaw<{ written: number }[]>`
    WITH comment AS (
      INSERT INTO "Comment" ("id", "evidenceId", "parentId", "authorId", "body", "createdAt")
      SELECT ${id}::uuid, ${evidence.id}::uuid, ${parentId ?? null}::uuid, ${actor.userId}::uuid, ${body}, ${at}::timestamp
      WHERE ${parentId ?? null}::uuid IS NULL
        OR EXISTS (SELECT 1 FROM "Comment" p WHERE p."id" = ${parentId ?? null}::uuid AND p."evidenceId" = ${evidence.id}::uuid AND p."parentId" IS NULL)
      RETURNING "id"
    ), notices AS (
      INSERT INTO "Notification" ("id", "userId", "centreId", "kind", "message", "link", "createdAt")
      SELECT gen_random_uuid(), recipient, ${evidence.centreId}::uuid, 'comment.added', ${`${actor.name} commented on “`} || v."title" || '”.',
        ${`/evidence/${evidence.id}#comment-${id}`}, ${at}::timestamp
      FROM comment, unnest(${recipients}::uuid[]) AS recipient,
        (SELECT "title" FROM "EvidenceVersion" WHERE "evidenceId" = ${evidence.id}::uuid ORDER BY "version" DESC LIMIT 1) v
    ), audit AS (${audit})
    SELECT count(*)::int AS written FROM comment`;
  if (result?.written !== 1) throw await replyRefusal(evidence.id, parentId);
  return { id };
}

/** Why a reply was not written: its parent is on another item, or is itself a reply. */
async function replyRefusal(evidenceId: string, parentId: string | undefined) {
  const parent = parentId ? await db.comment.findFirst({ where: { id: parentId, evidenceId } }) : null;
  if (!parent) return new UserFacingError("The comment you replied to is not on this item.");
  return new UserFacingError("Reply to the first comment of the thread.");
}
