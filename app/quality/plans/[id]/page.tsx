import type { Metadata } from "next";
import Link from "next/link";
import { formatDate, formatDateTime } from "@/lib/format";
import { methodLabels } from "@/lib/portfolio/schemas";
import { assessmentMethods } from "@/lib/standards/unit-file";
import { orNotFound, requireActor } from "@/server/edge/page";
import { planDetail } from "@/server/quality/plan-read";
import { ActionForm } from "@/ui/action-form";
import { Disclosure, Facts, Notice, SelectField, TextField } from "@/ui/kit";
import { CoverageMatrix } from "@/ui/quality/coverage-matrix";
import { PlanItems } from "@/ui/quality/plan-items";
import { PlanStatus } from "@/ui/quality/plan-status";
import { addSampleItemAction, redrawSamplePlanAction, removeSampleItemAction, signSamplePlanAction } from "../actions";

export const metadata: Metadata = { title: "Sample plan" };

const sourceWords = { unit: "the unit's own strategy", centre: "the centre's strategy", default: "Attest's default strategy (the centre has not set one)" };

export default async function PlanPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/quality/plans/${id}`);
  const { plan, editable, items, coverage, strategy, addable } = await orNotFound(planDetail(actor, id));
  const live = items.filter((i) => !i.removedAt);
  const removed = items.filter((i) => i.removedAt);
  return (
    <>
      <p className="flex flex-wrap gap-x-4">
        <Link href="/quality/plans">Back to sample plans</Link>
        <Link href="/quality">Quality assurance</Link>
        <Link href={`/quality/reports/plans/${plan.id}`}>Report for a verifier</Link>
      </p>
      <h1 className="wrap-break-word">{plan.title}</h1>
      <Facts>
        <dt>Status</dt>
        <dd>
          <PlanStatus status={plan.status} />
        </dd>
        <dt>Period</dt>
        <dd>
          {formatDate(plan.periodStart)} to {formatDate(plan.periodEnd)}
        </dd>
        <dt>Unit</dt>
        <dd>{plan.unitCode || "Every unit"}</dd>
        <dt>IQA</dt>
        <dd>{plan.iqaName}</dd>
        <dt>Strategy</dt>
        <dd>
          {sourceWords[strategy.source]}: {strategy.interimPercent}% interim; methods to cover:{" "}
          {strategy.methods.map((m) => methodLabels[m].toLowerCase()).join(", ") || "none named"}
        </dd>
        <dt>Draw</dt>
        <dd>Seed {plan.seed} (the same seed draws the same plan from the same work)</dd>
        {plan.signedAt && (
          <>
            <dt>Signed</dt>
            <dd>
              By {plan.typedName} on {formatDateTime(plan.signedAt)}
            </dd>
            <dt>Content hash</dt>
            <dd className="font-mono break-all">{plan.contentHash}</dd>
          </>
        )}
      </Facts>
      {plan.status === "SIGNED" && <Notice tone="success">This plan is signed and can no longer be changed.</Notice>}
      {editable && (
        <ActionForm action={redrawSamplePlanAction} submitLabel="Draw again with a new seed" pendingLabel="Drawing…" secondary aria-label="Draw again">
          <p>Drawing again replaces the items Attest drew; the items you added stay.</p>
          <input type="hidden" name="planId" value={plan.id} />
        </ActionForm>
      )}

      <section aria-labelledby="items-heading">
        <h2 id="items-heading">Items ({live.length})</h2>
        <PlanItems planId={plan.id} items={live} remove={editable ? removeSampleItemAction : undefined} />
        {removed.length > 0 && (
          <Disclosure summary={`Removed items (${removed.length})`}>
            <ul>
              {removed.map((i) => (
                <li key={i.id}>
                  {i.enrolment.learner.name}, {i.enrolment.unit.displayCode} ({i.stage === "INTERIM" ? "interim" : "summative"}), removed{" "}
                  {formatDateTime(i.removedAt as Date)}
                </li>
              ))}
            </ul>
          </Disclosure>
        )}
      </section>

      {editable && (
        <section aria-labelledby="add-heading">
          <h2 id="add-heading">Add an item</h2>
          <ActionForm action={addSampleItemAction} submitLabel="Add to the plan" pendingLabel="Adding…" resetOnSuccess className="max-w-2xl">
            <input type="hidden" name="planId" value={plan.id} />
            <SelectField name="enrolmentId" label="Learner and unit" defaultValue="" required>
              <option value="">Choose a learner and unit</option>
              {addable.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.label}
                </option>
              ))}
            </SelectField>
            <SelectField name="stage" label="Stage" defaultValue="INTERIM">
              <option value="INTERIM">Interim (in progress)</option>
              <option value="SUMMATIVE">Summative (signed off)</option>
            </SelectField>
            <SelectField name="method" label="Method to look at (optional)" defaultValue="">
              <option value="">Any method</option>
              {assessmentMethods.map((m) => (
                <option key={m} value={m}>
                  {methodLabels[m]}
                </option>
              ))}
            </SelectField>
            <TextField name="note" label="Why you are adding it" required />
          </ActionForm>
        </section>
      )}

      <section aria-labelledby="coverage-heading">
        <h2 id="coverage-heading">Coverage</h2>
        <CoverageMatrix coverage={coverage} />
      </section>

      {editable && (
        <section aria-labelledby="sign-heading">
          <h2 id="sign-heading">Sign the plan</h2>
          <p>Once signed, the plan cannot be changed. Your signature covers the {live.length} items above.</p>
          <ActionForm action={signSamplePlanAction} submitLabel="Sign the plan" pendingLabel="Signing…" className="max-w-2xl">
            <input type="hidden" name="planId" value={plan.id} />
            <TextField id="plan-name" name="typedName" label="Your full name, to sign" autoComplete="name" required />
            <TextField
              id="plan-pw"
              name="password"
              type="password"
              label="Your password"
              hint="Not needed if you signed in within the last few minutes."
              autoComplete="current-password"
            />
          </ActionForm>
        </section>
      )}
    </>
  );
}
