"use server";
import { revalidatePath } from "next/cache";
import { type ActionState, formObject, runAction } from "@/server/actions";
import { addComment } from "@/server/portfolio/comments";
import { createEvidence, deleteEvidence, startRevision, updateEvidence } from "@/server/portfolio/evidence";
import { removeFile } from "@/server/portfolio/files";
import { setMapping } from "@/server/portfolio/mapping";
import { submitEvidence, withdrawEvidence } from "@/server/portfolio/submission";
import { requestWitnessTestimony } from "@/server/portfolio/witness";
import { createAssessorRecord, sendForCountersign, updateAssessorRecord } from "@/server/portfolio/records";
import { parseOffset } from "@/lib/portfolio/records";
import { withFieldNames } from "@/server/errors";

// Thin wrappers: each resolves the actor and calls one function of src/server/portfolio, which checks the policy.

export async function addEvidenceAction(_: ActionState, form: FormData) {
  return runAction(async (actor) => `/evidence/${(await createEvidence(actor, formObject(form))).id}`);
}

export async function updateEvidenceAction(_: ActionState, form: FormData) {
  return runAction(async (actor) => {
    const id = form.get("evidenceId");
    await updateEvidence(actor, id, formObject(form));
    revalidatePath(`/evidence/${id}`);
  });
}

export async function startRevisionAction(_: ActionState, form: FormData) {
  return runAction(async (actor) => {
    const id = form.get("evidenceId");
    await startRevision(actor, id);
    return `/evidence/${id}`;
  });
}

export async function deleteEvidenceAction(_: ActionState, form: FormData) {
  return runAction(async (actor) => {
    await deleteEvidence(actor, form.get("evidenceId"));
    return "/evidence";
  });
}

export async function submitEvidenceAction(_: ActionState, form: FormData) {
  return runAction(async (actor) => {
    const id = form.get("evidenceId");
    await submitEvidence(actor, id, formObject(form));
    revalidatePath(`/evidence/${id}`);
  });
}

export async function withdrawEvidenceAction(_: ActionState, form: FormData) {
  return runAction(async (actor) => {
    const id = form.get("evidenceId");
    await withdrawEvidence(actor, id);
    revalidatePath(`/evidence/${id}`);
  });
}

export async function setMappingAction(_: ActionState, form: FormData) {
  return runAction(async (actor) => {
    const id = form.get("evidenceId");
    const criterionIds = form.getAll("criterion").map(String);
    const links = criterionIds.map((criterionId) => ({ criterionId, note: textOf(form.get(`note-${criterionId}`)), atSeconds: parseOffset(String(form.get(`at-${criterionId}`) ?? "")) }));
    // Messages name the form's controls: links.N.note → note-<criterion>, and so on.
    const rename = (path: string) => {
      const [, n, key] = /^links\.(\d+)\.(\w+)$/.exec(path) ?? [];
      const criterionId = n === undefined ? undefined : criterionIds[Number(n)];
      if (criterionId && key === "note") return `note-${criterionId}`;
      if (criterionId && key === "atSeconds") return `at-${criterionId}`;
      return path.startsWith("scopeOptionIds") ? "scopeOption" : path.startsWith("links") ? "criterion" : path;
    };
    await withFieldNames(rename, () => setMapping(actor, id, { links, scopeOptionIds: form.getAll("scopeOption").map(String) }));
    revalidatePath(`/evidence/${id}`);
  });
}

export async function removeFileAction(_: ActionState, form: FormData) {
  return runAction(async (actor) => {
    await removeFile(actor, form.get("fileId"));
    revalidatePath(`/evidence/${form.get("evidenceId")}`);
  });
}

export async function addCommentAction(_: ActionState, form: FormData) {
  return runAction(async (actor) => {
    const id = form.get("evidenceId");
    await addComment(actor, id, formObject(form));
    revalidatePath(`/evidence/${id}`);
  });
}

export async function requestWitnessAction(_: ActionState, form: FormData) {
  return runAction(async (actor) => {
    const id = form.get("evidenceId");
    await requestWitnessTestimony(actor, id, formObject(form));
    revalidatePath(`/evidence/${id}`);
  });
}

/** A text field's value; a file sent in its place is passed on as it is, for the schema to refuse. */
const textOf = (v: FormDataEntryValue | null): string | File => (v === null ? "" : v);

function recordFromForm(form: FormData) {
  const kind = String(form.get("kind"));
  const questions = form.getAll("question").map(textOf);
  const answers = form.getAll("answer").map(textOf);
  const filled = (v: unknown) => typeof v !== "string" || v.trim() !== "";
  // Pairs left empty are dropped; `kept` maps each kept pair back to its place in the form.
  const kept = questions.map((q, i) => i).filter((i) => filled(questions[i]) || filled(answers[i] ?? ""));
  const record =
    kind === "OBSERVATION"
      ? { kind, place: form.get("place"), observed: form.get("observed"), narrative: form.get("narrative") }
      : kind === "QUESTIONING"
        ? { kind, mode: form.get("mode"), items: kept.map((i) => ({ question: questions[i]!, answer: answers[i] ?? "" })) }
        : { kind, topics: form.get("topics"), summary: form.get("summary") };
  // Messages name the form's controls: record.place → place, record.items.N.question → question.<place in the form>.
  const rename = (path: string) => {
    const [, n, key] = /^record\.items\.(\d+)\.(question|answer)$/.exec(path) ?? [];
    if (key) return `${key}.${kept[Number(n)] ?? 0}`;
    return path.replace(/^record\./, "");
  };
  return { input: { title: form.get("title"), activityFrom: form.get("activityFrom"), record }, rename };
}

export async function createRecordAction(_: ActionState, form: FormData) {
  return runAction(async (actor) => {
    const { input, rename } = recordFromForm(form);
    return `/evidence/${(await withFieldNames(rename, () => createAssessorRecord(actor, form.get("learnerId"), input))).id}`;
  });
}

export async function updateRecordAction(_: ActionState, form: FormData) {
  return runAction(async (actor) => {
    const id = form.get("evidenceId");
    const { input, rename } = recordFromForm(form);
    await withFieldNames(rename, () => updateAssessorRecord(actor, id, input));
    revalidatePath(`/evidence/${id}`);
  });
}

export async function sendForCountersignAction(_: ActionState, form: FormData) {
  return runAction(async (actor) => {
    const id = form.get("evidenceId");
    await sendForCountersign(actor, id);
    revalidatePath(`/evidence/${id}`);
  });
}
