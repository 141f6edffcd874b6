import { csv, pdf } from "@/server/edge/respond";
import { route } from "@/server/edge/route-handler";
import { periodReport } from "@/server/quality/report";
import { reportDownload } from "@/server/quality/report-files";

export const dynamic = "force-dynamic";

// A centre's IQA report for a period, as a PDF or one of its tables as CSV.
export const GET = route(async (actor, request) => {
  const params = new URL(request.url).searchParams;
  const report = await periodReport(actor, { centre: params.get("centre"), from: params.get("from"), to: params.get("to") });
  const file = reportDownload(report, params);
  return "pdf" in file ? pdf(file.fileName, file.pdf) : csv(file.fileName, file.csv);
});
