import { auditEventsOf } from "./db";
import { PASSWORD, expect, signInAs, test } from "./fixtures";
import { must } from "@/lib/must";

test("health answers with the database state", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", db: "ok" });
});

test("the unit API returns whole trees to a signed-in user", async ({ page }) => {
  await signInAs(page, "learner@riverside.example");
  const list = await (await page.request.get("/api/units")).json();
  expect(list.units.map((u: { code: string }) => u.code)).toEqual(["AG26", "CPC308"]);
  const cpc = await (await page.request.get("/api/units/CPC308")).json();
  expect(cpc.sections.map((s: { criteria: unknown[] }) => s.criteria.length)).toEqual([8, 7, 7, 5, 5, 11]);
  expect(cpc.scopeCategories).toHaveLength(7);
  expect(cpc.glossaryTerms).toHaveLength(7);
  const ag26 = await (await page.request.get("/api/units/AG26")).json();
  expect(ag26).toMatchObject({ unitNumber: "23", sectorReference: "AG26", level: 4, creditValue: 3, guidedLearningHours: 20, simulationAllowed: false });
});

for (const path of ["/sign-in", "/api/health", "/api/units", "/units/CPC308", "/does-not-exist"]) {
  test(`security headers on ${path}`, async ({ request }) => {
    const response = await request.get(path, { maxRedirects: 0 });
    const headers = response.headers();
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["x-powered-by"]).toBeUndefined();
  });
}

test("security headers on static assets", async ({ page, request }) => {
  await page.goto("/sign-in");
  const script = await page.locator("script[src]").first().getAttribute("src");
  const headers = (await request.get(must(script, "script"))).headers();
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-powered-by"]).toBeUndefined();
});

test("the audit trail records the address that connected, not what the client claims", async ({ request }) => {
  // No ATTEST_TRUSTED_PROXIES in this run: X-Forwarded-For is the client's word, and so is a forged peer header.
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  const forged = { "X-Forwarded-For": "203.0.113.66", "X-Attest-Peer": "198.51.100.66", "X-Real-IP": "192.0.2.66" };
  const response = await request.post("/api/auth/callback/credentials", {
    headers: forged,
    form: { csrfToken, email: "iqa@northgate.example", password: PASSWORD, json: "true" },
  });
  expect(response.ok()).toBe(true);
  const event = must(
    (await auditEventsOf({ kind: "auth.sign_in", actorEmail: "iqa@northgate.example" })).at(-1),
    '(await auditEventsOf({ kind: "auth.sign_in", actorEmail: "iqa@northgate.example" })).at(-1)',
  );
  expect(event.ip).toMatch(/^(127\.0\.0\.1|::1)$/);
});
