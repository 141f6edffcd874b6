import type { Page } from "@playwright/test";
import { fillDate } from "./date-input";
import * as db from "./db";
import { NARROW, expect, expectAccessible, signInAs, test } from "./fixtures";
import { shotsDir } from "./shots";

// Issue 12, point 2: the demo IQA draws a sample plan, reads why each item is in it and what it
// covers, removes one item and adds another, and signs it; a signed plan offers no changes.

test.describe.configure({ timeout: 240_000 });
const SHOTS = shotsDir("plans");

/** The page at 1280 and at 320 px wide, for a person to look at; no sideways scroll, axe at both widths. */
async function shoot(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await expectAccessible(page);
  await page.screenshot({ path: `${SHOTS}-${name}-1280.png`, fullPage: true });
  await page.setViewportSize(NARROW);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(NARROW.width);
  await page.screenshot({ path: `${SHOTS}-${name}-320.png`, fullPage: true });
  await expectAccessible(page);
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("the IQA draws a sample plan, edits it and signs it", async ({ page }) => {
  const title = `Autumn sample ${Date.now().toString(36)}`;
  await signInAs(page, "iqa@northgate.example");
  await page.goto("/quality/plans");
  await expect(page.getByRole("heading", { level: 1, name: "Sample plans" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Back to quality assurance" })).toHaveAttribute("href", "/quality");
  await shoot(page, "list");

  await page.getByRole("link", { name: "Draw a sample plan" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Draw a sample plan" })).toBeVisible();
  await shoot(page, "new");
  // A period that ends before it starts: the message sits beside the field.
  await page.getByLabel("Title").fill(title);
  await fillDate(page, "First day of the period", "1 1 2026");
  await fillDate(page, "Last day of the period", "1 12 2025");
  await page.getByRole("button", { name: "Draw the plan" }).click();
  await expect(page.getByText("The period must end on or after the day it starts").first()).toBeVisible();
  await fillDate(page, "Last day of the period", "31 12 2026");
  await page.getByRole("button", { name: "Draw the plan" }).click();

  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const planId = page.url().split("/").pop() ?? "";
  await expect(page.getByText("Draft", { exact: true })).toBeVisible();
  // Sam Okafor is not rated: medium risk, 25% of learners, rounded up.
  await expect(page.getByText("Sam Okafor is rated medium risk: 25% of learners").first()).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: /Assessor: Sam Okafor/ })).toBeVisible();
  await expect(page.getByRole("region", { name: "Coverage matrix, scrolls sideways" })).toBeVisible();
  await expect(
    page
      .getByRole("region", { name: "Assessors against the strategy" })
      .getByText(/Meets strategy|Below strategy/)
      .first(),
  ).toBeVisible();
  const review = page.getByRole("link", { name: /^Review / }).first();
  await expect(review).toHaveAttribute("href", /^\/quality\/items\/[0-9a-f-]{36}$/);
  await shoot(page, "draft");

  const itemsHeading = page.getByRole("heading", { level: 2, name: /^Items \(\d+\)$/ });
  const count = Number((await itemsHeading.textContent())?.match(/\d+/)?.[0]);
  await page.getByRole("button", { name: "Remove from the plan" }).first().click();
  await expect(page.getByRole("heading", { level: 2, name: `Items (${count - 1})` })).toBeVisible();
  await expect(page.getByText("Removed items (1)")).toBeVisible();

  await page.getByLabel("Learner and unit").selectOption({ index: 1 });
  await page.getByLabel("Why you are adding it").fill("New workplace this term");
  await page.getByRole("button", { name: "Add to the plan" }).click();
  await expect(page.getByText("Added by the IQA: New workplace this term")).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: `Items (${count})` })).toBeVisible();

  await page.getByLabel("Your full name, to sign").fill("Priya Shah");
  await page.getByLabel("Your password").fill("attest-demo");
  await page.getByRole("button", { name: "Sign the plan" }).click();
  await expect(page.getByText("This plan is signed and can no longer be changed.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Remove from the plan" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Draw again with a new seed" })).toHaveCount(0);
  await shoot(page, "signed");

  const events = await db.auditEventsOf({
    kind: ["quality.plan_drawn", "quality.plan_item_removed", "quality.plan_item_added", "quality.plan_signed"],
    subject: `sample-plan:${planId}`,
  });
  expect(events).toHaveLength(4);

  // The centre's admin reads the plan; the assessor is told it is not found.
  await page.context().clearCookies();
  await signInAs(page, "admin@northgate.example");
  await page.goto(`/quality/plans/${planId}`);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await page.context().clearCookies();
  await signInAs(page, "assessor@northgate.example");
  const response = await page.goto(`/quality/plans/${planId}`);
  expect(response?.status()).toBe(404);
});
