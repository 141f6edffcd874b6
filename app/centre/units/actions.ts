"use server";
import { formAction } from "@/server/edge/action";
import { publishUnitVersion, retireUnitVersion, unitTarget, uploadUnitDraft } from "@/server/standards/manage";

// A centre admin's unit versions; src/server/standards/manage checks the policy (docs/decisions/0034).

export const uploadUnitAction = formAction({
  run: (actor, _input, form) => uploadUnitDraft(actor, form.get("unitFile")),
  next: (result) => `/centre/units/${result.unitId}`,
});

export const publishUnitAction = formAction({
  input: unitTarget,
  run: (actor, input) => publishUnitVersion(actor, input),
  refresh: (form) => `/centre/units/${String(form.get("unitId"))}`,
});

export const retireUnitAction = formAction({
  input: unitTarget,
  run: (actor, input) => retireUnitVersion(actor, input),
  refresh: (form) => `/centre/units/${String(form.get("unitId"))}`,
});
