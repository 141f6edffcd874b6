"use server";
import { formAction } from "@/server/edge/action";
import { rateAssessor, ratingInput } from "@/server/quality/risk-rate";

// An assessor's risk page; src/server/quality/risk-rate checks the policy.

export const rateAssessorAction = formAction({
  input: ratingInput,
  run: (actor, input) => rateAssessor(actor, input),
  refresh: (form) => `/quality/assessors/${String(form.get("assessorId"))}`,
});
