"use server";
import { revalidatePath } from "next/cache";
import { type ActionState, formObject, runAction } from "@/server/actions";
import { currentActor } from "@/server/auth/current";
import { db } from "@/server/db/client";
import { addComment } from "@/server/portfolio/comments";
import { createEvidence, deleteEvidence, startRevision, updateEvidence } from "@/server/portfolio/evidence";
import { removeFile } from "@/server/portfolio/files";
import { setMapping } from "@/server/portfolio/mapping";
import { submitEvidence, withdrawEvidence } from "@/server/portfolio/submission";
import { requestWitnessTestimony } from "@/server/portfolio/witness";
import { createAssessorRecord, sendForCountersign, updateAssessorRecord } from "@/server/portfolio/records";
import { parseOffset } from "@/lib/portfolio/records";

// Thin wrappers: each resolves the actor and calls one function of src/server/portfolio, which checks the policy.

export async function addEvidenceAction(_: ActionState, form: FormData) {
  return runAction(async () => `/evidence/${(await createEvidence(db(), await currentActor(), formObject(form))).id}`);
}

export async function updateEvidenceAction(_: ActionState, form: FormData) {
  return runAction(async () => {
    const id = form.get("evidenceId");
    await updateEvidence(db(), await currentActor(), id, formObject(form));
    revalidatePath(`/evidence/${id}`);
  });
}

export async function startRevisionAction(_: ActionState, form: FormData) {
  return runAction(async () => {
    const id = form.get("evidenceId");
    await startRevision(db(), await currentActor(), id);
    return `/evidence/${id}`;
  });
}

export async function deleteEvidenceAction(_: ActionState, form: FormData) {
  return runAction(async () => {
    await deleteEvidence(db(), await currentActor(), form.get("evidenceId"));
    return "/evidence";
  });
}

export async function submitEvidenceAction(_: ActionState, form: FormData) {
  return runAction(async () => {
    const id = form.get("evidenceId");
    await submitEvidence(db(), await currentActor(), id, formObject(form));
    revalidatePath(`/evidence/${id}`);
  });
}

export async function withdrawEvidenceAction(_: ActionState, form: FormData) {
  return runAction(async () => {
    const id = form.get("evidenceId");
    await withdrawEvidence(db(), await currentActor(), id);
    revalidatePath(`/evidence/${id}`);
  });
}

export async function setMappingAction(_: ActionState, form: FormData) {
  return runAction(async () => {
    const id = form.get("evidenceId");
    const criterionIds = form.getAll("criterion").map(String);
    const links = criterionIds.map((criterionId) => ({ criterionId, note: String(form.get(`note-${criterionId}`) ?? ""), atSeconds: parseOffset(String(form.get(`at-${criterionId}`) ?? "")) }));
    await setMapping(db(), await currentActor(), id, { links, scopeOptionIds: form.getAll("scopeOption").map(String) });
    revalidatePath(`/evidence/${id}`);
  });
}

export async function removeFileAction(_: ActionState, form: FormData) {
  return runAction(async () => {
    await removeFile(db(), await currentActor(), form.get("fileId"));
    revalidatePath(`/evidence/${form.get("evidenceId")}`);
  });
}

export async function addCommentAction(_: ActionState, form: FormData) {
  return runAction(async () => {
    const id = form.get("evidenceId");
    await addComment(db(), await currentActor(), id, formObject(form));
    revalidatePath(`/evidence/${id}`);
  });
}

export async function requestWitnessAction(_: ActionState, form: FormData) {
  return runAction(async () => {
    const id = form.get("evidenceId");
    await requestWitnessTestimony(db(), await currentActor(), id, formObject(form));
    revalidatePath(`/evidence/${id}`);
  });
}

function recordFromForm(form: FormData) {
  const kind = String(form.get("kind"));
  const questions = form.getAll("question").map(String);
  const answers = form.getAll("answer").map(String);
  const record =
    kind === "OBSERVATION"
      ? { kind, place: form.get("place"), observed: form.get("observed"), narrative: form.get("narrative") }
      : kind === "QUESTIONING"
        ? { kind, mode: form.get("mode"), items: questions.map((question, i) => ({ question, answer: answers[i] ?? "" })).filter((q) => q.question.trim() || q.answer.trim()) }
        : { kind, topics: form.get("topics"), summary: form.get("summary") };
  return { title: form.get("title"), activityFrom: form.get("activityFrom"), record };
}

export async function createRecordAction(_: ActionState, form: FormData) {
  return runAction(async () => `/evidence/${(await createAssessorRecord(db(), await currentActor(), form.get("learnerId"), recordFromForm(form))).id}`);
}

export async function updateRecordAction(_: ActionState, form: FormData) {
  return runAction(async () => {
    const id = form.get("evidenceId");
    await updateAssessorRecord(db(), await currentActor(), id, recordFromForm(form));
    revalidatePath(`/evidence/${id}`);
  });
}

export async function sendForCountersignAction(_: ActionState, form: FormData) {
  return runAction(async () => {
    const id = form.get("evidenceId");
    await sendForCountersign(db(), await currentActor(), id);
    revalidatePath(`/evidence/${id}`);
  });
}
