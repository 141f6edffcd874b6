import { csv, pdf } from "@/server/edge/respond";
import { route } from "@/server/edge/route-handler";
import { planReport } from "@/server/quality/report";
import { reportDownload } from "@/server/quality/report-files";

export const dynamic = "force-dynamic";

// A sample plan's IQA report, as a PDF or one of its tables as CSV.
export const GET = route(async (actor, request, { params }: { params: Promise<{ id: string }> }) => {
  const report = await planReport(actor, (await params).id);
  const file = reportDownload(report, new URL(request.url).searchParams);
  return "pdf" in file ? pdf(file.fileName, file.pdf) : csv(file.fileName, file.csv);
});
