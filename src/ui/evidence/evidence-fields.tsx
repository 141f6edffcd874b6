import { MethodOptions } from "../method-options";
import { FieldError } from "../field-error";
import { DateField } from "../kit/date-field";

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
      <div className="field">
        <label htmlFor="title">Title</label>
        <FieldError name="title" />
        <input id="title" name="title" type="text" required maxLength={200} defaultValue={d.title} />
      </div>
      <div className="field">
        <label htmlFor="account">What you did and how it shows your competence</label>
        <p className="hint" id="account-hint">
          Describe the activity in your own words: what you did, why, and what it shows.
        </p>
        <FieldError name="account" />
        <textarea id="account" name="account" rows={6} required aria-describedby="account-hint" defaultValue={d.account} />
      </div>
      <div className="field">
        <label htmlFor="method">Method</label>
        <FieldError name="method" />
        <select id="method" name="method" required defaultValue={d.method ?? ""}>
          <option value="" disabled>
            Choose how this evidence was produced
          </option>
          <MethodOptions methods={methods} />
        </select>
      </div>
      <DateField id="activityFrom" name="activityFrom" legend="When the activity took place" hint="If it ran over several days, give the first day. For example, 27 3 2026" defaultValue={d.activityFrom} />
      <DateField id="activityTo" name="activityTo" legend="Last day, if it ran over several days" hint="For example, 28 3 2026" defaultValue={d.activityTo} />
      <fieldset className="field">
        <legend>Where the evidence is</legend>
        <FieldError name="kind" />
        <div className="choice">
          <input id="kind-files" name="kind" type="radio" value="FILES" defaultChecked={(d.kind ?? "FILES") === "FILES"} />
          <label htmlFor="kind-files">I will upload files</label>
        </div>
        <div className="choice">
          <input id="kind-in-place" name="kind" type="radio" value="IN_PLACE" defaultChecked={d.kind === "IN_PLACE"} aria-describedby="in-place-hint" />
          <label htmlFor="kind-in-place">It stays where it is normally kept</label>
        </div>
        <p className="hint" id="in-place-hint">
          Evidence may stay where it is normally stored if you record where it is, who holds it and why it is relevant. It must be available for assessment and verification.
        </p>
      </fieldset>
      <fieldset className="field">
        <legend>If it stays where it is normally kept</legend>
        <div className="field">
          <label htmlFor="location">Where it is held</label>
          <FieldError name="location" />
          <input id="location" name="location" type="text" maxLength={500} defaultValue={d.location} />
        </div>
        <div className="field">
          <label htmlFor="holder">Who holds it</label>
          <FieldError name="holder" />
          <input id="holder" name="holder" type="text" maxLength={200} defaultValue={d.holder} />
        </div>
        <div className="choice">
          <input id="confidential" name="confidential" type="checkbox" defaultChecked={d.confidential} />
          <label htmlFor="confidential">It is confidential</label>
        </div>
        <div className="field">
          <label htmlFor="relevance">Why it is relevant</label>
          <FieldError name="relevance" />
          <textarea id="relevance" name="relevance" rows={3} defaultValue={d.relevance} />
        </div>
      </fieldset>
    </>
  );
}
