import { isIP } from "node:net";
import { trustedProxies } from "./env";
import { type TrustedProxies, normaliseIp as normalise } from "./trusted-proxies";
import { must } from "@/lib/must";

/**
 * The address of the peer that connected, set by Attest's own HTTP server (scripts/serve.mjs) from
 * the socket; any such header a client sends is replaced there, so it cannot be forged.
 */
export const PEER_HEADER = "x-attest-peer";

type HeaderSource = { get(name: string): string | null } | Record<string, unknown> | undefined;

function header(headers: HeaderSource, name: string): string | null {
  if (!headers) return null;
  if (typeof headers.get === "function") return (headers as { get(name: string): string | null }).get(name);
  const value = (headers as Record<string, unknown>)[name];
  if (Array.isArray(value)) return value.join(", ");
  return typeof value === "string" ? value : null;
}

/**
 * The client's IP address for the audit trail: the peer that connected, or, only when that peer is
 * a trusted proxy, the right-most X-Forwarded-For entry that is not itself a trusted proxy (every
 * entry left of it could have been written by the client). Null without a recorded peer.
 */
export function clientIp(headers: HeaderSource, trusted: TrustedProxies = trustedProxies()): string | null {
  const peerHeader = header(headers, PEER_HEADER);
  if (!peerHeader) return null;
  let client = normalise(peerHeader);
  if (!isIP(client)) return null;
  const hops = (header(headers, "x-forwarded-for") ?? "").split(",").map(normalise).filter(Boolean);
  while (trusted.has(client) && hops.length) {
    const next = must(hops.pop(), "hops.pop()");
    if (!isIP(next)) break;
    client = next;
  }
  return client;
}
