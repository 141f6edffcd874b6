import { expect, expectAccessible, signInAs, test } from "./fixtures";

// No dead ends: from each role's home, following only links, every page the role may see is
// reached, and no link leads anywhere that answers "not found" or an error.

const pattern = (path: string) =>
  path
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, ":id")
    .replace(/^\/units\/[^/]+$/, "/units/:code")
    .replace(/^\/witness\/.*/, "/witness/:token");

// The pages each role must reach by clicking from home.
const roles: Record<string, { email: string; reaches: string[] }> = {
  learner: {
    email: "learner@northgate.example",
    reaches: ["/", "/evidence", "/evidence/new", "/evidence/:id", "/units", "/units/:code", "/notifications", "/account/password", "/enrolments/:id/progress", "/enrolments/:id/plan"],
  },
  assessor: {
    email: "assessor@northgate.example",
    reaches: ["/", "/caseload", "/evidence", "/evidence/:id", "/enrolments/:id/review", "/enrolments/:id/plan", "/enrolments/:id/progress", "/enrolments/:id/matrix", "/learners/:id/matrix", "/learners/:id/records/new"],
  },
  iqa: { email: "iqa@northgate.example", reaches: ["/", "/evidence", "/evidence/:id", "/enrolments/:id/review", "/enrolments/:id/plan", "/enrolments/:id/progress", "/enrolments/:id/matrix"] },
  verifier: { email: "verifier@northgate.example", reaches: ["/", "/units", "/enrolments/:id/review", "/enrolments/:id/plan", "/enrolments/:id/progress", "/enrolments/:id/matrix"] },
  admin: { email: "admin@northgate.example", reaches: ["/", "/outbox", "/integrity", "/evidence", "/evidence/:id", "/enrolments/:id/review", "/enrolments/:id/progress", "/enrolments/:id/plan"] },
};

for (const [role, { email, reaches }] of Object.entries(roles)) {
  test(`the ${role} reaches every page they may see by following links, and no link is a dead end`, async ({ page, baseURL }) => {
    test.setTimeout(180_000);
    await signInAs(page, email);
    const seen = new Map<string, string>(); // pattern → first path visited
    const queue = ["/"];
    const broken: string[] = [];
    while (queue.length && seen.size < 40) {
      const path = queue.shift()!;
      const key = pattern(new URL(path, baseURL).pathname);
      if (seen.has(key)) continue;
      seen.set(key, path);
      const response = await page.goto(path);
      if (!response || response.status() >= 400) {
        broken.push(`${path} answered ${response?.status()}`);
        continue;
      }
      await expectAccessible(page);
      const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
      for (const href of hrefs) {
        const url = new URL(href);
        if (url.origin !== new URL(baseURL!).origin || url.pathname.startsWith("/api/") || url.hash) continue;
        if (!seen.has(pattern(url.pathname))) queue.push(url.pathname + url.search);
      }
    }
    expect(broken).toEqual([]);
    expect([...seen.keys()]).toEqual(expect.arrayContaining(reaches));
  });
}
