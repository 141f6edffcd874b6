import AxeBuilder from "@axe-core/playwright";
import { type Page, expect, test as base } from "@playwright/test";

export const PASSWORD = "attest-demo";

/** A small phone, or a desktop at 400% zoom (WCAG 1.4.10 Reflow): no page may scroll sideways at this width. */
export const NARROW = { width: 320, height: 800 };

/** Signs in through next-auth's own endpoint, sharing the browser context's cookies. */
export async function signInAs(page: Page, email: string) {
  const { csrfToken } = await (await page.request.get("/api/auth/csrf")).json();
  const response = await page.request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password: PASSWORD, json: "true" } });
  expect(response.ok()).toBe(true);
  const session = await (await page.request.get("/api/auth/session")).json();
  expect(session.user?.id, `signed in as ${email}`).toBeTruthy();
}

/** What axe finds wrong with the page as it is now, against the WCAG 2.x A and AA rules (2.2 included), one line each. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

/** Runs axe on the page as it is now and fails on any violation. */
export async function expectAccessible(page: Page) {
  expect(await accessibilityViolations(page)).toEqual([]);
}

/**
 * The page's full width. Reading scrollWidth lays the page out at the current viewport first, so
 * no wait is needed after a resize (and none could be: a page without JavaScript draws no frames).
 */
export async function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

/** Whether the page shows one of our app's own HTML pages (not a file, a JSON answer or about:blank). */
async function showsOurPage(page: Page, baseURL: string | undefined): Promise<boolean> {
  if (page.isClosed() || !baseURL || new URL(page.url()).origin !== new URL(baseURL).origin) return false;
  return page.evaluate(() => document.contentType === "text/html" && document.body.childElementCount > 0).catch(() => false);
}

export const test = base.extend<{ checkedAtNarrowWidth: void }>({
  // After every test that passed, the page it ended on is checked again at 320 px: it must not
  // scroll sideways and axe must find nothing, so every page the suite reaches is held to both.
  checkedAtNarrowWidth: [
    async ({ page, baseURL, javaScriptEnabled }, use, testInfo) => {
      await use();
      if (testInfo.status !== "passed" || testInfo.expectedStatus !== "passed") return;
      // axe cannot run in a page without JavaScript; such tests measure their own width.
      if (!javaScriptEnabled) return;
      await page.waitForLoadState("load").catch(() => undefined);
      if (!(await showsOurPage(page, baseURL))) return;
      await page.setViewportSize(NARROW);
      const path = new URL(page.url()).pathname;
      expect.soft(await pageWidth(page), `${path}, where the test ended, at ${NARROW.width} px wide scrolls sideways`).toBeLessThanOrEqual(NARROW.width);
      expect(await accessibilityViolations(page), `axe on ${path}, where the test ended, at ${NARROW.width} px wide`).toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };
