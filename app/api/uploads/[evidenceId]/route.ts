import { Readable } from "node:stream";
import { currentActor } from "@/server/auth/current";
import { db } from "@/server/db/client";
import { assertSameOrigin, decodeFileName, errorResponse, jsonResponse } from "@/server/http-files";
import { attachUpload, maxFileBytes, uploadTarget } from "@/server/portfolio/files";
import { UploadTooLargeError, receiveToTemp } from "@/server/storage/disk";

export const dynamic = "force-dynamic";

// One file per request, streamed to storage: the body is never held in memory.
export async function POST(request: Request, { params }: { params: Promise<{ evidenceId: string }> }) {
  try {
    assertSameOrigin(request);
    const actor = await currentActor();
    const { evidenceId } = await params;
    await uploadTarget(db(), actor, evidenceId);
    const limit = maxFileBytes();
    if (Number(request.headers.get("content-length") ?? 0) > limit) throw new UploadTooLargeError(limit);
    if (!request.body) return jsonResponse({ error: "The request had no file in it." }, 400);
    const name = decodeFileName(request.headers.get("x-file-name"));
    const received = await receiveToTemp(Readable.fromWeb(request.body as import("node:stream/web").ReadableStream<Uint8Array>), limit);
    return jsonResponse({ file: await attachUpload(db(), actor, evidenceId, received, name) }, 201);
  } catch (e) {
    return errorResponse(e);
  }
}
