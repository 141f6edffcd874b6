import type { Page } from "@playwright/test";
import { expect, expectAccessible, signInAs, test } from "./fixtures";

const roles = ["learner", "assessor", "iqa", "verifier", "admin"].map((r) => `${r}@northgate.example`);

/** How far the page is wider than the window (0 when it does not scroll sideways). */
const sidewaysOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test.describe("at 320 px wide", () => {
  test.use({ viewport: { width: 320, height: 640 } });

  for (const email of roles) {
    test(`${email}'s home does not scroll sideways`, async ({ page }) => {
      await signInAs(page, email);
      await page.goto("/");
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      expect(await sidewaysOverflow(page)).toBe(0);
      await expectAccessible(page);
      // Open, the menu does not widen the page either.
      await page.getByRole("button", { name: "Menu" }).click();
      await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
      expect(await sidewaysOverflow(page)).toBe(0);
      await expectAccessible(page);
    });
  }

  test("the header's links fold into a menu that works by keyboard", async ({ page }) => {
    await signInAs(page, "assessor@northgate.example");
    await page.goto("/");
    const menu = page.getByRole("button", { name: "Menu" });
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(nav).toBeHidden();

    // Skip link, the brand, then the menu button.
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Skip to main content" })).toBeFocused();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await expect(menu).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await expect(nav).toBeVisible();
    await page.keyboard.press("Tab");
    await expect(nav.getByRole("link", { name: "Home" })).toBeFocused();

    // Escape closes it and puts focus back on the button.
    await page.keyboard.press("Escape");
    await expect(nav).toBeHidden();
    await expect(menu).toBeFocused();

    // Space opens it again; a link in it goes to its page and the menu folds away there.
    await page.keyboard.press("Space");
    await nav.getByRole("link", { name: "Evidence" }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/evidence$/);
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(nav).toBeHidden();
  });
});

test.describe("at 320 px wide without JavaScript", () => {
  test.use({ viewport: { width: 320, height: 640 }, javaScriptEnabled: false });

  test("the header's links stay open and there is no menu button", async ({ page }) => {
    await signInAs(page, "learner@northgate.example");
    await page.goto("/");
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Evidence" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Menu" })).toBeHidden();
    expect(await sidewaysOverflow(page)).toBe(0);
  });
});

test("at desktop width the header's links sit in the bar with no menu button", async ({ page }) => {
  await signInAs(page, "learner@northgate.example");
  await page.goto("/");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Units" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Menu" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
});

test("the stylesheet loads under the CSP with no violation reported", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  await signInAs(page, "learner@northgate.example");
  await page.goto("/");
  // The header's colour comes from the stylesheet's brand token.
  await expect(page.locator("header")).toHaveCSS("background-color", "rgb(11, 79, 138)");
  await page.goto("/sign-in");
  await page.goto("/evidence");
  expect(violations).toEqual([]);
});
