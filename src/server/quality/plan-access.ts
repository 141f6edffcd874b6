import { z } from "zod";
import type { Actor } from "@/server/auth/actor";
import type { Db, Tx } from "@/server/db/client";
import { UserFacingError } from "@/server/errors";
import { NotFoundError, can } from "@/server/policy";

// Who may see and change a sample plan: its own IQA edits and signs it; the centre's other IQAs and
// its admins may read it (read:quality:centre); anyone else is told it is not found.

const planId = z.uuid();

/** The plan, if the actor may read it, and whether they may change it (their own, in a centre where they plan). */
export async function readablePlan(db: Db | Tx, actor: Actor, id: unknown) {
  const parsed = planId.safeParse(id);
  if (!parsed.success) throw new NotFoundError();
  const plan = await db.samplePlan.findUnique({ where: { id: parsed.data }, include: { centre: { select: { name: true } } } });
  if (!plan) throw new NotFoundError();
  const subject = { centreId: plan.centreId };
  const mine = plan.iqaId === actor.userId && can(actor, "plan:sample", subject);
  if (!mine && !can(actor, "read:quality", subject)) throw new NotFoundError();
  return { plan, mine };
}

/** Refuses, clearly, a change to a plan that is not the actor's own draft. */
export function assertOwnDraft(p: { plan: { status: string }; mine: boolean }) {
  if (!p.mine) throw new UserFacingError("Only the IQA who drew this plan can change or sign it.");
  if (p.plan.status !== "DRAFT") throw new UserFacingError("This plan is signed, so it cannot be changed. Draw a new plan instead.");
}

/** Takes the plan's row lock while it is still a draft; a signed plan (or one signed meanwhile) is refused. */
export async function lockDraft(tx: Tx, id: string, iqaId: string) {
  const touched = await tx.samplePlan.updateMany({ where: { id, iqaId, status: "DRAFT" }, data: { updatedAt: new Date() } });
  if (touched.count !== 1) throw new UserFacingError("This plan is signed, so it cannot be changed. Draw a new plan instead.");
}
