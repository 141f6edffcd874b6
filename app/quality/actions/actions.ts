"use server";
import { formAction } from "@/server/edge/action";
import { closeAction, closingSchema, respondToAction, responseSchema } from "@/server/quality/actions-loop";

const page = (form: FormData) => `/quality/actions/${form.get("actionId")}`;

export const respondToActionAction = formAction({
  input: responseSchema,
  run: (actor, input, form) => respondToAction(actor, form.get("actionId"), input),
  refresh: page,
});

export const closeActionAction = formAction({
  input: closingSchema,
  run: (actor, input, form) => closeAction(actor, form.get("actionId"), input),
  refresh: page,
});
