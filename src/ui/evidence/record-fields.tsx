import type { AssessorRecord, RecordKind } from "@/lib/portfolio/records";
import { DateField, RadioGroup, TextAreaField, TextField } from "@/ui/kit";
import { QuestionList } from "./question-list";

/** The fields of an assessor's record, for writing it and for changing its draft. */
export function RecordFields({ kind, d, title, date }: { kind: RecordKind; d?: AssessorRecord; title?: string; date?: string }) {
  return (
    <>
      <input type="hidden" name="kind" value={kind} />
      <TextField name="title" label="Title" required defaultValue={title} />
      <DateField id="activityFrom" name="activityFrom" legend="Date" defaultValue={date} />
      {kind === "OBSERVATION" && (
        <>
          <TextField name="place" label="Where" required defaultValue={d?.kind === "OBSERVATION" ? d.place : undefined} />
          <TextAreaField name="observed" label="What was observed" rows={3} required defaultValue={d?.kind === "OBSERVATION" ? d.observed : undefined} />
          <TextAreaField name="narrative" label="Narrative" rows={6} required defaultValue={d?.kind === "OBSERVATION" ? d.narrative : undefined} />
        </>
      )}
      {kind === "QUESTIONING" && (
        <>
          <RadioGroup
            id="mode"
            name="mode"
            legend="How the questions were asked"
            required
            defaultValue={d?.kind === "QUESTIONING" ? d.mode : undefined}
            options={[
              { id: "mode-oral", value: "ORAL", label: "Oral (upload the recording next)" },
              { id: "mode-written", value: "WRITTEN", label: "Written" },
            ]}
          />
          <QuestionList initial={d?.kind === "QUESTIONING" ? d.items : []} />
        </>
      )}
      {kind === "PROFESSIONAL_DISCUSSION" && (
        <>
          <TextAreaField name="topics" label="Topics" rows={3} required defaultValue={d?.kind === "PROFESSIONAL_DISCUSSION" ? d.topics : undefined} />
          <TextAreaField name="summary" label="Summary" rows={6} required defaultValue={d?.kind === "PROFESSIONAL_DISCUSSION" ? d.summary : undefined} />
        </>
      )}
    </>
  );
}
