import { randomInt } from "node:crypto";
import { z } from "zod";
import { day, id, optionalText, text } from "@/lib/input";
import { drawSample } from "@/lib/quality/draw";
import { appendAudit } from "@/server/audit/append";
import type { Actor } from "@/server/auth/actor";
import { type Tx, db } from "@/server/db/client";
import { UserFacingError, parseInput } from "@/server/errors";
import { administeredCentre } from "@/server/policy";
import { type PlanScope, sampleCandidates, sampledEarlier } from "./sample-candidates";
import { currentRisks, strategyFor } from "./strategy-read";

// Drawing a sample plan (issue 12, point 2; decision 0038): the IQA names a period and a unit
// (or every unit), Attest draws from what they cover and stores the items with their reasons.

export const createPlanInput = z
  .object({
    centreId: id("Choose a centre").optional(),
    title: text(200, "Give the plan a title"),
    periodStart: day("the first day of the period"),
    periodEnd: day("the last day of the period"),
    unitCode: optionalText(40),
  })
  .refine((p) => p.periodEnd >= p.periodStart, { path: ["periodEnd"], message: "The period must end on or after the day it starts" });

const toDay = (iso: string) => new Date(`${iso}T00:00:00Z`);
export const newSeed = () => randomInt(1, 2_147_483_647);

/** The unit codes of the enrolments the IQA covers in the centre, for the form. */
export async function coveredUnits(centreId: string, iqaId: string) {
  const units = await db.unit.findMany({
    where: { enrolments: { some: { centreId, iqaId } } },
    select: { code: true, displayCode: true },
    distinct: ["code"],
    orderBy: { code: "asc" },
  });
  return units;
}

export async function newPlanForm(actor: Actor, requestedCentre?: string | null) {
  const centreId = administeredCentre(actor, "plan:sample", requestedCentre);
  return { centreId, units: await coveredUnits(centreId, actor.userId) };
}

/** Draws the items for a plan and stores them, as the draw's, in the caller's transaction. */
export async function storeDraw(tx: Tx, scope: PlanScope & { planId: string; seed: number }, alreadyIn: Set<string> = new Set()) {
  const [candidates, earlier, strategy, risks] = await Promise.all([
    sampleCandidates(tx, scope),
    sampledEarlier(tx, scope, scope.planId),
    strategyFor(tx, scope.centreId, scope.unitCode),
    currentRisks(tx, scope.centreId),
  ]);
  // An enrolment the IQA added by hand stays as they added it: the draw does not add it twice.
  const items = drawSample({ candidates, strategy, risks, earlier, iqaId: scope.iqaId, seed: scope.seed }).filter((i) => !alreadyIn.has(i.enrolmentId));
  if (items.length)
    await tx.samplePlanItem.createMany({
      data: items.map((i) => ({
        planId: scope.planId,
        enrolmentId: i.enrolmentId,
        stage: i.stage,
        method: i.method ?? null,
        criterionIds: i.criterionIds,
        reasons: i.reasons,
        addedBy: "draw",
      })),
    });
  return items.length;
}

/** "Draw a sample plan": creates the draft and its drawn items in one transaction. */
export async function createPlan(actor: Actor, input: unknown): Promise<{ id: string }> {
  const data = parseInput(createPlanInput, input);
  const centreId = administeredCentre(actor, "plan:sample", data.centreId);
  const unitCode = data.unitCode ?? "";
  if (unitCode && !(await coveredUnits(centreId, actor.userId)).some((u) => u.code === unitCode))
    throw new UserFacingError("Choose a unit you are the IQA for, or every unit.", { unitCode: "Choose a unit you are the IQA for, or every unit" });
  const seed = newSeed();
  return db.$transaction(async (tx) => {
    const plan = await tx.samplePlan.create({
      data: { centreId, iqaId: actor.userId, title: data.title, unitCode, periodStart: toDay(data.periodStart), periodEnd: toDay(data.periodEnd), seed },
    });
    const items = await storeDraw(tx, {
      planId: plan.id,
      centreId,
      iqaId: actor.userId,
      periodStart: plan.periodStart,
      periodEnd: plan.periodEnd,
      unitCode,
      seed,
    });
    await appendAudit(
      tx,
      {
        kind: "quality.plan_drawn",
        actorId: actor.userId,
        data: { planId: plan.id, seed, items, periodStart: data.periodStart, periodEnd: data.periodEnd, unitCode },
      },
      { centreId, subject: `sample-plan:${plan.id}` },
    );
    return { id: plan.id };
  });
}
