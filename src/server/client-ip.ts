import { BlockList, isIP } from "node:net";

/**
 * The address of the peer that connected, set by Attest's own HTTP server (scripts/serve.mjs) from
 * the socket; any such header a client sends is replaced there, so it cannot be forged.
 */
export const PEER_HEADER = "x-attest-peer";

export type TrustedProxies = { has: (ip: string) => boolean };

type HeaderSource = { get(name: string): string | null } | Record<string, unknown> | undefined;

// "::ffff:10.0.0.1" is how Node reports an IPv4 client on a dual-stack socket.
const normalise = (ip: string) => {
  const bare = ip.trim().replace(/^\[(.*)\]$/, "$1");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  return mapped ? mapped[1]! : bare;
};

/** Parses ATTEST_TRUSTED_PROXIES: comma-separated IP addresses or CIDR ranges, IPv4 or IPv6. */
export function parseTrustedProxies(value: string): TrustedProxies {
  const list = new BlockList();
  for (const entry of value.split(",").map((e) => e.trim()).filter(Boolean)) {
    const [address, prefix, extra] = entry.split("/");
    const family = isIP(normalise(address ?? ""));
    const bits = prefix === undefined ? undefined : Number(prefix);
    const max = family === 4 ? 32 : 128;
    if (!family || extra !== undefined || (bits !== undefined && (!/^\d+$/.test(prefix!) || bits > max)))
      throw new Error(`ATTEST_TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range (like 10.0.0.0/8 or 192.0.2.1).`);
    const type = family === 4 ? "ipv4" : "ipv6";
    if (bits === undefined) list.addAddress(normalise(address!), type);
    else list.addSubnet(normalise(address!), bits, type);
  }
  return { has: (ip) => isIP(ip) !== 0 && list.check(ip, isIP(ip) === 4 ? "ipv4" : "ipv6") };
}

let cached: { value: string; proxies: TrustedProxies } | undefined;
export function trustedProxies(): TrustedProxies {
  const value = process.env.ATTEST_TRUSTED_PROXIES ?? "";
  if (cached?.value !== value) cached = { value, proxies: parseTrustedProxies(value) };
  return cached.proxies;
}

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
    const next = hops.pop()!;
    if (!isIP(next)) break;
    client = next;
  }
  return client;
}
