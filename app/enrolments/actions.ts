"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { type ActionState, formObject, runAction } from "@/server/actions";
import { withFieldNames } from "@/server/errors";
import { currentActor } from "@/server/auth/current";
import { db } from "@/server/db/client";
import { reviewClaim } from "@/server/assessment/claims";
import { decideCriterion } from "@/server/assessment/decide";
import { countersignUnit, signOffUnit } from "@/server/assessment/sign-off";
import { savePlan, signPlan } from "@/server/portfolio/plan";

export async function savePlanAction(_: ActionState, form: FormData) {
  return runAction(async () => {
    const id = form.get("enrolmentId");
    const items = z.string().max(200_000).transform((s, ctx) => {
      try {
        return JSON.parse(s) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "The plan could not be read; try again." });
        return z.NEVER;
      }
    }).safeParse(form.get("items"));
    await savePlan(db(), await currentActor(), id, { items: items.success ? items.data : null });
    revalidatePath(`/enrolments/${id}/plan`);
  });
}

export async function signPlanAction(_: ActionState, form: FormData) {
  return runAction(async () => {
    const id = form.get("enrolmentId");
    await signPlan(db(), await currentActor(), id, formObject(form));
    revalidatePath(`/enrolments/${id}/plan`);
  });
}

export async function decideAction(_: ActionState, form: FormData) {
  return runAction(async () => {
    const id = form.get("enrolmentId");
    const input = { ...formObject(form), evidenceVersionIds: form.getAll("evidenceVersionId").map(String), password: form.get("password") || undefined };
    const actor = await currentActor();
    await withFieldNames((path) => path.replace(/^evidenceVersionIds(\.\d+)?$/, "evidenceVersionId"), () => decideCriterion(db(), actor, id, input));
    revalidatePath(`/enrolments/${id}/review`);
  });
}

export async function reviewClaimAction(_: ActionState, form: FormData) {
  return runAction(async () => {
    const id = form.get("enrolmentId");
    await reviewClaim(db(), await currentActor(), id, formObject(form));
    revalidatePath(`/enrolments/${id}/review`);
  });
}

export async function signOffUnitAction(_: ActionState, form: FormData) {
  return runAction(async () => {
    const id = form.get("enrolmentId");
    await signOffUnit(db(), await currentActor(), id, { ...formObject(form), password: form.get("password") || undefined });
    revalidatePath(`/enrolments/${id}/review`);
  });
}

export async function countersignUnitAction(_: ActionState, form: FormData) {
  return runAction(async () => {
    const id = form.get("enrolmentId");
    await countersignUnit(db(), await currentActor(), id, formObject(form));
    revalidatePath(`/enrolments/${id}/progress`);
  });
}
