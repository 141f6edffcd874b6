import { isId } from "@/lib/ids";
import type { Actor } from "@/server/auth/actor";
import type { Db, Tx } from "@/server/db/client";
import { UserFacingError } from "@/server/errors";
import { type Subject, authorize, can, relationsTo } from "./can";
import type { Permission } from "./permissions";
import { scope } from "./scopes";
import { NotFoundError } from "./refusals";

// Loaders: each returns a resource only if the actor may do the thing to it, else NotFoundError,
// the same refusal whether the resource is missing or out of reach. None takes a lock.

const noEvidence = "No evidence has that id";
const noEnrolment = "No enrolment has that id";

type EvidencePermission = Extract<Permission, `${string}:evidence` | `${string}:testimony`>;
type EnrolmentPermission = Extract<Permission, `${string}:${"enrolment" | "plan" | "criterion" | "claim"}`>;

/** The evidence item if the actor may read it, else NotFoundError. */
export async function readableEvidence(db: Db | Tx, actor: Actor, evidenceId: unknown) {
  if (!isId(evidenceId)) throw new NotFoundError(noEvidence);
  const evidence = await db.evidence.findFirst({ where: { AND: [{ id: evidenceId }, scope(actor, "read:evidence")] } });
  if (!evidence) throw new NotFoundError(noEvidence);
  return evidence;
}

/** What decides how someone stands to an item: its learner and author, and the learner's assessors and IQAs in its centre. */
export async function evidenceSubject(db: Db | Tx, evidence: { centreId: string; learnerId: string; authorId: string | null }) {
  const enrolments = await db.enrolment.findMany({
    where: { learnerId: evidence.learnerId, centreId: evidence.centreId },
    select: { assessorId: true, iqaId: true },
  });
  const ids = (list: (string | null)[]) => [...new Set(list.filter((id): id is string => Boolean(id)))];
  return {
    centreId: evidence.centreId,
    learnerId: evidence.learnerId,
    authorId: evidence.authorId,
    assessorIds: ids(enrolments.map((e) => e.assessorId)),
    iqaIds: ids(enrolments.map((e) => e.iqaId)),
  } satisfies Subject;
}

/** The item the actor may read, with its subject, if they may also do this to it; else NotFoundError. */
export async function evidenceAllowing(db: Db | Tx, actor: Actor, evidenceId: unknown, permission: EvidencePermission) {
  const evidence = await readableEvidence(db, actor, evidenceId);
  const subject = await evidenceSubject(db, evidence);
  authorize(actor, permission, subject, noEvidence);
  return { evidence, subject };
}

/** The item if the actor may submit it: the learner, for their own items and the records they countersign. */
export async function submittableEvidence(db: Db | Tx, actor: Actor, evidenceId: unknown) {
  return (await evidenceAllowing(db, actor, evidenceId, "submit:evidence")).evidence;
}

/**
 * The item if the actor may change its draft: the learner for their own items; for a record an
 * assessor wrote, that assessor while they still assess the learner. NotFoundError otherwise.
 */
export async function editableEvidence(db: Db | Tx, actor: Actor, evidenceId: unknown) {
  return (await evidenceAllowing(db, actor, evidenceId, "update:evidence")).evidence;
}

/**
 * The item if the actor may withdraw it: only its author. The learner withdraws their own items;
 * a record an assessor wrote is withdrawn by that assessor (while they assess the learner), never
 * by the learner, who only countersigned it. NotFoundError for anyone who cannot read it.
 */
export async function withdrawableEvidence(db: Db | Tx, actor: Actor, evidenceId: unknown) {
  const evidence = await readableEvidence(db, actor, evidenceId);
  const subject = await evidenceSubject(db, evidence);
  if (can(actor, "withdraw:evidence", subject)) return evidence;
  if (evidence.authorId && relationsTo(actor, subject).has("own")) {
    const author = await db.user.findUnique({ where: { id: evidence.authorId }, select: { name: true } });
    throw new UserFacingError(
      `Only ${author?.name ?? "the assessor"}, who wrote this record, can withdraw it. You countersigned it; ask them if it should be withdrawn.`,
    );
  }
  throw new NotFoundError(noEvidence);
}

/** What decides how someone stands to an enrolment: its learner, its assessor and its IQA. */
export const enrolmentSubject = (enrolment: { centreId: string; learnerId: string; assessorId: string | null; iqaId: string | null }): Subject => ({
  centreId: enrolment.centreId,
  learnerId: enrolment.learnerId,
  assessorIds: [enrolment.assessorId],
  iqaIds: [enrolment.iqaId],
});

/** The enrolment if the actor may read it (learner, assessor, IQA, admin, verifier), else NotFoundError. */
export async function readableEnrolment(db: Db | Tx, actor: Actor, enrolmentId: unknown) {
  if (!isId(enrolmentId)) throw new NotFoundError(noEnrolment);
  const enrolment = await db.enrolment.findFirst({
    where: { AND: [{ id: enrolmentId }, scope(actor, "read:enrolment")] },
    include: {
      unit: { include: { assessmentMethods: { orderBy: { position: "asc" } } } },
      learner: { select: { id: true, name: true } },
      assessor: { select: { id: true, name: true } },
    },
  });
  if (!enrolment) throw new NotFoundError(noEnrolment);
  return enrolment;
}

/** The enrolment if the actor may read it and do this to it, else NotFoundError. */
export async function enrolmentAllowing(db: Db | Tx, actor: Actor, enrolmentId: unknown, permission: EnrolmentPermission) {
  const enrolment = await readableEnrolment(db, actor, enrolmentId);
  authorize(actor, permission, enrolmentSubject(enrolment), noEnrolment);
  return enrolment;
}

/** The enrolment if the actor is its assessor (only they decide and sign), else NotFoundError. */
export async function assessedEnrolment(db: Db, actor: Actor, enrolmentId: unknown) {
  return enrolmentAllowing(db, actor, enrolmentId, "decide:criterion");
}
