import { type NextRequest, NextResponse } from "next/server";
import { contentSecurityPolicy } from "./src/lib/csp";

// Every response gets a Content-Security-Policy with a fresh nonce; Next reads the nonce from
// the request's CSP header and puts it on the scripts it renders.
export function proxy(request: NextRequest) {
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
export const config = { matcher: "/((?!api/uploads/|api/files/).*)" };
