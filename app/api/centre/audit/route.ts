import { csvLine } from "@/lib/csv";
import { auditCsv } from "@/server/audit/log";
import { route } from "@/server/edge/route-handler";

export const dynamic = "force-dynamic";

// The filtered audit log as CSV, streamed a batch of events at a time.
export const GET = route(async (actor, request) => {
  const { fileName, lines } = await auditCsv(actor, Object.fromEntries(new URL(request.url).searchParams));
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(csvLine(next.value)));
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
    },
  });
});
