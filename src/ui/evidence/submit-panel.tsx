import Link from "next/link";
import type { ActionState } from "@/lib/action-state";
import { ActionForm } from "@/ui/action-form";
import { Choice, Notice, TextField } from "@/ui/kit";

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
        <Notice key={u.enrolmentId}>
          <strong>Not yet possible for {u.unit.displayCode}:</strong> it needs an assessment plan agreed by you and your assessor before you submit evidence for
          it. <Link href={`/enrolments/${u.enrolmentId}/plan`}>Go to the {u.unit.displayCode} assessment plan</Link>.
        </Notice>
      ))}
      <ActionForm
        action={action}
        submitLabel={countersign ? "Countersign record" : "Submit for assessment"}
        pendingLabel="Submitting…"
        done="Submitted for assessment."
      >
        <input type="hidden" name="evidenceId" value={evidenceId} />
        {countersign && (
          <>
            <p>Your assessor wrote this record. Read it; by countersigning you confirm it is an accurate account of what happened.</p>
            <TextField id="cs-record-name" name="typedName" label="Type your full name to countersign" autoComplete="name" required />
          </>
        )}
        <Choice
          id="ownWork"
          name="ownWork"
          type="checkbox"
          errorName="ownWork"
          required
          label={countersign ? "I declare that the work recorded here is my own." : "I declare that this is my own work."}
        />
        <Choice
          id="workplace"
          name="workplace"
          type="checkbox"
          errorName="workplace"
          label="I declare that this evidence comes from real work in my workplace, not a simulation."
          hint={
            noSimulation.length
              ? `Required: ${noSimulation.map((u) => u.unit.displayCode).join(" and ")} does not allow simulation.`
              : "Tick this if it is true; none of the units this item is mapped to requires it."
          }
          className="mb-5"
        />
      </ActionForm>
    </section>
  );
}
