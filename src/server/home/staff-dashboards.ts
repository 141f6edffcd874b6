import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db/client";
import { authorize, assertHolds, grantsAllowing, scope } from "@/server/policy";

const RECENT_DAYS = 30;
const ACCESS_WARNING_DAYS = 30;
const DAY_MS = 86_400_000;

/**
 * What an IQA has to look at, with counts: per assessor they cover, decisions made lately and units
 * signed off (candidates for sampling until sample plans exist), and units awaiting the learner.
 */
export async function iqaSummary(actor: Actor, now = new Date()) {
  assertHolds(actor, "read:enrolment:sampled");
  const where = scope(actor, "read:enrolment:sampled");
  const since = new Date(now.getTime() - RECENT_DAYS * DAY_MS);
  // Joined to the enrolments in the database, never a list of their ids: an IQA can cover thousands.
  const [enrolments, decisions, signOffs] = await Promise.all([
    db.enrolment.count({ where }),
    db.decision.groupBy({ by: ["assessorId"], where: { decidedAt: { gte: since }, enrolment: where }, _count: { _all: true } }),
    db.unitSignOff.findMany({ where: { currentOf: where }, select: { learnerSignedAt: true } }),
  ]);
  return {
    enrolments,
    recentDecisions: decisions.reduce((n, d) => n + d._count._all, 0),
    assessorsDeciding: decisions.length,
    signedOff: signOffs.length,
    awaitingLearner: signOffs.filter((s) => !s.learnerSignedAt).length,
    recentDays: RECENT_DAYS,
  };
}

/** What a centre admin has to put right, with counts: enrolments without an assessor or IQA, learners with no unit, disabled accounts. */
export async function adminSummary(actor: Actor, centreId: string, now = new Date()) {
  authorize(actor, "administer:account", { centreId });
  const enrolments = { AND: [scope(actor, "read:enrolment"), { centreId, status: "IN_PROGRESS" as const }] };
  const [noAssessor, noIqa, learnersWithoutUnit, disabled] = await Promise.all([
    db.enrolment.count({ where: { AND: [enrolments, { assessorId: null }] } }),
    db.enrolment.count({ where: { AND: [enrolments, { iqaId: null }] } }),
    db.user.count({
      where: { roleGrants: { some: { centreId, role: "LEARNER", OR: [{ endsAt: null }, { endsAt: { gt: now } }] } }, enrolments: { none: { centreId } } },
    }),
    db.user.count({ where: { roleGrants: { some: { centreId } }, active: false } }),
  ]);
  return { noAssessor, noIqa, learnersWithoutUnit, disabled };
}

/**
 * What an external verifier has to do, with counts: the centres open to them now, whose access ends
 * soon, and the enrolments they may review there, with the units completed (the ones to sample).
 */
export async function verifierSummary(actor: Actor, now = new Date()) {
  assertHolds(actor, "verify:centre");
  const grants = grantsAllowing(actor, "verify:centre");
  const where = { AND: [scope(actor, "read:enrolment"), { centreId: { in: grants.map((g) => g.centreId) } }] };
  const [enrolments, completed, learners] = await Promise.all([
    db.enrolment.count({ where }),
    db.enrolment.count({ where: { AND: [where, { status: "COMPLETED" as const }] } }),
    db.enrolment.groupBy({ by: ["learnerId"], where }),
  ]);
  const soon = now.getTime() + ACCESS_WARNING_DAYS * DAY_MS;
  const ends = grants.flatMap((g) => (g.endsAt ? [g.endsAt] : [])).sort((a, b) => a.getTime() - b.getTime());
  return {
    centres: grants.length,
    enrolments,
    completed,
    learners: learners.length,
    accessEndingSoon: ends.filter((d) => d.getTime() <= soon).length,
    nextAccessEnd: ends[0] ?? null,
    warningDays: ACCESS_WARNING_DAYS,
  };
}
