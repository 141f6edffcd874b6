import Link from "next/link";
import type { ActionState } from "@/lib/action-state";
import { ActionForm } from "../action-form";
import { FieldError } from "../field-error";

type Unit = { enrolmentId: string; planAgreed: boolean; unit: { displayCode: string; simulationAllowed: boolean; planRequiredFirst: boolean } };

/** "Submit for assessment", with the declarations the item's units ask for and why it may not be possible yet. */
type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

export function SubmitPanel({ evidenceId, units, action, countersign }: { evidenceId: string; units: Unit[]; action: Action; countersign?: boolean }) {
  const noPlan = units.filter((u) => u.unit.planRequiredFirst && !u.planAgreed);
  const noSimulation = units.filter((u) => !u.unit.simulationAllowed);
  return (
    <section aria-labelledby="submit">
      <h2 id="submit">{countersign ? "Countersign this record" : "Submit for assessment"}</h2>
      {noPlan.map((u) => (
        <p key={u.enrolmentId} className="notice">
          <strong>Not yet possible for {u.unit.displayCode}:</strong> it needs an assessment plan agreed by you and your assessor before you submit evidence for it.{" "}
          <Link href={`/enrolments/${u.enrolmentId}/plan`}>Go to the {u.unit.displayCode} assessment plan</Link>.
        </p>
      ))}
      <ActionForm action={action} submitLabel={countersign ? "Countersign record" : "Submit for assessment"} pendingLabel="Submitting…" done="Submitted for assessment.">
        <input type="hidden" name="evidenceId" value={evidenceId} />
        {countersign && (
          <div className="field">
            <p>Your assessor wrote this record. Read it; by countersigning you confirm it is an accurate account of what happened.</p>
            <label htmlFor="cs-record-name">Type your full name to countersign</label>
            <FieldError name="typedName" />
            <input id="cs-record-name" name="typedName" type="text" autoComplete="name" required />
          </div>
        )}
        <FieldError name="ownWork" />
        <div className="choice">
          <input id="ownWork" name="ownWork" type="checkbox" required />
          <label htmlFor="ownWork">{countersign ? "I declare that the work recorded here is my own." : "I declare that this is my own work."}</label>
        </div>
        <FieldError name="workplace" />
        <div className="choice">
          <input id="workplace" name="workplace" type="checkbox" aria-describedby="workplace-hint" />
          <label htmlFor="workplace">I declare that this evidence comes from real work in my workplace, not a simulation.</label>
        </div>
        <p className="hint" id="workplace-hint">
          {noSimulation.length
            ? `Required: ${noSimulation.map((u) => u.unit.displayCode).join(" and ")} does not allow simulation.`
            : "Tick this if it is true; none of the units this item is mapped to requires it."}
        </p>
      </ActionForm>
    </section>
  );
}
