"use server";
import { formAction } from "@/server/edge/action";
import { addItemInput, addPlanItem, redrawInput, redrawPlan, removeItemInput, removePlanItem } from "@/server/quality/plan-edits";
import { signPlan, signPlanInput } from "@/server/quality/plan-sign";
import { createPlan, createPlanInput } from "@/server/quality/plans";

// Sample plans (issue 12, point 2): src/server/quality checks who may draw, change and sign.

const planPage = (form: FormData) => `/quality/plans/${String(form.get("planId"))}`;

export const createSamplePlanAction = formAction({
  input: createPlanInput,
  run: (actor, input) => createPlan(actor, input),
  next: (plan) => `/quality/plans/${plan.id}`,
});

export const removeSampleItemAction = formAction({ input: removeItemInput, run: (actor, input) => removePlanItem(actor, input), refresh: planPage });

export const addSampleItemAction = formAction({ input: addItemInput, run: (actor, input) => addPlanItem(actor, input), refresh: planPage });

export const redrawSamplePlanAction = formAction({ input: redrawInput, run: (actor, input) => redrawPlan(actor, input), refresh: planPage });

export const signSamplePlanAction = formAction({ input: signPlanInput, run: (actor, input) => signPlan(actor, input), refresh: planPage });
