import { BlockList, isIP } from "node:net";
import { must } from "@/lib/must";

export type TrustedProxies = { has: (ip: string) => boolean };

// "::ffff:10.0.0.1" is how Node reports an IPv4 client on a dual-stack socket.
export const normaliseIp = (ip: string) => {
  const bare = ip.trim().replace(/^\[(.*)\]$/, "$1");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  return mapped ? must(mapped[1], "mapped[1]") : bare;
};

/** Parses ATTEST_TRUSTED_PROXIES: comma-separated IP addresses or CIDR ranges, IPv4 or IPv6. */
export function parseTrustedProxies(value: string): TrustedProxies {
  const list = new BlockList();
  for (const entry of value
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [address, prefix, extra] = entry.split("/");
    const family = isIP(normaliseIp(address ?? ""));
    const bits = prefix === undefined ? undefined : Number(prefix);
    const max = family === 4 ? 32 : 128;
    if (!family || extra !== undefined || (bits !== undefined && (!/^\d+$/.test(must(prefix, "prefix")) || bits > max)))
      throw new Error(`ATTEST_TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range (like 10.0.0.0/8 or 192.0.2.1).`);
    const type = family === 4 ? "ipv4" : "ipv6";
    if (bits === undefined) list.addAddress(normaliseIp(must(address, "address")), type);
    else list.addSubnet(normaliseIp(must(address, "address")), bits, type);
  }
  return { has: (ip) => isIP(ip) !== 0 && list.check(ip, isIP(ip) === 4 ? "ipv4" : "ipv6") };
}
