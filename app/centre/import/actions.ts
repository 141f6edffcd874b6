"use server";
import { applyImport, applyInput, previewImport } from "@/server/centre/import";
import { formAction } from "@/server/edge/action";

// A centre admin's learner import; src/server/centre/import checks the policy.

export const previewImportAction = formAction({
  run: (actor, _, form) => previewImport(actor, { file: form.get("file"), centreId: form.get("centreId") }),
  next: (r) => `/centre/import/${r.id}`,
});

export const applyImportAction = formAction({
  input: applyInput,
  run: (actor, input) => applyImport(actor, input),
  refresh: (form) => `/centre/import/${form.get("importId")}`,
});
