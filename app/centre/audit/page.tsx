import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime } from "@/lib/format";
import { kindLabel } from "@/server/audit/kinds";
import { centreAuditLog } from "@/server/audit/log";
import { orNotFound, requireActor } from "@/server/edge/page";
import { AuditDetails } from "@/ui/centre/audit-details";
import { AuditFilters } from "@/ui/centre/audit-filters";
import { Card, DataTable, Notice, buttonClasses, cn } from "@/ui/kit";

export const metadata: Metadata = { title: "Audit log" };

const sources: Record<string, string> = { cli: "npm run attest -- audit verify", admin: "a centre admin's check", schedule: "the daily check" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditLogPage({ searchParams }: Props) {
  const actor = await requireActor("/centre/audit");
  const values = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const log = await orNotFound(centreAuditLog(actor, values));
  const { before: _, ...kept } = values;
  const query = (extra: Record<string, string>) =>
    new URLSearchParams({ ...(Object.fromEntries(Object.entries(kept).filter(([, v]) => v)) as Record<string, string>), ...extra });
  const v = log.verification;
  return (
    <>
      <h1>Audit log</h1>
      <p className="text-lg text-muted">What was done in your centre, by whom and when, newest first.</p>
      <Card className="my-4">
        <h2 className="mt-0 text-xl">Chain verification</h2>
        {!v ? (
          <p className="m-0">
            The audit trail has not been verified yet. An operator runs <code>npm run attest -- audit verify</code>.
          </p>
        ) : (
          <p className={cn("m-0 border-l-[6px] px-4 py-2", v.ok ? "border-success bg-success-tint" : "border-danger bg-danger-tint")}>
            <strong>{v.ok ? "Intact." : "Not intact: tell your Attest operator at once."}</strong> Last verified {formatDateTime(v.finishedAt)} by{" "}
            {sources[v.source] ?? v.source}: {v.eventsChecked.toLocaleString("en-GB")} entries checked.{v.problem ? ` First problem: ${v.problem}` : ""}{" "}
            <Link href="/integrity">Record integrity</Link>
          </p>
        )}
      </Card>
      <AuditFilters values={values} centre={log.filters.centre} />
      {log.problems.length > 0 && <Notice tone="info">Some filters were left out: {log.problems.join(" ")}</Notice>}
      {log.unknownPerson && <Notice tone="info">No one has the email address {log.filters.person}.</Notice>}
      <p>
        <a href={`/api/centre/audit?${query({})}`} className={buttonClasses("secondary", "sm")} download>
          Download CSV
        </a>
      </p>
      <DataTable label="Audit events" caption="Audit events, newest first" isEmpty={log.events.length === 0} empty="No events match these filters." stack>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {log.events.map((e) => (
            <tr key={e.id}>
              <td data-label="When">{formatDateTime(e.at)}</td>
              <td data-label="Who" className="wrap-anywhere">
                {e.actor ? e.actor.name : "Attest"}
                {e.actor && <span className="block text-sm text-muted">{e.actor.email}</span>}
              </td>
              <td data-label="What">
                {kindLabel(e.kind)}
                <span className="block text-sm text-muted wrap-anywhere">
                  {e.kind}
                  {e.subject ? `, ${e.subject}` : ""}
                </span>
              </td>
              <td data-label="Details" className="min-w-0">
                <details>
                  <summary>
                    Details<span className="sr-only"> of event {e.id}</span>
                  </summary>
                  <AuditDetails data={e.data} />
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      {(log.older || values.before) && (
        <nav aria-label="Audit log pages" className="pager my-4">
          {values.before && <Link href={`/centre/audit?${query({})}`}>Newest events</Link>}
          {log.older && (
            <Link href={`/centre/audit?${query({ before: log.older })}`} rel="next" className="font-semibold">
              Older events<span aria-hidden="true"> →</span>
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
