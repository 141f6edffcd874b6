import { Readable } from "node:stream";
import { currentActor } from "@/server/auth/current";
import { UnauthenticatedError } from "@/server/policy";
import { assertSameOrigin, errorResponse, jsonResponse, uploadFileName } from "@/server/http-files";
import { attachUpload, cleanFileName, maxFileBytes, refuseFromHead, uploadTarget } from "@/server/portfolio/files";
import { UploadTooLargeError, receiveToTemp } from "@/server/storage/disk";

export const dynamic = "force-dynamic";

// One file per request, streamed to storage: the body is never held in memory.
export async function POST(request: Request, { params }: { params: Promise<{ evidenceId: string }> }) {
  try {
    assertSameOrigin(request);
    const actor = await currentActor();
    if (!actor) throw new UnauthenticatedError();
    const { evidenceId } = await params;
    await uploadTarget(actor, evidenceId);
    const limit = maxFileBytes();
    if (Number(request.headers.get("content-length") ?? 0) > limit) throw new UploadTooLargeError(limit);
    if (!request.body) return jsonResponse({ error: "The request had no file in it." }, 400);
    const name = cleanFileName(uploadFileName(request.headers.get("x-file-name")));
    const received = await receiveToTemp(Readable.fromWeb(request.body as import("node:stream/web").ReadableStream<Uint8Array>), limit, refuseFromHead(name));
    return jsonResponse({ file: await attachUpload(actor, evidenceId, received, name) }, 201);
  } catch (e) {
    return errorResponse(e);
  }
}
