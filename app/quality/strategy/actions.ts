"use server";
import { formAction } from "@/server/edge/action";
import { saveStrategy, strategyInput, strategyTarget, removeUnitStrategy } from "@/server/quality/strategy-write";

// The sampling strategy page; src/server/quality/strategy-write checks the policy.

const page = (form: FormData) => (form.get("centreId") ? `/quality/strategy?centre=${String(form.get("centreId"))}` : "/quality/strategy");

export const saveStrategyAction = formAction({ input: strategyInput, run: (actor, input) => saveStrategy(actor, input), refresh: () => "/quality/strategy" });

export const removeUnitStrategyAction = formAction({
  input: strategyTarget,
  run: (actor, input) => removeUnitStrategy(actor, input),
  refresh: () => "/quality/strategy",
  next: (_, form) => page(form),
});
