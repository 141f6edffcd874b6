import type { Metadata } from "next";
import Link from "next/link";
import { formatDate } from "@/lib/format";
import { orNotFound, requireActor } from "@/server/edge/page";
import { listPlans } from "@/server/quality/plan-read";
import { ButtonLink, DataTable, Pager } from "@/ui/kit";
import { PlanStatus } from "@/ui/quality/plan-status";

export const metadata: Metadata = { title: "Sample plans" };

export default async function PlansPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor("/quality/plans");
  const params = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const data = await orNotFound(listPlans(actor, params));
  return (
    <>
      <p>
        <Link href="/quality">Back to quality assurance</Link>
      </p>
      <h1>Sample plans</h1>
      <p className="text-lg text-muted">
        {data.centreName}: {data.total} {data.total === 1 ? "plan" : "plans"}, newest period first.
      </p>
      {data.canDraw && (
        <p>
          <ButtonLink href="/quality/plans/new">Draw a sample plan</ButtonLink>
        </p>
      )}
      <DataTable stack label="Sample plans" caption="Sample plans in this centre" isEmpty={data.rows.length === 0} empty="No sample plans yet.">
        <thead>
          <tr>
            <th scope="col">Plan</th>
            <th scope="col">Period</th>
            <th scope="col">Unit</th>
            <th scope="col">IQA</th>
            <th scope="col">Items</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {data.rows.map((r) => (
            <tr key={r.id}>
              <th scope="row" data-label="Plan">
                <Link href={`/quality/plans/${r.id}`}>{r.title}</Link>
              </th>
              <td data-label="Period">
                {formatDate(r.periodStart)} to {formatDate(r.periodEnd)}
              </td>
              <td data-label="Unit">{r.unitCode || "Every unit"}</td>
              <td data-label="IQA">{r.mine ? `${r.iqaName} (you)` : r.iqaName}</td>
              <td data-label="Items">{r.items}</td>
              <td data-label="Status">
                <PlanStatus status={r.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <Pager label="Pages of sample plans" page={data.page} pages={data.pages} href={(n) => `?page=${n}`} />
    </>
  );
}
