"use client";
import { useRef, useState } from "react";
import type { ActionState } from "@/lib/action-state";
import { methodLabels } from "@/lib/portfolio/schemas";
import { type RiskLevelName, riskLevels } from "@/lib/quality/strategy";
import { assessmentMethods } from "@/lib/standards/unit-file";
import { ActionForm } from "@/ui/action-form";
import { Button, Choice, DateField, Fieldset, RadioGroup, SelectField, TextAreaField } from "@/ui/kit";
import { RiskLevel } from "./risk-level";
import { riskWords } from "./strategy-words";

type Suggestion = { level: RiskLevelName; reasons: string[] };
type Props = {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  centreId: string;
  assessorId: string;
  assessorName: string;
  units: string[];
  suggestion: Suggestion;
  /** The review date "Use this" fills in ("YYYY-MM-DD"). */
  suggestedReview: string;
  /** Start with the suggestion filled in (the list's "Use this" link). */
  useSuggestion: boolean;
  canRate: boolean;
};

const reasonOf = (s: Suggestion) => `${s.reasons.join(". ")}.`;

/**
 * Attest's suggestion beside the form to rate: "Use this" fills the form with the suggested level,
 * its reasons and a review date; the IQA may change anything and decides by saving. Nothing is
 * applied by itself.
 */
export function RiskRateForm({ action, centreId, assessorId, assessorName, units, suggestion, suggestedReview, useSuggestion, canRate }: Props) {
  const [filled, setFilled] = useState(useSuggestion);
  const [version, setVersion] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  const use = () => {
    setFilled(true);
    setVersion((v) => v + 1);
    heading.current?.focus();
  };
  return (
    <>
      <section aria-labelledby="suggestion" className="my-4 rounded-md border border-line bg-panel p-4">
        <h2 id="suggestion" className="mt-0 text-xl">
          Attest suggests: <RiskLevel level={suggestion.level} />
        </h2>
        <p className="mb-1">Why:</p>
        <ul className="mt-0">
          {suggestion.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
        <p className="text-muted">A suggestion only: it changes nothing until an IQA saves a rating.</p>
        {canRate && (
          <Button type="button" variant="secondary" onClick={use}>
            Use this
          </Button>
        )}
      </section>
      {canRate && (
        <section aria-labelledby="rate" className="my-4">
          <h2 id="rate" ref={heading} tabIndex={-1}>
            Rate {assessorName}
          </h2>
          {filled && <p>The form is filled with Attest&apos;s suggestion. Check it, change what you need, and save.</p>}
          <ActionForm key={version} action={action} submitLabel="Save rating" pendingLabel="Saving…" done="Rating saved." resetOnSuccess>
            <input type="hidden" name="centreId" value={centreId} />
            <input type="hidden" name="assessorId" value={assessorId} />
            <RadioGroup
              id="rate-level"
              name="level"
              legend="Risk level"
              options={riskLevels.map((l) => ({ value: l, label: riskWords[l] }))}
              defaultValue={filled ? suggestion.level : undefined}
            />
            <Fieldset id="rate-scope" legend="What the rating covers" errorName="scope">
              <Choice id="rate-scope-overall" type="radio" name="scope" value="overall" label="All their work (overall)" defaultChecked />
              <Choice id="rate-scope-unit" type="radio" name="scope" value="unit" label="One unit">
                <SelectField id="rate-unit" name="unitCode" label="Unit" fieldClassName="mb-0" defaultValue="">
                  <option value="">Choose a unit</option>
                  {units.map((u) => (
                    <option key={u} value={u}>
                      {u}
                    </option>
                  ))}
                </SelectField>
              </Choice>
              <Choice id="rate-scope-method" type="radio" name="scope" value="method" label="One assessment method">
                <SelectField id="rate-method" name="method" label="Method" fieldClassName="mb-0" defaultValue="">
                  <option value="">Choose a method</option>
                  {assessmentMethods.map((m) => (
                    <option key={m} value={m}>
                      {methodLabels[m]}
                    </option>
                  ))}
                </SelectField>
              </Choice>
            </Fieldset>
            <TextAreaField
              id="rate-reason"
              name="reason"
              label="Reason"
              hint="What the rating rests on: samples, actions, experience."
              rows={4}
              defaultValue={filled ? reasonOf(suggestion) : ""}
              required
            />
            <DateField
              id="rate-review"
              name="reviewOn"
              legend="Review the rating by"
              hint="A date in the future, for example 2 3 2027"
              defaultValue={filled ? suggestedReview : undefined}
            />
          </ActionForm>
        </section>
      )}
    </>
  );
}
