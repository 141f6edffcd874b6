import type { Page } from "@playwright/test";
import { must } from "@/lib/must";
import { NARROW, accessibilityViolations, expect, expectAccessible, pageWidth, signInAs, test } from "./fixtures";

// No dead ends: from each role's home, following only links, every page the role may see is
// reached, and no link leads anywhere that answers "not found" or an error. The same crawl at
// 320 px wide finds no page that scrolls sideways and none that axe faults.

const pattern = (path: string) =>
  path
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, ":id")
    .replace(/^\/units\/[^/]+$/, "/units/:code")
    // A criterion's page on the review screen: one of them stands for all (a unit has dozens).
    .replace(/^\/enrolments\/:id\/review\/[^/]+$/, "/enrolments/:id/review/:code")
    .replace(/^\/witness\/.*/, "/witness/:token");

// The pages each role must reach by clicking from home.
const roles: Record<string, { email: string; reaches: string[] }> = {
  learner: {
    email: "learner@northgate.example",
    reaches: [
      "/",
      "/evidence",
      "/evidence/new",
      "/evidence/:id",
      "/units",
      "/units/:code",
      "/notifications",
      "/account/password",
      "/enrolments/:id/progress",
      "/enrolments/:id/plan",
    ],
  },
  assessor: {
    email: "assessor@northgate.example",
    reaches: [
      "/",
      "/caseload",
      "/evidence",
      "/evidence/:id",
      "/enrolments/:id/review",
      "/enrolments/:id/plan",
      "/enrolments/:id/progress",
      "/enrolments/:id/matrix",
      "/learners/:id/matrix",
      "/learners/:id/records/new",
    ],
  },
  iqa: {
    email: "iqa@northgate.example",
    reaches: [
      "/",
      "/evidence",
      "/evidence/:id",
      "/enrolments/:id/review",
      "/enrolments/:id/plan",
      "/enrolments/:id/progress",
      "/enrolments/:id/matrix",
      "/enrolments/:id/quality",
      "/quality",
      "/quality/strategy",
      "/quality/assessors",
      "/quality/assessors/:id",
      "/quality/plans",
      "/quality/plans/new",
      "/quality/actions",
      "/quality/reports",
    ],
  },
  verifier: {
    email: "verifier@northgate.example",
    reaches: ["/", "/units", "/enrolments/:id/review", "/enrolments/:id/plan", "/enrolments/:id/progress", "/enrolments/:id/matrix"],
  },
  admin: {
    email: "admin@northgate.example",
    reaches: [
      "/",
      "/centre",
      "/outbox",
      "/integrity",
      "/centre/people",
      "/centre/people/:id",
      "/evidence",
      "/evidence/:id",
      "/enrolments/:id/review",
      "/enrolments/:id/progress",
      "/enrolments/:id/plan",
      "/centre/settings",
      "/centre/units",
      "/centre/units/:id",
      "/centre/audit",
      "/centre/enrolments",
      "/centre/enrolments/:id",
      "/centre/import",
      "/centre/api-tokens",
      "/quality",
      "/quality/strategy",
      "/quality/assessors",
      "/quality/assessors/:id",
      "/quality/plans",
      "/quality/reports",
    ],
  },
};

// Pages anyone may open without signing in.
const publicPages = ["/sign-in", "/accessibility", "/forgot-password", "/set-password/not-a-real-token-0000000000000000"];

/**
 * Follows every link from home (one page per pattern, at most 60), calling `visit` on each page
 * that answers; returns the patterns seen and the links that broke.
 */
async function crawl(page: Page, origin: string, visit: (path: string) => Promise<void>) {
  const seen = new Map<string, string>(); // pattern → first path visited
  const queue = ["/"];
  const broken: string[] = [];
  const downloadsSeen = new Set<string>();
  for (let path = queue.shift(); path !== undefined && seen.size < 60; path = queue.shift()) {
    const key = pattern(new URL(path, origin).pathname);
    if (seen.has(key)) continue;
    seen.set(key, path);
    const response = await page.goto(path);
    if (!response || response.status() >= 400) {
      broken.push(`${path} answered ${response?.status()}`);
      continue;
    }
    await visit(path);
    // A download is not a page to crawl, but it must not be a dead end either.
    const downloads = await page.locator("a[href][download]").evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    for (const href of downloads) {
      const key = pattern(new URL(href).pathname);
      if (downloadsSeen.has(key)) continue;
      downloadsSeen.add(key);
      const status = (await page.request.get(href)).status();
      if (status >= 400) broken.push(`${href} (a download) answered ${status}`);
    }
    const hrefs = await page.locator("a[href]:not([download])").evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    for (const href of hrefs) {
      const url = new URL(href);
      if (url.origin !== origin || url.pathname.startsWith("/api/") || url.hash) continue;
      if (!seen.has(pattern(url.pathname))) queue.push(url.pathname + url.search);
    }
  }
  return { seen: [...seen.keys()], broken };
}

/** Checks the page as it is at 320 px, adding what is wrong to the lists rather than stopping at the first page. */
async function checkNarrow(page: Page, path: string, overflowing: string[], faults: string[]) {
  const width = await pageWidth(page);
  if (width > NARROW.width) overflowing.push(`${path} is ${width} px wide`);
  faults.push(...(await accessibilityViolations(page)).map((v) => `${path}: ${v}`));
}

for (const [role, { email, reaches }] of Object.entries(roles)) {
  test(`the ${role} reaches every page they may see by following links, and no link is a dead end`, async ({ page, baseURL }) => {
    test.setTimeout(300_000);
    await signInAs(page, email);
    const { seen, broken } = await crawl(page, new URL(must(baseURL, "baseURL in playwright.config.ts")).origin, () => expectAccessible(page));
    expect(broken).toEqual([]);
    expect(
      reaches.filter((r) => !seen.includes(r)),
      "pages not reached",
    ).toEqual([]);
  });
}

test.describe(`at ${NARROW.width} px wide`, () => {
  test.use({ viewport: NARROW });

  for (const [role, { email, reaches }] of Object.entries(roles)) {
    test(`no page the ${role} reaches scrolls sideways or fails axe`, async ({ page, baseURL }) => {
      test.setTimeout(300_000);
      await signInAs(page, email);
      const overflowing: string[] = [];
      const faults: string[] = [];
      const { seen, broken } = await crawl(page, new URL(must(baseURL, "baseURL in playwright.config.ts")).origin, (path) =>
        checkNarrow(page, path, overflowing, faults),
      );
      expect(broken).toEqual([]);
      expect(
        reaches.filter((r) => !seen.includes(r)),
        "pages not reached",
      ).toEqual([]);
      expect.soft(overflowing, `pages wider than ${NARROW.width} px`).toEqual([]);
      expect(faults, `axe at ${NARROW.width} px`).toEqual([]);
    });
  }

  test("no public page scrolls sideways or fails axe", async ({ page }) => {
    const overflowing: string[] = [];
    const faults: string[] = [];
    for (const path of publicPages) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await checkNarrow(page, path, overflowing, faults);
    }
    expect.soft(overflowing, `pages wider than ${NARROW.width} px`).toEqual([]);
    expect(faults, `axe at ${NARROW.width} px`).toEqual([]);
  });
});

test("the public pages pass axe at desktop width", async ({ page }) => {
  for (const path of publicPages) {
    expect((await page.goto(path))?.status(), path).toBe(200);
    await expectAccessible(page);
  }
});
