"use server";
import { evidenceInputSchema, commentSchema, submitSchema } from "@/lib/portfolio/schemas";
import { formAction } from "@/server/edge/action";
import { withFieldNames } from "@/server/errors";
import { addComment } from "@/server/portfolio/comments";
import { createEvidence, deleteEvidence, startRevision, updateEvidence } from "@/server/portfolio/evidence";
import { removeFile } from "@/server/portfolio/files";
import { mappingFromForm, recordFromForm } from "@/server/portfolio/forms";
import { setMapping } from "@/server/portfolio/mapping";
import { createAssessorRecord, sendForCountersign, updateAssessorRecord } from "@/server/portfolio/records";
import { submitEvidence, withdrawEvidence } from "@/server/portfolio/submission";
import { requestWitnessTestimony, witnessRequestSchema } from "@/server/portfolio/witness";

// Each action calls one function of src/server/portfolio, which checks the policy.
const item = (form: FormData) => form.get("evidenceId");
const itemPage = (form: FormData) => `/evidence/${form.get("evidenceId")}`;

export const addEvidenceAction = formAction({
  input: evidenceInputSchema,
  run: (actor, input) => createEvidence(actor, input),
  next: ({ id }) => `/evidence/${id}`,
});

export const updateEvidenceAction = formAction({
  input: evidenceInputSchema,
  run: (actor, input, form) => updateEvidence(actor, item(form), input),
  refresh: itemPage,
});

export const startRevisionAction = formAction({ run: (actor, _, form) => startRevision(actor, item(form)), next: (_, form) => itemPage(form) });

export const deleteEvidenceAction = formAction({ run: (actor, _, form) => deleteEvidence(actor, item(form)), next: () => "/evidence" });

export const submitEvidenceAction = formAction({
  input: submitSchema,
  run: (actor, input, form) => submitEvidence(actor, item(form), input),
  refresh: itemPage,
});

export const withdrawEvidenceAction = formAction({ run: (actor, _, form) => withdrawEvidence(actor, item(form)), refresh: itemPage });

export const setMappingAction = formAction({
  run: (actor, _, form) => {
    const { input, fieldName } = mappingFromForm(form);
    return withFieldNames(fieldName, () => setMapping(actor, item(form), input));
  },
  refresh: itemPage,
});

export const removeFileAction = formAction({ run: (actor, _, form) => removeFile(actor, form.get("fileId")), refresh: itemPage });

export const addCommentAction = formAction({ input: commentSchema, run: (actor, input, form) => addComment(actor, item(form), input), refresh: itemPage });

export const requestWitnessAction = formAction({
  input: witnessRequestSchema,
  run: (actor, input, form) => requestWitnessTestimony(actor, item(form), input),
  refresh: itemPage,
});

export const createRecordAction = formAction({
  run: (actor, _, form) => {
    const { input, fieldName } = recordFromForm(form);
    return withFieldNames(fieldName, () => createAssessorRecord(actor, form.get("learnerId"), input));
  },
  next: ({ id }) => `/evidence/${id}`,
});

export const updateRecordAction = formAction({
  run: (actor, _, form) => {
    const { input, fieldName } = recordFromForm(form);
    return withFieldNames(fieldName, () => updateAssessorRecord(actor, item(form), input));
  },
  refresh: itemPage,
});

export const sendForCountersignAction = formAction({ run: (actor, _, form) => sendForCountersign(actor, item(form)), refresh: itemPage });
