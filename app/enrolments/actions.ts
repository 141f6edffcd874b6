"use server";
import { signatureSchema } from "@/lib/portfolio/schemas";
import { claimSchema, reviewClaim } from "@/server/assessment/claims";
import { decideCriteria } from "@/server/assessment/decide";
import { decidedCriteria } from "@/server/assessment/review";
import { decisionsFromForm } from "@/server/assessment/forms";
import { countersignSchema, countersignUnit, signOffSchema, signOffUnit } from "@/server/assessment/sign-off";
import { formAction } from "@/server/edge/action";
import { withFieldNames } from "@/server/errors";
import { planFromForm } from "@/server/portfolio/forms";
import { savePlan, signPlan } from "@/server/portfolio/plan";

const enrolment = (form: FormData) => form.get("enrolmentId");
const page = (name: "plan" | "review" | "progress") => (form: FormData) => `/enrolments/${form.get("enrolmentId")}/${name}`;

export const savePlanAction = formAction({ run: (actor, _, form) => savePlan(actor, enrolment(form), planFromForm(form)), refresh: page("plan") });

export const signPlanAction = formAction({
  input: signatureSchema,
  run: (actor, input, form) => signPlan(actor, enrolment(form), input),
  refresh: page("plan"),
});

// Several criteria decided on the review screen, signed once. It answers with the decided criteria's
// new state only (the screen updates them in place) rather than rendering the page again.
export const decideManyAction = formAction({
  run: async (actor, _, form) => {
    const { input, fieldName } = decisionsFromForm(form);
    await withFieldNames(fieldName, () => decideCriteria(actor, enrolment(form), input));
    return decidedCriteria(
      actor,
      enrolment(form),
      input.decisions.map((d) => d.criterionId),
    );
  },
  reply: (decided) => decided,
});

// Answered on the review screen or on a criterion's own page below it.
export const reviewClaimAction = formAction({
  input: claimSchema,
  run: (actor, input, form) => reviewClaim(actor, enrolment(form), input),
  refresh: (form) => [page("review")(form), "layout"],
});

export const signOffUnitAction = formAction({
  input: signOffSchema,
  run: (actor, input, form) => signOffUnit(actor, enrolment(form), input),
  refresh: page("review"),
});

export const countersignUnitAction = formAction({
  input: countersignSchema,
  run: (actor, input, form) => countersignUnit(actor, enrolment(form), input),
  refresh: page("progress"),
});
