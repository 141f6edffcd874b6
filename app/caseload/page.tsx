import type { Metadata } from "next";
import Link from "next/link";
import { formatDate } from "@/lib/format";
import { caseload, caseloadSorts } from "@/server/assessment/caseload";
import { orNotFound, requireActor } from "@/server/edge/page";
import { Button, Choice, DataTable, Field, Pager, SortableHeader, Status } from "@/ui/kit";

export const metadata: Metadata = { title: "Caseload" };

const headings: Record<(typeof caseloadSorts)[number], string> = {
  learner: "Learner",
  unit: "Unit",
  completion: "Completion",
  awaiting: "Awaiting review",
  oldest: "Oldest wait",
  activity: "Last activity",
};

const control = "max-w-full rounded-md border-2 border-ink p-1.5";

export default async function CaseloadPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor("/caseload");
  const params = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])) as Record<string, string>;
  const data = await orNotFound(caseload(actor, params));
  const f = data.filters;
  const link = (change: Record<string, string>) =>
    `?${new URLSearchParams({ sort: f.sort, dir: f.dir, q: f.q, unit: f.unit, ...(f.overdue ? { overdue: "1" } : {}), ...change })}`;
  const sort = { by: f.sort, dir: f.dir };
  return (
    <>
      <h1>Caseload</h1>
      <p className="text-lg text-muted">
        {data.total} learner units; {data.overdue} with work waiting longer than the centre&apos;s review target.
      </p>
      <form
        method="get"
        className="mb-4 flex flex-wrap items-end gap-x-4 gap-y-2 border border-line bg-panel p-3 print:hidden"
        aria-label="Filter and sort the caseload"
      >
        <Field id="cq" label="Learner name" className="mb-0 min-w-0">
          {(c) => <input {...c} name="q" type="search" defaultValue={f.q} className={control} />}
        </Field>
        <Field id="cu" label="Unit" className="mb-0 min-w-0">
          {(c) => (
            <select {...c} name="unit" defaultValue={f.unit} className={control}>
              <option value="">Any unit</option>
              <option value="CPC308">CPC 308</option>
              <option value="AG26">AG26</option>
            </select>
          )}
        </Field>
        <Choice id="co" type="checkbox" name="overdue" value="1" defaultChecked={f.overdue} label="Only overdue" className="mb-2.5" />
        <Field id="cs" label="Sort by" className="mb-0 min-w-0">
          {(c) => (
            <select {...c} name="sort" defaultValue={f.sort} className={control}>
              {caseloadSorts.map((s) => (
                <option key={s} value={s}>
                  {headings[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="cd" label="Order" className="mb-0 min-w-0">
          {(c) => (
            <select {...c} name="dir" defaultValue={f.dir} className={control}>
              <option value="desc">Highest, latest or Z first</option>
              <option value="asc">Lowest, earliest or A first</option>
            </select>
          )}
        </Field>
        <Button type="submit">Show</Button>
      </form>
      <DataTable
        stack
        label="Caseload"
        caption={`Learners and units assigned to you, sorted by ${headings[f.sort].toLowerCase()}`}
        isEmpty={data.rows.length === 0}
        empty="No learner units match these filters."
      >
        <thead>
          <tr>
            {caseloadSorts.map((s) => (
              <SortableHeader key={s} column={s} label={headings[s]} sort={sort} href={(next) => link({ sort: next.by, dir: next.dir, page: "1" })} />
            ))}
          </tr>
        </thead>
        <tbody>
          {data.rows.map((r) => (
            <tr key={r.id}>
              <th scope="row" className="break-words">
                <Link href={`/enrolments/${r.id}/review`}>
                  {r.learner.name}, {r.unit.displayCode}
                </Link>
              </th>
              <td data-label={headings.unit}>{r.unit.displayCode}</td>
              <td data-label={headings.completion}>
                {r.met} of {r.total} met ({Math.round(r.completion * 100)}%)
              </td>
              <td data-label={headings.awaiting}>{r.awaiting}</td>
              <td data-label={headings.oldest}>
                {r.oldest ? `${r.waitedDays} working day${r.waitedDays === 1 ? "" : "s"} (since ${formatDate(r.oldest)})` : "Nothing waiting"}
                {r.overdue && (
                  <>
                    {" "}
                    <Status tone="danger">Overdue</Status>
                  </>
                )}
              </td>
              <td data-label={headings.activity}>{r.lastActivity ? formatDate(r.lastActivity) : "None"}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <Pager label="Caseload pages" page={data.page} pages={data.pages} href={(n) => link({ page: String(n) })} />
    </>
  );
}
