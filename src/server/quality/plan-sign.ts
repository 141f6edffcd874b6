import { createHash } from "node:crypto";
import { z } from "zod";
import { canonicalJson } from "@/lib/canonical-json";
import { anyText, id, text } from "@/lib/input";
import { confirmSigner } from "@/server/assessment/identity";
import { appendAudit } from "@/server/audit/append";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db/client";
import { UserFacingError, parseInput } from "@/server/errors";
import { assertOwnDraft, readablePlan } from "./plan-access";

// Signing a sample plan: the IQA's typed name and a fresh proof of identity, as for an assessor's
// decision; the hash covers the plan and its live items, so what was signed can be checked later.

export const signPlanInput = z.object({
  planId: id("Choose a plan"),
  typedName: text(200, "Type your full name to sign"),
  password: anyText(1024, "Enter your password").optional(),
});

type HashedItem = { id: string; enrolmentId: string; stage: string; method: string | null; criterionIds: string[]; reasons: string[]; addedBy: string };

/** SHA-256 over the plan's canonical JSON: its period, unit, seed and live items (by id). */
export function planContentHash(
  plan: { id: string; periodStart: Date; periodEnd: Date; unitCode: string; seed: number; typedName: string },
  items: HashedItem[],
) {
  const sorted = [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const body = {
    planId: plan.id,
    periodStart: plan.periodStart.toISOString().slice(0, 10),
    periodEnd: plan.periodEnd.toISOString().slice(0, 10),
    unitCode: plan.unitCode,
    seed: plan.seed,
    typedName: plan.typedName,
    items: sorted.map((i) => ({ ...i, criterionIds: [...i.criterionIds].sort() })),
  };
  return createHash("sha256").update(canonicalJson(body)).digest("hex");
}

export async function signPlan(actor: Actor, input: unknown) {
  const data = parseInput(signPlanInput, input);
  const found = await readablePlan(db, actor, data.planId);
  assertOwnDraft(found);
  await confirmSigner(actor, data.typedName, data.password, actor.signedInAt ?? null);
  const { plan } = found;
  return db.$transaction(async (tx) => {
    // Signed first, under the row's lock, so no edit (each takes the same lock) slips in before the hash.
    const signedAt = new Date();
    const signed = await tx.samplePlan.updateMany({
      where: { id: plan.id, iqaId: actor.userId, status: "DRAFT" },
      data: { status: "SIGNED", signedAt, typedName: data.typedName },
    });
    if (signed.count !== 1) throw new UserFacingError("This plan is already signed.");
    const items = await tx.samplePlanItem.findMany({
      where: { planId: plan.id, removedAt: null },
      select: { id: true, enrolmentId: true, stage: true, method: true, criterionIds: true, reasons: true, addedBy: true },
    });
    if (items.length === 0) throw new UserFacingError("The plan has no items to sign: add one or draw again.");
    const contentHash = planContentHash({ ...plan, typedName: data.typedName }, items);
    await tx.samplePlan.update({ where: { id: plan.id }, data: { contentHash } });
    await appendAudit(
      tx,
      { kind: "quality.plan_signed", actorId: actor.userId, data: { planId: plan.id, contentHash, items: items.length } },
      { centreId: plan.centreId, subject: `sample-plan:${plan.id}` },
    );
    return { contentHash };
  });
}
