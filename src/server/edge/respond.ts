import { NextResponse } from "next/server";
import { UserFacingError, databaseRefusal } from "@/server/errors";
import { NotFoundError, UnauthenticatedError } from "@/server/policy";
import { UploadTooLargeError } from "@/server/storage/disk";

const privateHeaders = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };

// The upload and file routes bypass proxy.ts (it would buffer and cut large bodies), so they set
// their own Content-Security-Policy; next.config.ts still adds the other security headers.
export const apiCsp = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Headers for a route's answer; `ownCsp` for the routes proxy.ts does not see. */
export const responseHeaders = (ownCsp = false): Record<string, string> => (ownCsp ? { ...privateHeaders, "Content-Security-Policy": apiCsp } : privateHeaders);

export const json = (body: unknown, status = 200, ownCsp = false) => NextResponse.json(body, { status, headers: responseHeaders(ownCsp) });

/** A CSV download, never cached and never sniffed. */
export const csv = (fileName: string, text: string) =>
  new Response(text, {
    headers: { ...privateHeaders, "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${fileName}"` },
  });

/** A PDF download, streamed, never cached and never sniffed. */
export const pdf = (fileName: string, body: ReadableStream<Uint8Array>) =>
  new Response(body, {
    headers: { ...privateHeaders, "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="${fileName}"` },
  });

/** The HTTP answer to a refusal; anything else is a bug and is rethrown. */
export function refusalFor(e: unknown): { status: number; error: string } {
  if (e instanceof UnauthenticatedError) return { status: 401, error: "Sign in to use this." };
  if (e instanceof NotFoundError) return { status: 404, error: e.message };
  if (e instanceof UploadTooLargeError) return { status: 413, error: e.message };
  if (e instanceof UserFacingError) return { status: 422, error: e.message };
  const refused = databaseRefusal(e);
  if (refused) return { status: refused.status, error: refused.error.message };
  throw e;
}

export function refusal(e: unknown, ownCsp = false): Response {
  const { status, error } = refusalFor(e);
  return json({ error }, status, ownCsp);
}
