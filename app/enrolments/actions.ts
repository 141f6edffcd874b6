"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { type ActionState, formObject, runAction } from "@/server/actions";
import { withFieldNames } from "@/server/errors";
import { reviewClaim } from "@/server/assessment/claims";
import { decideCriterion } from "@/server/assessment/decide";
import { countersignUnit, signOffUnit } from "@/server/assessment/sign-off";
import { savePlan, signPlan } from "@/server/portfolio/plan";

export async function savePlanAction(_: ActionState, form: FormData) {
  return runAction(async (actor) => {
    const id = form.get("enrolmentId");
    const items = z.string().max(200_000).transform((s, ctx) => {
      try {
        return JSON.parse(s) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "The plan could not be read; try again." });
        return z.NEVER;
      }
    }).safeParse(form.get("items"));
    await savePlan(actor, id, { items: items.success ? items.data : null });
    revalidatePath(`/enrolments/${id}/plan`);
  });
}

export async function signPlanAction(_: ActionState, form: FormData) {
  return runAction(async (actor) => {
    const id = form.get("enrolmentId");
    await signPlan(actor, id, formObject(form));
    revalidatePath(`/enrolments/${id}/plan`);
  });
}

export async function decideAction(_: ActionState, form: FormData) {
  return runAction(async (actor) => {
    const id = form.get("enrolmentId");
    const input = { ...formObject(form), evidenceVersionIds: form.getAll("evidenceVersionId").map(String), password: form.get("password") || undefined };
    await withFieldNames((path) => path.replace(/^evidenceVersionIds(\.\d+)?$/, "evidenceVersionId"), () => decideCriterion(actor, id, input));
    revalidatePath(`/enrolments/${id}/review`);
  });
}

export async function reviewClaimAction(_: ActionState, form: FormData) {
  return runAction(async (actor) => {
    const id = form.get("enrolmentId");
    await reviewClaim(actor, id, formObject(form));
    revalidatePath(`/enrolments/${id}/review`);
  });
}

export async function signOffUnitAction(_: ActionState, form: FormData) {
  return runAction(async (actor) => {
    const id = form.get("enrolmentId");
    await signOffUnit(actor, id, { ...formObject(form), password: form.get("password") || undefined });
    revalidatePath(`/enrolments/${id}/review`);
  });
}

export async function countersignUnitAction(_: ActionState, form: FormData) {
  return runAction(async (actor) => {
    const id = form.get("enrolmentId");
    await countersignUnit(actor, id, formObject(form));
    revalidatePath(`/enrolments/${id}/progress`);
  });
}
