import type { Metadata } from "next";
import Link from "next/link";
import { isoDay } from "@/lib/format";
import { enrolmentFormOptions } from "@/server/centre/enrolments";
import { orNotFound, requireActor } from "@/server/edge/page";
import { ActionForm } from "@/ui/action-form";
import { DateField, SelectField, TextField } from "@/ui/kit";
import { enrolLearnerAction } from "../actions";

export const metadata: Metadata = { title: "Enrol a learner" };

export default async function EnrolLearnerPage() {
  const actor = await requireActor("/centre/enrolments/new");
  const options = await orNotFound(enrolmentFormOptions(actor));
  return (
    <>
      <p>
        <Link href="/centre/enrolments">Back to enrolments</Link>
      </p>
      <h1>Enrol a learner</h1>
      <p className="text-lg text-muted">{options.centre.name}</p>
      <p>The learner must already have an account in this centre with the learner role. They stay on the unit version chosen here until you move them.</p>
      <ActionForm action={enrolLearnerAction} submitLabel="Enrol learner" pendingLabel="Enrolling…" className="max-w-2xl">
        <input type="hidden" name="centreId" value={options.centre.id} />
        <TextField name="learnerEmail" type="email" label="Learner's email address" autoComplete="off" spellCheck={false} required />
        <SelectField name="unitId" label="Unit" hint="Only published versions that are not retired are listed." defaultValue="" required>
          <option value="">Choose a unit</option>
          {options.units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.displayCode} version {u.version}: {u.title}
            </option>
          ))}
        </SelectField>
        <SelectField name="assessorId" label="Assessor" defaultValue="">
          <option value="">Nobody yet</option>
          {options.assessors.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name} ({a.email})
            </option>
          ))}
        </SelectField>
        <SelectField name="iqaId" label="Internal quality assurer" defaultValue="">
          <option value="">Nobody yet</option>
          {options.iqas.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name} ({a.email})
            </option>
          ))}
        </SelectField>
        <DateField id="startedAt" name="startedAt" legend="Start date" defaultValue={isoDay(new Date())} />
      </ActionForm>
    </>
  );
}
