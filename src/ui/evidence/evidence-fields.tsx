import { Choice, DateField, Fieldset, RadioGroup, SelectField, TextAreaField, TextField } from "@/ui/kit";
import { MethodOptions } from "@/ui/method-options";

export type EvidenceDefaults = {
  title?: string;
  account?: string;
  method?: string;
  activityFrom?: string;
  activityTo?: string;
  kind?: "FILES" | "IN_PLACE";
  location?: string;
  holder?: string;
  confidential?: boolean;
  relevance?: string;
};

/** The fields of an evidence item, shared by "Add evidence" and editing a draft. */
export function EvidenceFields({ d = {}, methods }: { d?: EvidenceDefaults; methods: string[] }) {
  return (
    <>
      <TextField name="title" label="Title" required maxLength={200} defaultValue={d.title} />
      <TextAreaField
        name="account"
        label="What you did and how it shows your competence"
        hint="Describe the activity in your own words: what you did, why, and what it shows."
        rows={6}
        required
        defaultValue={d.account}
      />
      <SelectField name="method" label="Method" required defaultValue={d.method ?? ""}>
        <option value="" disabled>
          Choose how this evidence was produced
        </option>
        <MethodOptions methods={methods} />
      </SelectField>
      <DateField
        id="activityFrom"
        name="activityFrom"
        legend="When the activity took place"
        hint="If it ran over several days, give the first day. For example, 27 3 2026"
        defaultValue={d.activityFrom}
      />
      <DateField id="activityTo" name="activityTo" legend="Last day, if it ran over several days" hint="For example, 28 3 2026" defaultValue={d.activityTo} />
      <RadioGroup
        id="kind"
        name="kind"
        legend="Where the evidence is"
        defaultValue={d.kind ?? "FILES"}
        options={[
          { id: "kind-files", value: "FILES", label: "I will upload files" },
          {
            id: "kind-in-place",
            value: "IN_PLACE",
            label: "It stays where it is normally kept",
            hint: "Evidence may stay where it is normally stored if you record where it is, who holds it and why it is relevant. It must be available for assessment and verification.",
          },
        ]}
      />
      <Fieldset id="in-place" legend="If it stays where it is normally kept" boxed>
        <TextField name="location" label="Where it is held" maxLength={500} defaultValue={d.location} />
        <TextField name="holder" label="Who holds it" maxLength={200} defaultValue={d.holder} />
        <Choice id="confidential" name="confidential" type="checkbox" label="It is confidential" defaultChecked={d.confidential} className="mb-5" />
        <TextAreaField name="relevance" label="Why it is relevant" rows={3} defaultValue={d.relevance} />
      </Fieldset>
    </>
  );
}
