import { publicPages } from "../support/authz-registry";
import { expect, expectAccessible, signInAs, test } from "./fixtures";

// The accessibility statement: public, linked from the foot of every page, and itself accessible
// at desktop width and at 320 px without scrolling sideways.

test("the statement is public and says what it aims for, how it is tested and what does not meet it yet", async ({ page }) => {
  expect(publicPages).toContain("/accessibility");
  await page.goto("/sign-in");
  await page.getByRole("contentinfo").getByRole("link", { name: "Accessibility statement" }).click();
  await expect(page).toHaveURL(/\/accessibility$/);
  await expect(page.getByRole("heading", { level: 1, name: "Accessibility statement" })).toBeVisible();
  await expect(page.getByText(/WCAG\) 2\.2\s+at level AA/)).toBeVisible();
  for (const heading of ["How we test it", "Known problems", "If something does not work for you"])
    await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
  await expect(page.getByText(/pages they visit with axe/)).toBeVisible();
  await expect(page.getByText(/320 pixels wide/).first()).toBeVisible();
  await expectAccessible(page);

  await page.setViewportSize({ width: 320, height: 800 });
  await page.reload();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await expectAccessible(page);
});

test("a signed-in person finds the statement from any page's footer", async ({ page }) => {
  await signInAs(page, "learner@northgate.example");
  await page.goto("/evidence");
  await page.getByRole("contentinfo").getByRole("link", { name: "Accessibility statement" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Accessibility statement" })).toBeVisible();
  await expectAccessible(page);
});
