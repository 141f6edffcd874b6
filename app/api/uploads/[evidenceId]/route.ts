import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { assertSameOrigin, uploadFileName } from "@/server/edge/request";
import { json } from "@/server/edge/respond";
import { route } from "@/server/edge/route-handler";
import { attachUpload, cleanFileName, maxFileBytes, refuseFromHead, uploadTarget } from "@/server/portfolio/files";
import { UploadTooLargeError, receiveToTemp } from "@/server/storage/disk";

export const dynamic = "force-dynamic";

// One file per request, streamed to storage: the body is never held in memory.
export const POST = route(
  async (actor, request, { params }: { params: Promise<{ evidenceId: string }> }) => {
    assertSameOrigin(request);
    const { evidenceId } = await params;
    await uploadTarget(actor, evidenceId);
    const limit = maxFileBytes();
    if (Number(request.headers.get("content-length") ?? 0) > limit) throw new UploadTooLargeError(limit);
    if (!request.body) return json({ error: "The request had no file in it." }, 400, true);
    const name = cleanFileName(uploadFileName(request.headers.get("x-file-name")));
    const received = await receiveToTemp(Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>), limit, refuseFromHead(name)).catch((e: unknown) => {
      // A person cancelled the upload: its part is already discarded, and nobody is left to answer.
      if (request.signal.aborted || (e as NodeJS.ErrnoException).code === "ECONNRESET") return null;
      throw e;
    });
    if (!received) return json({ error: "The upload was cancelled." }, 400, true);
    return json({ file: await attachUpload(actor, evidenceId, received, name) }, 201, true);
  },
  { ownCsp: true },
);
