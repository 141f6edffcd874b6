import AxeBuilder from "@axe-core/playwright";
import { type Page, expect, test as base } from "@playwright/test";

export const PASSWORD = "attest-demo";

/** Signs in through next-auth's own endpoint, sharing the browser context's cookies. */
export async function signInAs(page: Page, email: string) {
  const { csrfToken } = await (await page.request.get("/api/auth/csrf")).json();
  const response = await page.request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password: PASSWORD, json: "true" } });
  expect(response.ok()).toBe(true);
  const session = await (await page.request.get("/api/auth/session")).json();
  expect(session.user?.id, `signed in as ${email}`).toBeTruthy();
}

/** Runs axe with the WCAG 2.x A and AA rules (2.2 included) on the page as it is now. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

export const test = base;
export { expect };
