"use client";
import { decisionControl, decisionsFormId } from "@/lib/assessment/decision-form";
import { CompactChoices } from "@/ui/kit/compact-choices";
import { Field } from "@/ui/kit/field";
import { LiveRevision } from "./review-live";

/** An item the decision may rely on: its current version, ticked unless the assessor rejected its claim. */
export type RelyOption = { versionId: string; label: string; checked: boolean };

/**
 * The decision on one criterion: controls of the signing form at the end of the page (their `form`
 * attribute). Rendered here from a few values rather than sent as markup, as every criterion has one.
 */
export function DecisionControls({ criterionId, code, options, hint }: { criterionId: string; code: string; options: RelyOption[]; hint?: string }) {
  const form = decisionsFormId;
  const feedback = decisionControl.feedback(criterionId);
  return (
    <div data-part="decision">
      <input type="hidden" form={form} name="criterionId" value={criterionId} />
      <LiveRevision criterionId={criterionId} />
      <CompactChoices
        type="radio"
        form={form}
        name={decisionControl.outcome(criterionId)}
        legend={`Decision on ${code}`}
        options={[
          { id: `met-${code}`, value: "MET", label: "Met" },
          { id: `nym-${code}`, value: "NOT_YET_MET", label: "Not yet met" },
        ]}
      />
      {options.length > 0 && (
        <CompactChoices
          type="checkbox"
          form={form}
          name={decisionControl.evidence(criterionId)}
          legend="Evidence relied on"
          hint={hint}
          options={options.map((o, i) => ({ id: `ev-${code}-${i}`, value: o.versionId, label: o.label, defaultChecked: o.checked }))}
        />
      )}
      {/* The base textarea style, not TextAreaField's classes: one of these per criterion, and the page must stay small. */}
      <Field id={`fb-${code}`} name={feedback} label="Feedback (required for Not yet met)">
        {(control) => <textarea {...control} form={form} name={feedback} rows={3} />}
      </Field>
    </div>
  );
}
