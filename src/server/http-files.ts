import { NextResponse } from "next/server";
import { fromSameOrigin } from "../lib/origin";
import { UserFacingError } from "./errors";
import { refusalFor } from "./http";
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
  if (!fromSameOrigin(request.headers)) throw new NotFoundError("Not found");
}

/** The file's name from the X-File-Name header (percent-encoded UTF-8, as the upload form sends it). */
export function uploadFileName(header: string | null): string {
  if (!header) throw new UserFacingError("The upload had no file name (X-File-Name header).");
  try {
    return decodeURIComponent(header);
  } catch {
    throw new UserFacingError("The file name (X-File-Name header) is not valid percent-encoded UTF-8.");
  }
}
