import type { Candidate, Earlier } from "@/lib/quality/draw";
import type { MethodName } from "@/lib/quality/strategy";
import type { Db, Tx } from "@/server/db/client";

// What a sample plan is drawn from, in a fixed number of queries whatever the caseload: the
// enrolments the IQA covers, their decisions in the period with the evidence's methods and sites,
// and what signed plans sampled before the period. No policy check: callers have authorised.

export type PlanScope = { centreId: string; iqaId: string; periodStart: Date; periodEnd: Date; unitCode: string };

const dayAfter = (d: Date) => new Date(d.getTime() + 86_400_000);

/** An observation record's place, the one assessment site the data holds. */
function siteOf(record: unknown): string[] {
  if (record && typeof record === "object" && "kind" in record && record.kind === "OBSERVATION" && "place" in record && typeof record.place === "string")
    return [record.place.trim()].filter(Boolean);
  return [];
}

export async function sampleCandidates(db: Db | Tx, s: PlanScope): Promise<Candidate[]> {
  const enrolments = await db.enrolment.findMany({
    where: {
      centreId: s.centreId,
      iqaId: s.iqaId,
      assessorId: { not: null },
      status: { not: "WITHDRAWN" },
      ...(s.unitCode ? { unit: { code: s.unitCode } } : {}),
    },
    select: {
      id: true,
      learnerId: true,
      assessorId: true,
      learner: { select: { name: true } },
      assessor: { select: { name: true } },
      unit: { select: { code: true } },
      signOff: { select: { id: true } },
    },
    orderBy: { id: "asc" },
  });
  const decisions = await db.decision.findMany({
    where: {
      enrolment: { centreId: s.centreId, iqaId: s.iqaId, ...(s.unitCode ? { unit: { code: s.unitCode } } : {}) },
      decidedAt: { gte: s.periodStart, lt: dayAfter(s.periodEnd) },
    },
    select: {
      id: true,
      enrolmentId: true,
      criterionId: true,
      assessorId: true,
      decidedAt: true,
      evidence: { select: { version: { select: { method: true, record: true } } } },
    },
    orderBy: [{ decidedAt: "asc" }, { id: "asc" }],
  });
  const criteria = await db.criterion.findMany({ where: { id: { in: [...new Set(decisions.map((d) => d.criterionId))] } }, select: { id: true, code: true } });
  const codeOf = new Map(criteria.map((c) => [c.id, c.code]));
  const byEnrolment = new Map<string, typeof decisions>();
  for (const d of decisions) {
    const list = byEnrolment.get(d.enrolmentId) ?? [];
    list.push(d);
    byEnrolment.set(d.enrolmentId, list);
  }
  return enrolments.map((e) => ({
    enrolmentId: e.id,
    learnerId: e.learnerId,
    learnerName: e.learner.name,
    assessorId: e.assessorId ?? "",
    assessorName: e.assessor?.name ?? "",
    unitCode: e.unit.code,
    signedOff: e.signOff !== null,
    decisions: (byEnrolment.get(e.id) ?? []).map((d) => ({
      id: d.id,
      criterionId: d.criterionId,
      criterionCode: codeOf.get(d.criterionId) ?? "",
      assessorId: d.assessorId,
      decidedAt: d.decidedAt,
      methods: [...new Set(d.evidence.map((x) => x.version.method as MethodName))].sort(),
      sites: [...new Set(d.evidence.flatMap((x) => siteOf(x.version.record)))].sort(),
    })),
  }));
}

/**
 * What the centre's signed plans for periods before this one sampled: their enrolments, the criteria
 * (an item's own, or every criterion decided on its enrolment before this period) and methods.
 */
export async function sampledEarlier(db: Db | Tx, s: PlanScope, excludePlanId?: string): Promise<Earlier> {
  const items = await db.samplePlanItem.findMany({
    where: {
      removedAt: null,
      plan: { centreId: s.centreId, status: "SIGNED", periodStart: { lt: s.periodStart }, ...(excludePlanId ? { id: { not: excludePlanId } } : {}) },
    },
    select: { enrolmentId: true, criterionIds: true, method: true },
  });
  const whole = [...new Set(items.filter((i) => i.criterionIds.length === 0).map((i) => i.enrolmentId))];
  const decided = whole.length
    ? await db.decision.findMany({
        where: { enrolmentId: { in: whole }, decidedAt: { lt: s.periodStart } },
        select: { criterionId: true, evidence: { select: { version: { select: { method: true } } } } },
      })
    : [];
  return {
    enrolmentIds: [...new Set(items.map((i) => i.enrolmentId))],
    criterionIds: [...new Set([...items.flatMap((i) => i.criterionIds), ...decided.map((d) => d.criterionId)])],
    methods: [
      ...new Set([
        ...items.flatMap((i) => (i.method ? [i.method as MethodName] : [])),
        ...decided.flatMap((d) => d.evidence.map((e) => e.version.method as MethodName)),
      ]),
    ],
  };
}
