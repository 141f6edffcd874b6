import { describe, expect, it } from "vitest";
import { PEER_HEADER, clientIp } from "@/server/client-ip";
import { parseTrustedProxies } from "@/server/trusted-proxies";

const h = (headers: Record<string, string>) => new Headers(headers);
const none = parseTrustedProxies("");
const proxies = parseTrustedProxies("10.0.0.0/8, 192.0.2.1, 2001:db8::/32");

describe("clientIp", () => {
  it("is the peer that connected, whatever X-Forwarded-For claims, when no proxy is trusted", () => {
    expect(clientIp(h({ [PEER_HEADER]: "198.51.100.7", "x-forwarded-for": "203.0.113.9" }), none)).toBe("198.51.100.7");
  });
  it("is the peer when the peer is not a trusted proxy", () => {
    expect(clientIp(h({ [PEER_HEADER]: "198.51.100.7", "x-forwarded-for": "203.0.113.9" }), proxies)).toBe("198.51.100.7");
  });
  it("behind a trusted proxy, is the right-most X-Forwarded-For entry that is not itself a trusted proxy", () => {
    expect(clientIp(h({ [PEER_HEADER]: "10.1.2.3", "x-forwarded-for": "1.1.1.1, 203.0.113.9, 192.0.2.1" }), proxies)).toBe("203.0.113.9");
    expect(clientIp(h({ [PEER_HEADER]: "192.0.2.1", "x-forwarded-for": "203.0.113.9" }), proxies)).toBe("203.0.113.9");
  });
  it("reads several X-Forwarded-For headers as one list", () => {
    const headers = new Headers();
    headers.append("x-forwarded-for", "1.1.1.1");
    headers.append("x-forwarded-for", "203.0.113.9, 10.0.0.5");
    headers.set(PEER_HEADER, "10.9.9.9");
    expect(clientIp(headers, proxies)).toBe("203.0.113.9");
  });
  it("is the left-most entry when every hop is a trusted proxy", () => {
    expect(clientIp(h({ [PEER_HEADER]: "10.1.2.3", "x-forwarded-for": "10.0.0.9, 10.0.0.8" }), proxies)).toBe("10.0.0.9");
  });
  it("is the trusted proxy itself when it forwarded nothing, or something that is not an address", () => {
    expect(clientIp(h({ [PEER_HEADER]: "10.1.2.3" }), proxies)).toBe("10.1.2.3");
    expect(clientIp(h({ [PEER_HEADER]: "10.1.2.3", "x-forwarded-for": "<script>, 10.0.0.4" }), proxies)).toBe("10.0.0.4");
  });
  it("understands IPv6 and IPv4-mapped IPv6 peers", () => {
    expect(clientIp(h({ [PEER_HEADER]: "::ffff:10.1.2.3", "x-forwarded-for": "2001:db8:1::5, 2001:db9::1" }), proxies)).toBe("2001:db9::1");
    expect(clientIp(h({ [PEER_HEADER]: "::ffff:198.51.100.7" }), proxies)).toBe("198.51.100.7");
  });
  it("is null when the request did not come through Attest's server (no peer recorded)", () => {
    expect(clientIp(h({ "x-forwarded-for": "203.0.113.9" }), proxies)).toBeNull();
  });
  it("reads plain header records too (next-auth passes those)", () => {
    expect(clientIp({ [PEER_HEADER]: "10.1.2.3", "x-forwarded-for": "203.0.113.9" }, proxies)).toBe("203.0.113.9");
    expect(clientIp({ [PEER_HEADER]: "10.1.2.3", "x-forwarded-for": ["1.1.1.1", "203.0.113.9"] }, proxies)).toBe("203.0.113.9");
    expect(clientIp(undefined, proxies)).toBeNull();
  });
});

describe("parseTrustedProxies", () => {
  it("refuses an entry that is not an IP address or CIDR range", () => {
    expect(() => parseTrustedProxies("10.0.0.0/8, proxy.example")).toThrow(/ATTEST_TRUSTED_PROXIES.*proxy\.example/);
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(/ATTEST_TRUSTED_PROXIES/);
  });
});
