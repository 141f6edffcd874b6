import type { Metadata } from "next";
import Link from "next/link";
import { formatDate } from "@/lib/format";
import { listEnrolments } from "@/server/centre/enrolments";
import { enrolmentStatuses } from "@/server/centre/enrolments/queries";
import { orNotFound, requireActor } from "@/server/edge/page";
import { EnrolmentStatusText, enrolmentStatusLabel } from "@/ui/enrolment-status";
import { Button, ButtonLink, DataTable, Field, Pager } from "@/ui/kit";

export const metadata: Metadata = { title: "Enrolments" };

const control = "max-w-full rounded-md border-2 border-ink p-1.5";

export default async function EnrolmentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor("/centre/enrolments");
  const params = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const data = await orNotFound(listEnrolments(actor, params));
  const f = data.filters;
  const link = (change: Record<string, string>) =>
    `?${new URLSearchParams({ ...(f.centre ? { centre: f.centre } : {}), q: f.q, unit: f.unit, assessor: f.assessor ?? "", status: f.status ?? "", ...change })}`;
  return (
    <>
      <h1>Enrolments</h1>
      <p className="text-lg text-muted">
        {data.centre.name}: {data.total} {data.total === 1 ? "enrolment" : "enrolments"} match.
      </p>
      <p className="flex flex-wrap gap-3">
        <ButtonLink href="/centre/enrolments/new">Enrol a learner</ButtonLink>
        <ButtonLink href="/centre/import" variant="secondary">
          Import learners from a file
        </ButtonLink>
      </p>
      <form method="get" className="mb-4 flex flex-wrap items-end gap-x-4 gap-y-2 border border-line bg-panel p-3" aria-label="Filter enrolments">
        <Field id="eq" label="Learner name or email" className="mb-0 min-w-0">
          {(c) => <input {...c} name="q" type="search" defaultValue={f.q} className={control} />}
        </Field>
        <Field id="eu" label="Unit" className="mb-0 min-w-0">
          {(c) => (
            <select {...c} name="unit" defaultValue={f.unit} className={control}>
              <option value="">Any unit</option>
              {data.unitCodes.map(([code, display]) => (
                <option key={code} value={code}>
                  {display}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="ea" label="Assessor" className="mb-0 min-w-0">
          {(c) => (
            <select {...c} name="assessor" defaultValue={f.assessor ?? ""} className={control}>
              <option value="">Any assessor</option>
              <option value="none">No assessor</option>
              {data.assessors.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="es" label="Status" className="mb-0 min-w-0">
          {(c) => (
            <select {...c} name="status" defaultValue={f.status ?? ""} className={control}>
              <option value="">Any status</option>
              {enrolmentStatuses.map((s) => (
                <option key={s} value={s}>
                  {enrolmentStatusLabel(s)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Button type="submit">Show</Button>
      </form>
      <DataTable
        stack
        label="Enrolments"
        caption="Enrolments in this centre, by learner"
        isEmpty={data.rows.length === 0}
        empty="No enrolments match these filters."
      >
        <thead>
          <tr>
            <th scope="col">Learner</th>
            <th scope="col">Unit</th>
            <th scope="col">Assessor</th>
            <th scope="col">Internal quality assurer</th>
            <th scope="col">Status</th>
            <th scope="col">Started</th>
          </tr>
        </thead>
        <tbody>
          {data.rows.map((r) => (
            <tr key={r.id}>
              <th scope="row" className="break-words">
                <Link href={`/centre/enrolments/${r.id}`}>{r.learner.name}</Link>
                <span className="block text-sm font-normal break-all text-muted">{r.learner.email}</span>
              </th>
              <td data-label="Unit">
                {r.unit.displayCode} (version {r.unit.version})
              </td>
              <td data-label="Assessor">{r.assessor?.name ?? "None"}</td>
              <td data-label="Internal quality assurer">{r.iqa?.name ?? "None"}</td>
              <td data-label="Status">
                <EnrolmentStatusText status={r.status} />
              </td>
              <td data-label="Started">{formatDate(r.startedAt)}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <Pager label="Enrolment pages" page={data.page} pages={data.pages} href={(n) => link({ page: String(n) })} />
    </>
  );
}
