"use server";
import { formAction } from "@/server/edge/action";
import {
  addBankHolidays,
  addClosure,
  centreTarget,
  closureInput,
  closureTarget,
  removeClosure,
  settingsInput,
  updateCentreSettings,
} from "@/server/centre/settings";

// The centre admin's settings page; src/server/centre/settings checks the policy.

export const updateCentreSettingsAction = formAction({
  input: settingsInput,
  run: (actor, input) => updateCentreSettings(actor, input),
  refresh: () => "/centre/settings",
});

export const addClosureAction = formAction({ input: closureInput, run: (actor, input) => addClosure(actor, input), refresh: () => "/centre/settings" });

export const removeClosureAction = formAction({ input: closureTarget, run: (actor, input) => removeClosure(actor, input), refresh: () => "/centre/settings" });

export const addBankHolidaysAction = formAction({
  input: centreTarget,
  run: (actor, input) => addBankHolidays(actor, input),
  refresh: () => "/centre/settings",
});
