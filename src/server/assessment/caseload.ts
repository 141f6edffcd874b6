import { z } from "zod";
import { dayKey, workingDaysBetween } from "@/lib/working-days";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db/client";
import { assertHolds, scope } from "@/server/policy";

export const caseloadSorts = ["learner", "unit", "completion", "awaiting", "oldest", "activity"] as const;
export const caseloadFilterSchema = z.object({
  sort: z.enum(caseloadSorts).catch("oldest"),
  dir: z.enum(["asc", "desc"]).catch("desc"),
  q: z.string().trim().max(100).catch(""),
  unit: z.string().trim().max(20).catch(""),
  overdue: z.preprocess((v) => v === "1" || v === "on" || v === true, z.boolean()).catch(false),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export const CASELOAD_PAGE_SIZE = 50;

/** The assessor's learners per unit, filtered, sorted and a page of them. */
export async function caseload(actor: Actor, rawFilters: unknown, now = new Date()) {
  const f = caseloadFilterSchema.parse(rawFilters ?? {});
  let rows = await caseloadRows(actor, now);
  if (f.q) rows = rows.filter((r) => r.learner.name.toLowerCase().includes(f.q.toLowerCase()));
  if (f.unit) rows = rows.filter((r) => r.unit.code === f.unit.toUpperCase());
  if (f.overdue) rows = rows.filter((r) => r.overdue);
  const key: Record<(typeof caseloadSorts)[number], (r: CaseloadRow) => string | number> = {
    learner: (r) => r.learner.name.toLowerCase(),
    unit: (r) => r.unit.code,
    completion: (r) => r.completion,
    awaiting: (r) => r.awaiting,
    oldest: (r) => r.waitedDays,
    activity: (r) => r.lastActivity?.getTime() ?? 0,
  };
  const sign = f.dir === "asc" ? 1 : -1;
  rows.sort((a, b) => {
    const [x, y] = [key[f.sort](a), key[f.sort](b)];
    return (x < y ? -1 : x > y ? 1 : 0) * sign || a.learner.name.localeCompare(b.learner.name) || a.unit.code.localeCompare(b.unit.code);
  });
  const pages = Math.max(1, Math.ceil(rows.length / CASELOAD_PAGE_SIZE));
  return {
    rows: rows.slice((f.page - 1) * CASELOAD_PAGE_SIZE, f.page * CASELOAD_PAGE_SIZE),
    total: rows.length,
    overdue: rows.filter((r) => r.overdue).length,
    page: f.page,
    pages,
    filters: f,
  };
}

export type CaseloadRow = Awaited<ReturnType<typeof caseloadRows>>[number];

/**
 * Every learner-unit the assessor assesses (not withdrawn): completion, work awaiting review, how
 * many working days the oldest has waited and the centre's review target.
 */
export async function caseloadRows(actor: Actor, now = new Date(), { withActivity = true } = {}) {
  assertHolds(actor, "read:enrolment:assessed");
  const enrolments = await db.enrolment.findMany({
    where: { AND: [scope(actor, "read:enrolment:assessed"), { status: { not: "WITHDRAWN" } }] },
    select: {
      id: true,
      status: true,
      learner: { select: { id: true, name: true } },
      unit: { select: { id: true, code: true, displayCode: true } },
      centreId: true,
      centre: { select: { reviewTargetDays: true } },
    },
  });
  const ids = enrolments.map((e) => e.id);
  const [criteria, states, waiting, activity] = await Promise.all([
    db.criterion.groupBy({ by: ["unitId"], where: { unitId: { in: [...new Set(enrolments.map((e) => e.unit.id))] } }, _count: { _all: true } }),
    db.criterionJudgement.groupBy({ by: ["enrolmentId"], where: { enrolmentId: { in: ids }, state: "MET", stale: false }, _count: { _all: true } }),
    db.criterionJudgement.groupBy({
      by: ["enrolmentId"],
      where: { enrolmentId: { in: ids }, OR: [{ state: { in: ["EVIDENCE_SUBMITTED", "REOPENED"] } }, { stale: true }] },
      _count: { _all: true },
      _min: { queuedAt: true },
    }),
    withActivity
      ? db.evidence.groupBy({ by: ["learnerId"], where: { learnerId: { in: [...new Set(enrolments.map((e) => e.learner.id))] } }, _max: { updatedAt: true } })
      : [],
  ]);
  // Looked up by key, not searched per row: a caseload can hold hundreds of learner-units.
  const totals = new Map(criteria.map((c) => [c.unitId, c._count._all]));
  const metBy = new Map(states.map((s) => [s.enrolmentId, s._count._all]));
  const waitBy = new Map(waiting.map((w) => [w.enrolmentId, w]));
  const activeBy = new Map(activity.map((a) => [a.learnerId, a._max.updatedAt]));
  const closedBy = await closuresOf([...new Set(enrolments.map((e) => e.centreId))], waiting, now);
  const rows = enrolments.map((e) => {
    const total = totals.get(e.unit.id) ?? 0;
    const met = metBy.get(e.id) ?? 0;
    const wait = waitBy.get(e.id);
    const oldest = wait?._min.queuedAt ?? null;
    const waitedDays = oldest ? workingDaysBetween(oldest, now, closedBy.get(e.centreId)) : 0;
    return {
      ...e,
      total,
      met,
      completion: total ? met / total : 0,
      awaiting: wait?._count._all ?? 0,
      oldest,
      waitedDays,
      targetDays: e.centre.reviewTargetDays,
      overdue: Boolean(oldest) && waitedDays > e.centre.reviewTargetDays,
      lastActivity: activeBy.get(e.learner.id) ?? null,
    };
  });
  return rows;
}

/** Each centre's non-working days between the oldest waiting item and now, for counting working days. */
async function closuresOf(centreIds: string[], waiting: { _min: { queuedAt: Date | null } }[], now: Date) {
  const times = waiting.map((w) => w._min.queuedAt?.getTime()).filter((t): t is number => t !== undefined);
  const closedBy = new Map<string, Set<string>>();
  if (!times.length || !centreIds.length) return closedBy;
  const rows = await db.centreClosure.findMany({
    where: { centreId: { in: centreIds }, day: { gte: new Date(Math.min(...times) - 86_400_000), lte: now } },
    select: { centreId: true, day: true },
  });
  for (const r of rows) closedBy.set(r.centreId, (closedBy.get(r.centreId) ?? new Set()).add(dayKey(r.day)));
  return closedBy;
}
