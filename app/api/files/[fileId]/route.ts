import { stat } from "node:fs/promises";
import { Readable } from "node:stream";
import { currentActor } from "@/server/auth/current";
import { UnauthenticatedError } from "@/server/policy";
import { errorResponse } from "@/server/http-files";
import { auditFileRead, readableFile } from "@/server/portfolio/files";
import { readBlob } from "@/server/storage/disk";
import { contentDisposition, inlineAllowed, parseRange } from "@/lib/file-serving";

export const dynamic = "force-dynamic";

// Files are served only here, to those who may read the evidence. Inline only for safe previews.
export async function GET(request: Request, { params }: { params: Promise<{ fileId: string }> }) {
  try {
    const actor = await currentActor();
    if (!actor) throw new UnauthenticatedError();
    const file = await readableFile(actor, (await params).fileId);
    const inline = new URL(request.url).searchParams.get("inline") === "1" && inlineAllowed(file.mediaType);
    const size = (await stat(file.path)).size;
    const range = parseRange(request.headers.get("range"), size);
    if (range === "invalid") return new Response(null, { status: 416, headers: { "Content-Range": `bytes */${size}` } });
    await auditFileRead(actor, file, { inline, range: Boolean(range) });
    const body = Readable.toWeb(readBlob(file.sha256, range ?? undefined)) as ReadableStream;
    return new Response(body, {
      status: range ? 206 : 200,
      headers: {
        "Content-Type": file.mediaType,
        "Content-Length": String(range ? range.end - range.start + 1 : size),
        "Content-Disposition": contentDisposition(inline ? "inline" : "attachment", file.fileName),
        "Accept-Ranges": "bytes",
        ...(range ? { "Content-Range": `bytes ${range.start}-${range.end}/${size}` } : {}),
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
        // Framing only by our own pages, for the in-page PDF preview; nothing in the file may run.
        // Chrome's PDF viewer will not run in a sandboxed document, so PDFs are the one exception.
        "Content-Security-Policy": `default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'${file.mediaType === "application/pdf" ? "" : "; sandbox"}`,
        "Cross-Origin-Resource-Policy": "same-origin",
      },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
