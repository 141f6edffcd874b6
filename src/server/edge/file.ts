import { stat } from "node:fs/promises";
import { Readable } from "node:stream";
import { contentDisposition, parseRange } from "@/lib/file-serving";
import { readBlob } from "@/server/storage/disk";
import { responseHeaders } from "./respond";

type StoredFile = { path: string; sha256: string; mediaType: string; fileName: string };

/**
 * A stored evidence file, streamed (a range when asked for one). `beforeSending` runs once the
 * request is known to be answerable, for the audit trail. Framing only by our own pages, for the
 * in-page preview; nothing in the file may run (Chrome's PDF viewer will not run sandboxed).
 */
export async function fileResponse(
  request: Request,
  file: StoredFile,
  options: { inline: boolean; beforeSending: (read: { range: boolean }) => Promise<void> },
): Promise<Response> {
  const size = (await stat(file.path)).size;
  const range = parseRange(request.headers.get("range"), size);
  if (range === "invalid") return new Response(null, { status: 416, headers: { "Content-Range": `bytes */${size}` } });
  await options.beforeSending({ range: Boolean(range) });
  const body = Readable.toWeb(readBlob(file.sha256, range ?? undefined)) as ReadableStream;
  return new Response(body, {
    status: range ? 206 : 200,
    headers: {
      ...responseHeaders(),
      "Content-Type": file.mediaType,
      "Content-Length": String(range ? range.end - range.start + 1 : size),
      "Content-Disposition": contentDisposition(options.inline ? "inline" : "attachment", file.fileName),
      "Accept-Ranges": "bytes",
      ...(range ? { "Content-Range": `bytes ${range.start}-${range.end}/${size}` } : {}),
      "Content-Security-Policy": `default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'${file.mediaType === "application/pdf" ? "" : "; sandbox"}`,
      "Cross-Origin-Resource-Policy": "same-origin",
    },
  });
}
