import type { Actor } from "@/server/auth/actor";
import type { Db, Tx } from "@/server/db/client";
import { can, enrolmentSubject } from "@/server/policy";

// What quality assurance changed on an enrolment, for the pages that show it: criteria reopened and
// sign-offs unlocked, with who and when. The reasons are notes on the assessor's work, so only
// those who may read the centre's quality records see them, never the learner (decision 0040).

type Enrolment = { id: string; centreId: string; learnerId: string; assessorId: string | null; iqaId: string | null };

/** Whether this actor sees the IQA's reasons: the enrolment's assessor, its IQA and the centre's admins. */
export const seesQualityNotes = (actor: Actor, enrolment: Enrolment) => can(actor, "read:quality", enrolmentSubject(enrolment));

async function namesOf(db: Db | Tx, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((i): i is string => Boolean(i)))];
  if (wanted.length === 0) return new Map<string, string>();
  const users = await db.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

export type Reopening = { id: string; criterionId: string; code: string; fromRevision: number; at: Date; by: string; reason: string | null };

/** Reopenings of the enrolment's criteria (of these criteria, or after these revisions, when given), newest first, at most 200. */
export async function reopeningsOf(
  db: Db | Tx,
  actor: Actor,
  enrolment: Enrolment,
  where: { criterionIds?: string[]; fromRevisions?: number[] } = {},
): Promise<Reopening[]> {
  const rows = await db.criterionReopening.findMany({
    where: {
      enrolmentId: enrolment.id,
      ...(where.criterionIds ? { criterionId: { in: where.criterionIds } } : {}),
      ...(where.fromRevisions ? { fromRevision: { in: where.fromRevisions } } : {}),
    },
    orderBy: { reopenedAt: "desc" },
    take: 200,
  });
  if (rows.length === 0) return [];
  const [names, criteria] = await Promise.all([
    namesOf(
      db,
      rows.map((r) => r.reopenedById),
    ),
    db.criterion.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.criterionId))] } }, select: { id: true, code: true } }),
  ]);
  const codes = new Map(criteria.map((c) => [c.id, c.code]));
  const notes = seesQualityNotes(actor, enrolment);
  return rows.map((r) => ({
    id: r.id,
    criterionId: r.criterionId,
    code: codes.get(r.criterionId) ?? "",
    fromRevision: r.fromRevision,
    at: r.reopenedAt,
    by: names.get(r.reopenedById) ?? "Quality assurance",
    reason: notes ? r.reason : null,
  }));
}

export type UnlockedSignOff = {
  id: string;
  signedBy: string;
  signedAt: Date;
  countersignedAt: Date | null;
  unlockedAt: Date;
  unlockedBy: string;
  reason: string | null;
};

/**
 * The enrolment's sign-offs in one statement: the current one (or null) and the earlier ones quality
 * assurance unlocked, newest first (the unlockers' names read only when there are some).
 */
export async function signOffsOf(db: Db | Tx, actor: Actor, enrolment: Enrolment) {
  const all = await db.unitSignOff.findMany({ where: { enrolmentId: enrolment.id }, orderBy: { assessorSignedAt: "desc" }, take: 51 });
  const current = all.find((s) => s.currentOfId === enrolment.id) ?? null;
  const rows = all.filter((s) => s.unlockedAt !== null);
  return { current, unlocked: rows.length ? await unlockedWords(db, actor, enrolment, rows) : [] };
}

type SignOffRow = Awaited<ReturnType<Db["unitSignOff"]["findMany"]>>[number];

async function unlockedWords(db: Db | Tx, actor: Actor, enrolment: Enrolment, rows: SignOffRow[]): Promise<UnlockedSignOff[]> {
  const names = await namesOf(
    db,
    rows.map((r) => r.unlockedById),
  );
  const notes = seesQualityNotes(actor, enrolment);
  return rows.map((r) => ({
    id: r.id,
    signedBy: r.assessorTypedName,
    signedAt: r.assessorSignedAt,
    countersignedAt: r.learnerSignedAt,
    unlockedAt: r.unlockedAt ?? r.assessorSignedAt,
    unlockedBy: (r.unlockedById && names.get(r.unlockedById)) ?? "Quality assurance",
    reason: notes ? r.unlockReason : null,
  }));
}
