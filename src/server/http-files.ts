import { NextResponse } from "next/server";
import { refusalFor } from "./http";
import { UserFacingError } from "./errors";
import { NotFoundError } from "./policy";

// The upload and file routes bypass proxy.ts (it would buffer and cut large bodies), so they set
// their own Content-Security-Policy; next.config.ts still adds the other security headers.
export const apiCsp = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
const base = { "Content-Security-Policy": apiCsp, "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };

export const jsonResponse = (body: unknown, status = 200) => NextResponse.json(body, { status, headers: base });

export function errorResponse(e: unknown): Response {
  const refusal = refusalFor(e);
  return jsonResponse({ error: refusal.error }, refusal.status);
}

/** Refuses a state-changing request sent from another site (cookies alone do not prove intent). */
export function assertSameOrigin(request: Request) {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!origin || !host || originHost(origin) !== host) throw new NotFoundError("Not found");
}

/** The host of an Origin header; null for "null" (a sandboxed or file: page) or anything malformed. */
function originHost(origin: string): string | null {
  try {
    return new URL(origin).host || null;
  } catch {
    return null;
  }
}

/** The X-File-Name header: percent-encoded by our uploader; refused when it does not decode. */
export function decodeFileName(raw: string | null): string {
  try {
    return decodeURIComponent(raw ?? "");
  } catch {
    throw new UserFacingError("The file name could not be read. Rename the file and try again.");
  }
}
