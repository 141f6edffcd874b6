import type { Metadata } from "next";
import { formatDate } from "@/lib/format";
import { SETTING_DAYS_MAX, centreSettings } from "@/server/centre/settings";
import { orNotFound, requireActor } from "@/server/edge/page";
import { ActionForm } from "@/ui/action-form";
import { Card, Choice, DataTable, DateField, TextField } from "@/ui/kit";
import { addBankHolidaysAction, addClosureAction, removeClosureAction, updateCentreSettingsAction } from "./actions";

export const metadata: Metadata = { title: "Centre settings" };

type Props = { searchParams: Promise<{ centre?: string }> };

export default async function CentreSettingsPage({ searchParams }: Props) {
  const actor = await requireActor("/centre/settings");
  const { centre, closures } = await orNotFound(centreSettings(actor, (await searchParams).centre));
  const centreField = <input type="hidden" name="centreId" value={centre.id} />;
  return (
    <>
      <h1>Centre settings</h1>
      <p className="text-lg text-muted">{centre.name}. Every change is kept in the audit log with its old and new value.</p>
      <section aria-labelledby="targets" className="my-4">
        <Card>
          <h2 id="targets" className="mt-0">
            Targets and mail
          </h2>
          <ActionForm action={updateCentreSettingsAction} submitLabel="Save settings" pendingLabel="Saving…" done="Settings saved.">
            {centreField}
            <TextField
              name="reviewTargetDays"
              label="Review target in working days"
              hint={`How many working days an assessor has to review submitted work, from 1 to ${SETTING_DAYS_MAX}. Weekends and the non-working days below are not counted.`}
              inputMode="numeric"
              className="w-[6em]"
              defaultValue={String(centre.reviewTargetDays)}
              required
            />
            <TextField
              name="witnessLinkDays"
              label="Witness link lifetime in days"
              hint={`How long a witness's link works after it is sent, from 1 to ${SETTING_DAYS_MAX} days.`}
              inputMode="numeric"
              className="w-[6em]"
              defaultValue={String(centre.witnessLinkDays)}
              required
            />
            <Choice
              id="outboxAllowed"
              name="outboxAllowed"
              type="checkbox"
              label="Mail may wait in the outbox"
              hint="When no mail server is set up, mail is kept on the Outbox page instead of being sent (development and demonstrations only). Untick it so that mail is only ever sent."
              defaultChecked={centre.outboxAllowed}
            />
          </ActionForm>
        </Card>
      </section>
      <section aria-labelledby="closures" className="my-4">
        <h2 id="closures">Non-working days</h2>
        <p>Days the centre is closed, such as bank holidays. They do not count towards the review target.</p>
        <DataTable label="Non-working days" caption="Non-working days" isEmpty={closures.length === 0} empty="No non-working days are listed yet." stack>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Name</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {closures.map((c) => (
              <tr key={c.day}>
                <td data-label="Day">{formatDate(new Date(c.day))}</td>
                <td data-label="Name" className="wrap-anywhere">
                  {c.name}
                </td>
                <td data-label="Actions">
                  <ActionForm
                    action={removeClosureAction}
                    submitLabel="Remove"
                    size="sm"
                    secondary
                    aria-label={`Remove ${c.name}, ${formatDate(new Date(c.day))}`}
                  >
                    {centreField}
                    <input type="hidden" name="day" value={c.day} />
                  </ActionForm>
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
        <div className="grid gap-4 md:grid-cols-2">
          <Card title="Add a non-working day" level={3} as="section">
            <ActionForm action={addClosureAction} submitLabel="Add day" pendingLabel="Adding…" done="Day added." resetOnSuccess>
              {centreField}
              <DateField id="closure-day" name="day" legend="Day" hint="For example, 27 3 2027" />
              <TextField name="name" label="Name" hint="For example, Staff training day" required />
            </ActionForm>
          </Card>
          <Card title="Bank holidays" level={3} as="section">
            <p className="mt-0">Adds the England and Wales bank holidays of the next two years. Days already listed stay as they are.</p>
            <ActionForm action={addBankHolidaysAction} submitLabel="Add bank holidays" pendingLabel="Adding…" done="Bank holidays added." secondary>
              {centreField}
            </ActionForm>
          </Card>
        </div>
      </section>
    </>
  );
}
