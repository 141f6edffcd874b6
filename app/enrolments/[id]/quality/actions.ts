"use server";
import { formAction } from "@/server/edge/action";
import { reopenCriterion, reopenCriterionSchema } from "@/server/quality/reopen-criterion";
import { unlockSignOff, unlockSignOffSchema } from "@/server/quality/unlock-sign-off";

const page = (form: FormData) => `/enrolments/${form.get("enrolmentId")}/quality`;

export const reopenCriterionAction = formAction({ input: reopenCriterionSchema, run: (actor, input) => reopenCriterion(actor, input), refresh: page });

export const unlockSignOffAction = formAction({ input: unlockSignOffSchema, run: (actor, input) => unlockSignOff(actor, input), refresh: page });
