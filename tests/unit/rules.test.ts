import { describe, expect, it } from "vitest";
import { canonicalJson } from "@/lib/canonical-json";
import { contentSecurityPolicy } from "@/lib/csp";
import { FREE_ATTEMPTS, WRONG_CREDENTIALS, describeSignInError, lockoutDelayMs } from "@/lib/throttle";

describe("sign-in throttling", () => {
  it("lets the first few failures through, then doubles the wait up to a cap", () => {
    expect(lockoutDelayMs(FREE_ATTEMPTS - 1)).toBe(0);
    expect(lockoutDelayMs(FREE_ATTEMPTS)).toBe(30_000);
    expect(lockoutDelayMs(FREE_ATTEMPTS + 1)).toBe(60_000);
    expect(lockoutDelayMs(100)).toBe(15 * 60_000);
  });
});

describe("sign-in messages", () => {
  it("shows Attest's one sign-in failure message, and nothing a link makes up", () => {
    expect(describeSignInError(WRONG_CREDENTIALS)).toBe(WRONG_CREDENTIALS);
    expect(describeSignInError("This account has been disabled. Ask your centre's administrator.")).toBe("Signing in did not work. Try again.");
    expect(describeSignInError("CredentialsSignin")).toBe(WRONG_CREDENTIALS);
    expect(describeSignInError("Call 0800 123 to unlock")).toBe("Signing in did not work. Try again.");
  });
});

describe("headers and hashing", () => {
  it("builds a CSP that forbids framing and allows only nonced scripts", () => {
    const csp = contentSecurityPolicy("abc");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
  });
  it("serialises objects with sorted keys", () => {
    expect(canonicalJson({ b: 1, a: [{ d: 1, c: 2 }] })).toBe('{"a":[{"c":2,"d":1}],"b":1}');
  });
});
