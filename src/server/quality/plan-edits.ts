import { z } from "zod";
import { id, text } from "@/lib/input";
import { assessmentMethods } from "@/lib/standards/unit-file";
import { appendAudit } from "@/server/audit/append";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db/client";
import { UserFacingError, parseInput } from "@/server/errors";
import { scope } from "@/server/policy";
import { assertOwnDraft, lockDraft, readablePlan } from "./plan-access";
import { newSeed, storeDraw } from "./plans";

// Changing a draft plan: only its IQA, only while it is a draft. Nothing is deleted: a removed item
// keeps its row with `removedAt`; a redraw removes the draw's items that way and keeps the IQA's.

export const removeItemInput = z.object({ planId: id("Choose a plan"), itemId: id("Choose an item") });
export const addItemInput = z.object({
  planId: id("Choose a plan"),
  enrolmentId: id("Choose a learner and unit"),
  stage: z.enum(["INTERIM", "SUMMATIVE"], { error: "Choose interim or summative" }),
  method: z.preprocess((v) => (v === "" ? undefined : v), z.enum(assessmentMethods, { error: "Choose a method from the list" }).optional()),
  note: text(500, "Say why you are adding it"),
});
export const redrawInput = z.object({ planId: id("Choose a plan") });

export async function removePlanItem(actor: Actor, input: unknown) {
  const data = parseInput(removeItemInput, input);
  const found = await readablePlan(db, actor, data.planId);
  assertOwnDraft(found);
  await db.$transaction(async (tx) => {
    await lockDraft(tx, found.plan.id, actor.userId);
    const item = await tx.samplePlanItem.findFirst({ where: { id: data.itemId, planId: found.plan.id }, select: { enrolmentId: true } });
    if (!item) throw new UserFacingError("That item is not in this plan.");
    const removed = await tx.samplePlanItem.updateMany({
      where: { id: data.itemId, planId: found.plan.id, removedAt: null, review: { is: null } },
      data: { removedAt: new Date() },
    });
    if (removed.count !== 1) throw new UserFacingError("That item has already been removed, or its review has been opened and it stays in the plan.");
    await appendAudit(
      tx,
      { kind: "quality.plan_item_removed", actorId: actor.userId, data: { planId: found.plan.id, itemId: data.itemId, enrolmentId: item.enrolmentId } },
      { centreId: found.plan.centreId, subject: `sample-plan:${found.plan.id}` },
    );
  });
}

export async function addPlanItem(actor: Actor, input: unknown) {
  const data = parseInput(addItemInput, input);
  const found = await readablePlan(db, actor, data.planId);
  assertOwnDraft(found);
  const { plan } = found;
  return db.$transaction(async (tx) => {
    await lockDraft(tx, plan.id, actor.userId);
    const enrolment = await tx.enrolment.findFirst({
      where: {
        AND: [
          scope(actor, "read:enrolment:sampled"),
          { id: data.enrolmentId, centreId: plan.centreId, status: { not: "WITHDRAWN" }, learnerId: { not: actor.userId } },
          plan.unitCode ? { unit: { code: plan.unitCode } } : {},
        ],
      },
      select: {
        id: true,
        assessorId: true,
        signOff: { select: { id: true } },
        sampleItems: { where: { planId: plan.id, removedAt: null }, select: { id: true } },
      },
    });
    const field = { enrolmentId: "Choose a learner and unit you are the IQA for" };
    if (!enrolment) throw new UserFacingError("Choose a learner and unit you are the IQA for in this plan.", field);
    if (!enrolment.assessorId || enrolment.assessorId === actor.userId)
      throw new UserFacingError("You cannot sample your own assessment decisions, nor a unit with no assessor.", field);
    if (data.stage === "SUMMATIVE" && !enrolment.signOff)
      throw new UserFacingError("That unit is not signed off yet: sample it as interim.", { stage: "That unit is not signed off yet: choose interim" });
    if (enrolment.sampleItems.length) throw new UserFacingError("That learner and unit are already in this plan.", field);
    const item = await tx.samplePlanItem.create({
      data: {
        planId: plan.id,
        enrolmentId: enrolment.id,
        stage: data.stage,
        method: data.method ?? null,
        criterionIds: [],
        reasons: [`Added by the IQA: ${data.note}`],
        addedBy: "iqa",
      },
    });
    await appendAudit(
      tx,
      {
        kind: "quality.plan_item_added",
        actorId: actor.userId,
        data: { planId: plan.id, itemId: item.id, enrolmentId: enrolment.id, stage: data.stage, method: data.method ?? null, note: data.note },
      },
      { centreId: plan.centreId, subject: `sample-plan:${plan.id}` },
    );
    return { id: item.id };
  });
}

/** "Draw again": a new seed; the draw's items give way to the new draw's, the IQA's own stay. */
export async function redrawPlan(actor: Actor, input: unknown) {
  const data = parseInput(redrawInput, input);
  const found = await readablePlan(db, actor, data.planId);
  assertOwnDraft(found);
  const { plan } = found;
  const seed = newSeed();
  await db.$transaction(async (tx) => {
    await lockDraft(tx, plan.id, actor.userId);
    const removed = await tx.samplePlanItem.updateMany({
      where: { planId: plan.id, addedBy: "draw", removedAt: null, review: { is: null } },
      data: { removedAt: new Date() },
    });
    await tx.samplePlan.update({ where: { id: plan.id }, data: { seed } });
    const kept = await tx.samplePlanItem.findMany({ where: { planId: plan.id, removedAt: null }, select: { enrolmentId: true } });
    const drawScope = {
      planId: plan.id,
      centreId: plan.centreId,
      iqaId: plan.iqaId,
      periodStart: plan.periodStart,
      periodEnd: plan.periodEnd,
      unitCode: plan.unitCode,
      seed,
    };
    const items = await storeDraw(tx, drawScope, new Set(kept.map((k) => k.enrolmentId)));
    await appendAudit(
      tx,
      { kind: "quality.plan_redrawn", actorId: actor.userId, data: { planId: plan.id, seed, removed: removed.count, items } },
      { centreId: plan.centreId, subject: `sample-plan:${plan.id}` },
    );
  });
}
