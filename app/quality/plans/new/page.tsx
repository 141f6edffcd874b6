import type { Metadata } from "next";
import Link from "next/link";
import { isoDay } from "@/lib/format";
import { orNotFound, requireActor } from "@/server/edge/page";
import { newPlanForm } from "@/server/quality/plans";
import { ActionForm } from "@/ui/action-form";
import { DateField, SelectField, TextField } from "@/ui/kit";
import { createSamplePlanAction } from "../actions";

export const metadata: Metadata = { title: "Draw a sample plan" };

export default async function NewPlanPage({ searchParams }: { searchParams: Promise<{ centre?: string }> }) {
  const actor = await requireActor("/quality/plans/new");
  const form = await orNotFound(newPlanForm(actor, (await searchParams).centre));
  const today = new Date();
  const start = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 2, 1));
  return (
    <>
      <p>
        <Link href="/quality/plans">Back to sample plans</Link>
      </p>
      <h1>Draw a sample plan</h1>
      <p>
        Attest proposes a sample of the decisions made in the period by the assessors whose learners you quality assure: enough of each assessor&apos;s learners
        and units for their risk rating, split between interim and summative, then whatever fills a gap in coverage. You can then remove or add items, and sign
        the plan.
      </p>
      <ActionForm action={createSamplePlanAction} submitLabel="Draw the plan" pendingLabel="Drawing…" className="max-w-2xl">
        <input type="hidden" name="centreId" value={form.centreId} />
        <TextField name="title" label="Title" hint="For example, Autumn term interim sample" required />
        <DateField id="periodStart" name="periodStart" legend="First day of the period" defaultValue={isoDay(start)} />
        <DateField id="periodEnd" name="periodEnd" legend="Last day of the period" defaultValue={isoDay(today)} />
        <SelectField name="unitCode" label="Unit" defaultValue="">
          <option value="">Every unit</option>
          {form.units.map((u) => (
            <option key={u.code} value={u.code}>
              {u.displayCode}
            </option>
          ))}
        </SelectField>
      </ActionForm>
    </>
  );
}
