import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db/client";
import { assertHolds, scope } from "@/server/policy";

const TARGETS_AHEAD_DAYS = 14;
const DAY_MS = 86_400_000;

export type UnitStates = { met: number; awaiting: number; notYetMet: number; noEvidence: number; total: number };
export type NextStep = { kind: "plan" | "feedback" | "record" | "sign-off" | "target"; text: string; href: string; due?: Date };

/** A learner's home: each unit's criteria by state, what to do next, and the latest feedback. */
export async function learnerDashboard(actor: Actor, now = new Date()) {
  assertHolds(actor, "read:enrolment:own");
  const enrolments = await db.enrolment.findMany({
    where: scope(actor, "read:enrolment:own"),
    orderBy: { unit: { code: "asc" } },
    select: {
      id: true,
      status: true,
      centre: { select: { name: true } },
      assessor: { select: { name: true } },
      unit: { select: { id: true, code: true, version: true, displayCode: true, title: true } },
    },
  });
  const ids = enrolments.map((e) => e.id);
  const [criteria, judgements, plans, records, signOffs, decisions] = await Promise.all([
    db.criterion.groupBy({ by: ["unitId"], where: { unitId: { in: [...new Set(enrolments.map((e) => e.unit.id))] } }, _count: { _all: true } }),
    db.criterionJudgement.findMany({
      where: { enrolmentId: { in: ids } },
      select: { enrolmentId: true, criterionId: true, state: true, stale: true, criterion: { select: { code: true } } },
    }),
    db.assessmentPlan.findMany({
      where: { enrolmentId: { in: ids } },
      select: {
        enrolmentId: true,
        versions: {
          orderBy: { version: "desc" },
          take: 1,
          select: {
            version: true,
            signatures: { select: { userId: true, role: true } },
            items: { select: { task: true, targetDate: true, criteria: { select: { criterionId: true } } } },
          },
        },
      },
    }),
    db.evidence.findMany({
      where: { learnerId: actor.userId, authorId: { not: null }, status: "DRAFT" },
      select: { id: true, title: true, versions: { orderBy: { version: "desc" }, take: 1, select: { record: true } } },
    }),
    db.unitSignOff.findMany({ where: { currentOfId: { in: ids }, learnerSignedAt: null }, select: { enrolmentId: true } }),
    db.decision.findMany({
      where: { enrolmentId: { in: ids } },
      orderBy: { decidedAt: "desc" },
      take: 5,
      select: { id: true, enrolmentId: true, outcome: true, feedback: true, decidedAt: true, assessor: { select: { name: true } }, criterionId: true },
    }),
  ]);
  const totals = new Map(criteria.map((c) => [c.unitId, c._count._all]));
  // Node 20 has no Map.groupBy.
  const byEnrolment = new Map<string, typeof judgements>();
  for (const j of judgements) {
    const list = byEnrolment.get(j.enrolmentId);
    if (list) list.push(j);
    else byEnrolment.set(j.enrolmentId, [j]);
  }
  const codes = new Map(judgements.map((j) => [`${j.enrolmentId}:${j.criterionId}`, j.criterion.code]));
  const unitOf = new Map(enrolments.map((e) => [e.id, e.unit]));

  const units = enrolments.map((e) => {
    const mine = byEnrolment.get(e.id) ?? [];
    const count = (test: (j: (typeof mine)[number]) => boolean) => mine.filter(test).length;
    const total = totals.get(e.unit.id) ?? 0;
    const met = count((j) => j.state === "MET" && !j.stale);
    const awaiting = count((j) => j.state === "EVIDENCE_SUBMITTED" || j.state === "REOPENED" || (j.state === "MET" && j.stale));
    const notYetMet = count((j) => j.state === "NOT_YET_MET");
    const states: UnitStates = { met, awaiting, notYetMet, noEvidence: Math.max(0, total - met - awaiting - notYetMet), total };
    return { ...e, states };
  });

  const steps: NextStep[] = [];
  for (const plan of plans) {
    const latest = plan.versions[0];
    const unit = unitOf.get(plan.enrolmentId);
    if (!latest || !unit) continue;
    if (!latest.signatures.some((s) => s.userId === actor.userId))
      steps.push({ kind: "plan", text: `Agree your assessment plan for ${unit.displayCode}`, href: `/enrolments/${plan.enrolmentId}/plan` });
    // Target dates of an agreed plan that are near or past while their criteria are not yet met.
    if (new Set(latest.signatures.map((s) => s.role)).size < 2) continue;
    const met = new Set((byEnrolment.get(plan.enrolmentId) ?? []).filter((j) => j.state === "MET" && !j.stale).map((j) => j.criterionId));
    for (const item of latest.items) {
      if (item.targetDate.getTime() > now.getTime() + TARGETS_AHEAD_DAYS * DAY_MS || item.criteria.every((c) => met.has(c.criterionId))) continue;
      steps.push({ kind: "target", text: `${unit.displayCode}: ${item.task}`, href: `/enrolments/${plan.enrolmentId}/plan`, due: item.targetDate });
    }
  }
  for (const e of units) {
    const feedback = (byEnrolment.get(e.id) ?? []).filter((j) => j.state === "NOT_YET_MET");
    if (feedback.length)
      steps.push({
        kind: "feedback",
        text: `Answer feedback on ${e.unit.displayCode} ${feedback.map((j) => j.criterion.code).join(", ")}`,
        href: `/enrolments/${e.id}/progress`,
      });
  }
  for (const r of records) {
    if ((r.versions[0]?.record as { ready?: boolean } | null)?.ready)
      steps.push({ kind: "record", text: `Countersign the record “${r.title}”`, href: `/evidence/${r.id}` });
  }
  for (const s of signOffs) {
    const unit = unitOf.get(s.enrolmentId);
    if (unit) steps.push({ kind: "sign-off", text: `Countersign the sign-off of ${unit.displayCode}`, href: `/enrolments/${s.enrolmentId}/progress` });
  }
  steps.sort((a, b) => (a.due?.getTime() ?? 0) - (b.due?.getTime() ?? 0));

  const recentFeedback = decisions.map((d) => ({
    id: d.id,
    outcome: d.outcome,
    feedback: d.feedback,
    decidedAt: d.decidedAt,
    assessor: d.assessor.name,
    unit: unitOf.get(d.enrolmentId)?.displayCode ?? "",
    criterion: codes.get(`${d.enrolmentId}:${d.criterionId}`) ?? "",
    href: `/enrolments/${d.enrolmentId}/progress`,
  }));
  return { units, steps, recentFeedback };
}
