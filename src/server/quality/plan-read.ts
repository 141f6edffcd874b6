import { z } from "zod";
import { coverage } from "@/lib/quality/coverage";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db/client";
import { can, scope } from "@/server/policy";
import { qualityCentre } from "./risk-centres";
import { readablePlan } from "./plan-access";
import { sampleCandidates } from "./sample-candidates";
import { currentRisks, strategyFor } from "./strategy-read";

// The plans pages: the list (the IQA's own and the centre's), and one plan with its items and coverage.

export const PLANS_PAGE_SIZE = 20;
const listInput = z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1), centre: z.uuid().optional().catch(undefined) });

export async function listPlans(actor: Actor, params: Record<string, unknown>) {
  const f = listInput.parse(params);
  // An assessor holds read:quality only on their own decisions: the centre's plans need it centre-wide.
  const centreId = qualityCentre(actor, f.centre);
  const where = { centreId };
  const [total, rows] = await Promise.all([
    db.samplePlan.count({ where }),
    db.samplePlan.findMany({
      where,
      orderBy: [{ periodStart: "desc" }, { createdAt: "desc" }, { id: "asc" }],
      skip: (f.page - 1) * PLANS_PAGE_SIZE,
      take: PLANS_PAGE_SIZE,
      select: {
        id: true,
        title: true,
        iqaId: true,
        unitCode: true,
        periodStart: true,
        periodEnd: true,
        status: true,
        signedAt: true,
        _count: { select: { items: { where: { removedAt: null } } } },
      },
    }),
  ]);
  const iqas = await db.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.iqaId))] } }, select: { id: true, name: true } });
  const nameOf = new Map(iqas.map((u) => [u.id, u.name]));
  return {
    centreId,
    centreName: actor.grants.find((g) => g.centreId === centreId)?.centreName ?? "",
    canDraw: can(actor, "plan:sample", { centreId }),
    rows: rows.map((r) => ({ ...r, iqaName: nameOf.get(r.iqaId) ?? "A former IQA", mine: r.iqaId === actor.userId, items: r._count.items })),
    total,
    page: f.page,
    pages: Math.max(1, Math.ceil(total / PLANS_PAGE_SIZE)),
  };
}

/** One plan: its items by assessor, the coverage of the live ones, and what the IQA may add. */
export async function planDetail(actor: Actor, planId: unknown) {
  const { plan, mine } = await readablePlan(db, actor, planId);
  const period = { centreId: plan.centreId, iqaId: plan.iqaId, periodStart: plan.periodStart, periodEnd: plan.periodEnd, unitCode: plan.unitCode };
  const [items, candidates, strategy, risks, iqa, addable] = await Promise.all([
    db.samplePlanItem.findMany({
      where: { planId: plan.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        enrolmentId: true,
        stage: true,
        method: true,
        criterionIds: true,
        reasons: true,
        addedBy: true,
        removedAt: true,
        enrolment: {
          select: { learner: { select: { name: true } }, assessor: { select: { id: true, name: true } }, unit: { select: { code: true, displayCode: true } } },
        },
      },
    }),
    sampleCandidates(db, period),
    strategyFor(db, plan.centreId, plan.unitCode),
    currentRisks(db, plan.centreId),
    db.user.findUnique({ where: { id: plan.iqaId }, select: { name: true } }),
    mine && plan.status === "DRAFT"
      ? db.enrolment.findMany({
          where: {
            AND: [
              scope(actor, "read:enrolment:sampled"),
              {
                centreId: plan.centreId,
                assessorId: { not: actor.userId },
                learnerId: { not: actor.userId },
                status: { not: "WITHDRAWN" },
                sampleItems: { none: { planId: plan.id, removedAt: null } },
              },
              plan.unitCode ? { unit: { code: plan.unitCode } } : {},
            ],
          },
          select: { id: true, learner: { select: { name: true } }, assessor: { select: { name: true } }, unit: { select: { displayCode: true } } },
          orderBy: [{ learner: { name: "asc" } }, { unit: { code: "asc" } }],
          take: 500,
        })
      : Promise.resolve([]),
  ]);
  const criteria = await db.criterion.findMany({ where: { id: { in: [...new Set(items.flatMap((i) => i.criterionIds))] } }, select: { id: true, code: true } });
  const codeOf = new Map(criteria.map((c) => [c.id, c.code]));
  const live = items.filter((i) => !i.removedAt);
  return {
    plan: { ...plan, iqaName: iqa?.name ?? "A former IQA" },
    mine,
    editable: mine && plan.status === "DRAFT",
    strategy,
    items: items.map((i) => ({ ...i, criterionCodes: i.criterionIds.map((c) => codeOf.get(c) ?? c) })),
    coverage: coverage(live, candidates, strategy, risks, plan.iqaId),
    addable: addable.map((e) => ({ id: e.id, label: `${e.learner.name}, ${e.unit.displayCode} (assessor ${e.assessor?.name ?? "none"})` })),
  };
}
