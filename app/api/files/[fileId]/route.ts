import { inlineAllowed } from "@/lib/file-serving";
import { fileResponse } from "@/server/edge/file";
import { route } from "@/server/edge/route-handler";
import { auditFileRead, readableFile } from "@/server/portfolio/files";

export const dynamic = "force-dynamic";

// Files are served only here, to those who may read the evidence. Inline only for safe previews.
export const GET = route(
  async (actor, request, { params }: { params: Promise<{ fileId: string }> }) => {
    const file = await readableFile(actor, (await params).fileId);
    const inline = new URL(request.url).searchParams.get("inline") === "1" && inlineAllowed(file.mediaType);
    return fileResponse(request, file, { inline, beforeSending: ({ range }) => auditFileRead(actor, file, { inline, range }) });
  },
  { ownCsp: true },
);
