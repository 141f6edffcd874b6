import type { AssessorRecord, RecordKind } from "@/lib/portfolio/records";
import { QuestionList } from "./question-list";
import { FieldError } from "../field-error";
import { DateField } from "../kit/date-field";

/** The fields of an assessor's record, for writing it and for changing its draft. */
export function RecordFields({ kind, d, title, date }: { kind: RecordKind; d?: AssessorRecord; title?: string; date?: string }) {
  return (
    <>
      <input type="hidden" name="kind" value={kind} />
      <div className="field">
        <label htmlFor="title">Title</label>
        <FieldError name="title" />
        <input id="title" name="title" type="text" required defaultValue={title} />
      </div>
      <DateField id="activityFrom" name="activityFrom" legend="Date" defaultValue={date} />
      {kind === "OBSERVATION" && (
        <>
          <div className="field">
            <label htmlFor="place">Where</label>
            <FieldError name="place" />
            <input id="place" name="place" type="text" required defaultValue={d?.kind === "OBSERVATION" ? d.place : undefined} />
          </div>
          <div className="field">
            <label htmlFor="observed">What was observed</label>
            <FieldError name="observed" />
            <textarea id="observed" name="observed" rows={3} required defaultValue={d?.kind === "OBSERVATION" ? d.observed : undefined} />
          </div>
          <div className="field">
            <label htmlFor="narrative">Narrative</label>
            <FieldError name="narrative" />
            <textarea id="narrative" name="narrative" rows={6} required defaultValue={d?.kind === "OBSERVATION" ? d.narrative : undefined} />
          </div>
        </>
      )}
      {kind === "QUESTIONING" && (
        <>
          <fieldset>
            <legend>How the questions were asked</legend>
            <FieldError name="mode" />
            <div className="choice">
              <input id="mode-oral" type="radio" name="mode" value="ORAL" required defaultChecked={d?.kind === "QUESTIONING" && d.mode === "ORAL"} />
              <label htmlFor="mode-oral">Oral (upload the recording next)</label>
            </div>
            <div className="choice">
              <input id="mode-written" type="radio" name="mode" value="WRITTEN" defaultChecked={d?.kind === "QUESTIONING" && d.mode === "WRITTEN"} />
              <label htmlFor="mode-written">Written</label>
            </div>
          </fieldset>
          <QuestionList initial={d?.kind === "QUESTIONING" ? d.items : []} />
        </>
      )}
      {kind === "PROFESSIONAL_DISCUSSION" && (
        <>
          <div className="field">
            <label htmlFor="topics">Topics</label>
            <FieldError name="topics" />
            <textarea id="topics" name="topics" rows={3} required defaultValue={d?.kind === "PROFESSIONAL_DISCUSSION" ? d.topics : undefined} />
          </div>
          <div className="field">
            <label htmlFor="summary">Summary</label>
            <FieldError name="summary" />
            <textarea id="summary" name="summary" rows={6} required defaultValue={d?.kind === "PROFESSIONAL_DISCUSSION" ? d.summary : undefined} />
          </div>
        </>
      )}
    </>
  );
}
