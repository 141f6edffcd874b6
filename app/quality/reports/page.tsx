import type { Metadata } from "next";
import Link from "next/link";
import { orNotFound, requireActor } from "@/server/edge/page";
import { periodReport } from "@/server/quality/report";
import { Button, TextField } from "@/ui/kit";
import { ReportView } from "@/ui/quality/report-view";

export const metadata: Metadata = { title: "IQA report" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function QualityReportPage({ searchParams }: Props) {
  const actor = await requireActor("/quality/reports");
  const params = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const report = await orNotFound(periodReport(actor, params));
  const query = new URLSearchParams({ centre: report.centreId, from: report.from, to: report.to });
  return (
    <>
      <p>
        <Link href="/quality">Quality assurance</Link>
      </p>
      <h1>{report.title}</h1>
      <p className="text-lg text-muted">Everything sampled in the period, why, what the IQA found and the actions raised: to give an external verifier.</p>
      <form method="get" className="mb-6 flex flex-wrap items-end gap-4" aria-label="Choose the period">
        <input type="hidden" name="centre" value={report.centreId} />
        <TextField name="from" type="date" label="From" defaultValue={report.from} fieldClassName="mb-0" />
        <TextField name="to" type="date" label="To" defaultValue={report.to} fieldClassName="mb-0" />
        <Button type="submit" variant="secondary">
          Show the period
        </Button>
      </form>
      <ReportView report={report} download={(q) => `/api/quality/reports?${query}&${q}`} />
    </>
  );
}
