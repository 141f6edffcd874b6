"use server";
import { formAction } from "@/server/edge/action";
import { adHocReviewSchema, openReview } from "@/server/quality/reviews-open";
import { recordVerdict, verdictFields } from "@/server/quality/reviews-verdict";

// "Open review" on a sampled item of the IQA's plan: opens it (or finds it open) and goes there.
export const openPlanItemReviewAction = formAction({
  run: (actor, _, form) => openReview(actor, { planItemId: form.get("planItemId") }),
  next: (r) => `/quality/reviews/${r.reviewId}`,
});

// An ad hoc review of an enrolment the actor is IQA of, at the stage chosen.
export const openAdHocReviewAction = formAction({
  input: adHocReviewSchema,
  run: (actor, input) => openReview(actor, { enrolmentId: input.enrolmentId, stage: input.stage }),
  next: (r) => `/quality/reviews/${r.reviewId}`,
});

export const recordVerdictAction = formAction({
  input: verdictFields,
  run: (actor, input, form) => recordVerdict(actor, form.get("reviewId"), input),
  refresh: (form) => `/quality/reviews/${form.get("reviewId")}`,
});
