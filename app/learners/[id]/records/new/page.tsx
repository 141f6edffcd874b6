import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { type RecordKind, recordKinds, recordLabels } from "@/lib/portfolio/records";
import { requireActor } from "@/server/auth/require";
import { db } from "@/server/db/client";
import { ActionForm } from "@/ui/action-form";
import { QuestionList } from "@/ui/evidence/question-list";
import { createRecordAction } from "../../../../evidence/actions";

export const metadata: Metadata = { title: "New assessor record" };

export default async function NewRecordPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ kind?: string }> }) {
  const { id } = await params;
  const kind = (await searchParams).kind as RecordKind;
  const actor = await requireActor(`/learners/${encodeURIComponent(id)}/records/new`);
  if (!recordKinds.includes(kind) || !/^[0-9a-f-]{36}$/i.test(id)) notFound();
  // Only the learner's assessor may write records; the action checks again.
  const enrolment = await db().enrolment.findFirst({ where: { learnerId: id, assessorId: actor.userId }, select: { learner: { select: { name: true } } } });
  if (!enrolment) notFound();
  const today = new Date().toISOString().slice(0, 10);
  return (
    <>
      <h1>
        New {recordLabels[kind]} for {enrolment.learner.name}
      </h1>
      <p className="lead">Write the record, then map it to the criteria it covers, upload any recording, and send it to the learner to countersign.</p>
      <ActionForm action={createRecordAction} submitLabel={`Save the ${recordLabels[kind]}`}>
        <input type="hidden" name="learnerId" value={id} />
        <input type="hidden" name="kind" value={kind} />
        <div className="field">
          <label htmlFor="title">Title</label>
          <input id="title" name="title" type="text" required />
        </div>
        <div className="field">
          <label htmlFor="activityFrom">Date</label>
          <input id="activityFrom" name="activityFrom" type="date" max={today} required />
        </div>
        {kind === "OBSERVATION" && (
          <>
            <div className="field">
              <label htmlFor="place">Where</label>
              <input id="place" name="place" type="text" required />
            </div>
            <div className="field">
              <label htmlFor="observed">What was observed</label>
              <textarea id="observed" name="observed" rows={3} required />
            </div>
            <div className="field">
              <label htmlFor="narrative">Narrative</label>
              <textarea id="narrative" name="narrative" rows={6} required />
            </div>
          </>
        )}
        {kind === "QUESTIONING" && (
          <>
            <fieldset>
              <legend>How the questions were asked</legend>
              <div className="choice">
                <input id="mode-oral" type="radio" name="mode" value="ORAL" required />
                <label htmlFor="mode-oral">Oral (upload the recording next)</label>
              </div>
              <div className="choice">
                <input id="mode-written" type="radio" name="mode" value="WRITTEN" />
                <label htmlFor="mode-written">Written</label>
              </div>
            </fieldset>
            <QuestionList />
          </>
        )}
        {kind === "PROFESSIONAL_DISCUSSION" && (
          <>
            <div className="field">
              <label htmlFor="topics">Topics</label>
              <textarea id="topics" name="topics" rows={3} required />
            </div>
            <div className="field">
              <label htmlFor="summary">Summary</label>
              <textarea id="summary" name="summary" rows={6} required />
            </div>
          </>
        )}
      </ActionForm>
    </>
  );
}
