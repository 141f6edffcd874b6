import type { Metadata } from "next";
import Link from "next/link";
import { orNotFound, requireActor } from "@/server/edge/page";
import { planReport } from "@/server/quality/report";
import { ReportView } from "@/ui/quality/report-view";

export const metadata: Metadata = { title: "Sample plan report" };

export default async function PlanReportPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/quality/reports/plans/${id}`);
  const report = await orNotFound(planReport(actor, id));
  return (
    <>
      <p>
        <Link href={`/quality/plans/${id}`}>Back to the plan</Link>
      </p>
      <h1>{report.title}</h1>
      <ReportView report={report} download={(q) => `/api/quality/reports/plans/${id}?${q}`} />
    </>
  );
}
