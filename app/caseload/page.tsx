import type { Metadata } from "next";
import Link from "next/link";
import { formatDate } from "@/lib/format";
import { caseload, caseloadSorts } from "@/server/assessment/caseload";
import { orNotFound, requireActor } from "@/server/edge/page";
import { Pager } from "@/ui/pager";

export const metadata: Metadata = { title: "Caseload" };

const headings: Record<(typeof caseloadSorts)[number], string> = {
  learner: "Learner",
  unit: "Unit",
  completion: "Completion",
  awaiting: "Awaiting review",
  oldest: "Oldest wait",
  activity: "Last activity",
};

export default async function CaseloadPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor("/caseload");
  const params = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])) as Record<string, string>;
  const data = await orNotFound(caseload(actor, params));
  const f = data.filters;
  const link = (change: Record<string, string>) => `?${new URLSearchParams({ sort: f.sort, dir: f.dir, q: f.q, unit: f.unit, ...(f.overdue ? { overdue: "1" } : {}), ...change })}`;
  return (
    <>
      <h1>Caseload</h1>
      <p className="lead">
        {data.total} learner units; {data.overdue} with work waiting longer than the centre&apos;s review target.
      </p>
      <form method="get" className="filters" aria-label="Filter the caseload">
        <input type="hidden" name="sort" value={f.sort} />
        <input type="hidden" name="dir" value={f.dir} />
        <div>
          <label htmlFor="cq">Learner name</label>
          <input id="cq" name="q" type="search" defaultValue={f.q} />
        </div>
        <div>
          <label htmlFor="cu">Unit</label>
          <select id="cu" name="unit" defaultValue={f.unit}>
            <option value="">Any unit</option>
            <option value="CPC308">CPC 308</option>
            <option value="AG26">AG26</option>
          </select>
        </div>
        <div className="choice">
          <input id="co" name="overdue" type="checkbox" value="1" defaultChecked={f.overdue} />
          <label htmlFor="co">Only overdue</label>
        </div>
        <button type="submit">Filter</button>
      </form>
      <table>
        <caption>Learners and units assigned to you, sorted by {headings[f.sort].toLowerCase()}</caption>
        <thead>
          <tr>
            {caseloadSorts.map((s) => (
              <th scope="col" key={s} aria-sort={f.sort === s ? (f.dir === "asc" ? "ascending" : "descending") : undefined}>
                <Link href={link({ sort: s, dir: f.sort === s && f.dir === "desc" ? "asc" : "desc", page: "1" })}>
                  {headings[s]}
                  {f.sort === s ? (f.dir === "asc" ? " (ascending)" : " (descending)") : ""}
                </Link>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.rows.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <Link href={`/enrolments/${r.id}/review`}>
                  {r.learner.name}, {r.unit.displayCode}
                </Link>
              </th>
              <td>{r.unit.displayCode}</td>
              <td>
                {r.met} of {r.total} met ({Math.round(r.completion * 100)}%)
              </td>
              <td>{r.awaiting}</td>
              <td>
                {r.oldest ? `${r.waitedDays} working day${r.waitedDays === 1 ? "" : "s"} (since ${formatDate(r.oldest)})` : "Nothing waiting"}
                {r.overdue && <strong className="overdue"> Overdue</strong>}
              </td>
              <td>{r.lastActivity ? formatDate(r.lastActivity) : "None"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager label="Caseload pages" page={data.page} pages={data.pages} href={(n) => link({ page: String(n) })} />
    </>
  );
}
