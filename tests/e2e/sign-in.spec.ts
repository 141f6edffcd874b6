import type { Page } from "@playwright/test";
import { expect, expectAccessible, PASSWORD, test } from "./fixtures";

// Next's route announcer is an alert too; ours is the one that names the problem.
const problem = (page: Page) => page.getByRole("alert").filter({ hasText: "There is a problem" });

test("a signed-out visitor is sent to sign in, and comes back after", async ({ page }) => {
  await page.goto("/units");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Funits$/);
  await expect(page.getByRole("heading", { name: "Sign in to Attest" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Email address").fill("learner@northgate.example");
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(problem(page)).toContainText("The email or password is not right");
  await expect(problem(page)).toBeFocused();
  await expectAccessible(page);

  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel("Password").press("Enter");
  await expect(page).toHaveURL(/\/units$/);
  await expect(page.getByRole("heading", { level: 1, name: "Units" })).toBeVisible();
});

test("sign out ends the session", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill("learner2@northgate.example");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Welcome, Casey Morgan" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  expect((await page.request.get("/api/units")).status()).toBe(401);
});

test("a crafted error message in the address is not shown", async ({ page }) => {
  await page.goto("/sign-in?error=Call%200800%20now%20to%20keep%20your%20account");
  await expect(problem(page)).toHaveText(/Signing in did not work/);
  await expect(page.getByText("Call 0800")).toHaveCount(0);
});
