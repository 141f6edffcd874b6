import { type NextRequest, NextResponse } from "next/server";
import { contentSecurityPolicy } from "@/lib/csp";
import { actionBodyLimitBytes, actionBodyTooLarge } from "@/lib/limits";
import { fromSameOrigin } from "@/lib/origin";

// Every response gets a Content-Security-Policy with a fresh nonce; Next reads the nonce from
// the request's CSP header and puts it on the scripts it renders.
export function proxy(request: NextRequest) {
  const refusal = refuseMalformedPath(request) ?? refuseActionBody(request);
  if (refusal) return refusal;
  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

// Uploads and file downloads are left out: the proxy would buffer request bodies (and cut them
// at its limit). Those two routes set their own security headers.
// A path with a percent sign is let in even there: it cannot be a valid upload or file id, and
// Next answers a malformed escape in a route parameter with a bare 500 (refuseMalformedPath).
export const config = { matcher: ["/((?!api/uploads/|api/files/).*)", "/api/(uploads|files)/(.*%.*)"] };

// Next answers a server action over its body limit with a bare 500; refuse it here first, with a
// message. Browsers always send a Content-Length for a form; a body without one is refused too.
function refuseActionBody(request: NextRequest): Response | null {
  // Every POST to a page is a server action (with JavaScript, or a plain form without it).
  if (request.method !== "POST" || request.nextUrl.pathname.startsWith("/api/")) return null;
  // Next aborts a server action sent from another site with a bare 500; say what happened instead.
  const origin = request.headers.get("origin");
  if (request.headers.has("next-action") && origin !== null && !fromSameOrigin(request.headers)) {
    return new Response("This form was sent from another site, so it was not accepted.", {
      status: 403,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const length = request.headers.get("content-length");
  if (length === null) return new Response("Send the form again from the page.", { status: 411, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  if (!/^\d+$/.test(length) || Number(length) > actionBodyLimitBytes)
    return new Response(actionBodyTooLarge, { status: 413, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return null;
}

// A path segment that does not decode (a malformed percent escape) is a bad request, not a 500.
function refuseMalformedPath(request: NextRequest): Response | null {
  try {
    for (const segment of request.nextUrl.pathname.split("/")) decodeURIComponent(segment);
    return null;
  } catch {
    return new Response("This address is not valid.", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
}
