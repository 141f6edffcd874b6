import { isId } from "../../lib/ids";
import type { Actor } from "../auth/actor";
import type { Db, Tx } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { UserFacingError } from "../errors";
import { NotFoundError, UnauthenticatedError, centresWhere } from "../policy";

const nothing = { id: { in: [] as string[] } };

/**
 * The evidence an actor may read: a learner their own; the assessor and IQA of one of the
 * learner's enrolments in that centre; the centre's admin. Everyone else sees none of it.
 */
export function evidenceScope(actor: Actor): Prisma.EvidenceWhereInput {
  const or: Prisma.EvidenceWhereInput[] = [];
  const own = centresWhere(actor, "LEARNER");
  if (own.length) or.push({ learnerId: actor.userId, centreId: { in: own } });
  for (const centreId of centresWhere(actor, "ASSESSOR")) or.push({ centreId, learner: { enrolments: { some: { centreId, assessorId: actor.userId } } } });
  for (const centreId of centresWhere(actor, "IQA")) or.push({ centreId, learner: { enrolments: { some: { centreId, iqaId: actor.userId } } } });
  const admin = centresWhere(actor, "CENTRE_ADMIN");
  if (admin.length) or.push({ centreId: { in: admin } });
  return or.length ? { OR: or } : nothing;
}

export function requireActor(actor: Actor): asserts actor is Actor {
  if (!actor) throw new UnauthenticatedError();
}

/** The evidence item if the actor may read it, else NotFoundError. */
export async function readableEvidence(db: Db | Tx, actor: Actor, evidenceId: unknown) {
  if (!isId(evidenceId)) throw new NotFoundError("No evidence has that id");
  const evidence = await db.evidence.findFirst({ where: { AND: [{ id: evidenceId }, evidenceScope(actor)] } });
  if (!evidence) throw new NotFoundError("No evidence has that id");
  return evidence;
}

/** The evidence item if the actor owns it as a learner (only owners change evidence), else NotFoundError. */
export async function ownEvidence(db: Db | Tx, actor: Actor, evidenceId: unknown) {
  const evidence = await readableEvidence(db, actor, evidenceId);
  if (evidence.learnerId !== actor.userId) throw new NotFoundError("No evidence has that id");
  return evidence;
}

/**
 * The item if the actor may change its draft: the learner for their own items; for a record an
 * assessor wrote, that assessor while they still assess the learner. NotFoundError otherwise.
 */
export async function editableEvidence(db: Db | Tx, actor: Actor, evidenceId: unknown) {
  const evidence = await readableEvidence(db, actor, evidenceId);
  if (!evidence.authorId) {
    if (evidence.learnerId !== actor.userId) throw new NotFoundError("No evidence has that id");
    return evidence;
  }
  const assesses = await db.enrolment.count({ where: { learnerId: evidence.learnerId, centreId: evidence.centreId, assessorId: actor.userId } });
  if (evidence.authorId !== actor.userId || !assesses) throw new NotFoundError("No evidence has that id");
  return evidence;
}

/**
 * The item if the actor may withdraw it: only its author. The learner withdraws their own items;
 * a record an assessor wrote is withdrawn by that assessor (while they assess the learner), never
 * by the learner, who only countersigned it. NotFoundError for anyone who cannot read it.
 */
export async function withdrawableEvidence(db: Db | Tx, actor: Actor, evidenceId: unknown) {
  const evidence = await readableEvidence(db, actor, evidenceId);
  if (evidence.authorId && evidence.learnerId === actor.userId) {
    const author = await db.user.findUnique({ where: { id: evidence.authorId }, select: { name: true } });
    throw new UserFacingError(`Only ${author?.name ?? "the assessor"}, who wrote this record, can withdraw it. You countersigned it; ask them if it should be withdrawn.`);
  }
  return editableEvidence(db, actor, evidence.id);
}
