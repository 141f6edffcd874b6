import type { Page } from "@playwright/test";
import * as db from "./db";
import { expect, expectAccessible, signInAs, test } from "./fixtures";
import { signVerdict } from "./quality-steps";
import { shotsDir } from "./shots";

// The IQA's review and the action loop: the demo IQA opens an ad hoc review of a demo learner's
// unit, agrees with one decision and disagrees with another (raising an action); the assessor sees
// it under its due heading and responds; the IQA closes it. axe on each page; screenshots at two widths.

const IQA = "iqa@northgate.example";
const ASSESSOR = "assessor@northgate.example";
const LEARNER = "learner3@northgate.example";
const SHOTS = shotsDir();

async function shoot(page: Page, name: string) {
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} at ${width} px`).toBeLessThanOrEqual(width);
    await page.screenshot({ path: `${SHOTS}/review-${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function switchTo(page: Page, email: string) {
  await page.context().clearCookies();
  await signInAs(page, email);
}

test("an IQA reviews a unit, disagrees with a decision, and closes the action the assessor answered", async ({ page }) => {
  test.setTimeout(240_000);
  const { id } = await db.enrolmentOf(LEARNER, "CPC308");

  // The assessor decides two criteria, Not yet met with feedback, signed once.
  await signInAs(page, ASSESSOR);
  await page.goto(`/enrolments/${id}/review`);
  const nav = page.getByRole("navigation", { name: "Criteria" });
  for (const code of ["A1", "A2"]) {
    await nav.getByRole("link", { name: new RegExp(`^${code}: `) }).click();
    const section = page.locator(`[id="criterion-${code}"]`);
    await section.getByLabel("Not yet met", { exact: true }).check();
    await section.getByLabel("Feedback (required for Not yet met)").fill(`Show more for ${code}.`);
  }
  const sign = page.getByRole("form", { name: "Sign your decisions" });
  await sign.getByLabel("Your full name, to sign").fill("Sam Okafor");
  await sign.getByRole("button", { name: "Sign 2 decisions" }).click();
  await expect(sign.getByRole("status")).toHaveText("2 decisions signed.");

  // The IQA opens an ad hoc interim review.
  await switchTo(page, IQA);
  await page.goto(`/quality/reviews/new?enrolment=${id}`);
  await expect(page.getByLabel("Learner and unit")).toHaveValue(id);
  await expectAccessible(page);
  await shoot(page, "new");
  await page.getByRole("button", { name: "Open review" }).click();
  await expect(page).toHaveURL(/\/quality\/reviews\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("IQA review: Taylor Evans, CPC 308");
  await expect(page.getByText("0 of 2 items reviewed")).toBeVisible();
  await expectAccessible(page);
  await shoot(page, "opened");

  // Agree with A1.
  await signVerdict(page, "A1", { agree: true, feedback: "Clear, specific feedback." });
  await expect(page.getByText("1 of 2 items reviewed")).toBeVisible();

  // Disagree with A2: the action needs what to do; then it is raised for the assessor.
  const a2 = await signVerdict(page, "A2", { agree: false, feedback: "The feedback does not say what evidence would show A2." });
  await expect(a2.getByLabel("What the assessor should do")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
  await a2.getByLabel("What the assessor should do").fill("Rewrite the feedback to name the evidence needed.");
  await a2.getByRole("button", { name: "Sign verdict" }).click();
  await expect(page.getByText(/2 of 2 items reviewed; completed on/)).toBeVisible();
  await expect(page.getByText("Disagreed", { exact: true })).toBeVisible();
  await expectAccessible(page);
  await shoot(page, "review");

  // The assessor: the action under its due heading (a fortnight away: Later), answered.
  await switchTo(page, ASSESSOR);
  await page.goto("/quality/actions");
  const later = page.getByRole("region", { name: /^Later/ }).or(page.locator("section", { has: page.getByRole("heading", { name: /^Later/ }) }));
  await expect(later.getByRole("link", { name: "Review your decision on CPC 308 A2" }).first()).toBeVisible();
  await expectAccessible(page);
  await shoot(page, "actions-assessor");
  await later.getByRole("link", { name: "Review your decision on CPC 308 A2" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Review your decision on CPC 308 A2");
  await expect(page.getByRole("button", { name: "Close action" })).toHaveCount(0);
  await page.getByLabel("Your response").fill("I have rewritten the feedback to name the evidence needed.");
  await page.getByRole("button", { name: "Send response" }).click();
  await expect(page.getByText("I have rewritten the feedback to name the evidence needed.")).toBeVisible();
  const actionUrl = page.url();
  await expectAccessible(page);
  await shoot(page, "action-responded");
  // The assessor may read the review of their decisions.
  await page.getByRole("link", { name: "See the review" }).click();
  await expect(page.getByText("2 of 2 items reviewed", { exact: false })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign verdict" })).toHaveCount(0);

  // The IQA closes it; the assessor is told.
  const unread = await db.unreadNotificationCount(ASSESSOR);
  await switchTo(page, IQA);
  await page.goto(actionUrl);
  await expect(page.getByRole("link", { name: "Reopen a criterion on this unit" })).toBeVisible();
  await page.getByLabel("Closing note").fill("The feedback now names the evidence needed.");
  await page.getByRole("button", { name: "Close action" }).click();
  await expect(page.getByText(/Closed by Priya Shah on .*: The feedback now names the evidence needed\./)).toBeVisible();
  expect(await db.unreadNotificationCount(ASSESSOR)).toBe(unread + 1);
  await expectAccessible(page);
  await shoot(page, "action-closed");
  await page.goto("/quality/actions");
  await expect(page.getByRole("heading", { name: "Actions you raised" })).toBeVisible();
  await expectAccessible(page);
  await shoot(page, "actions-iqa");
});

test("learners and verifiers never see a review; the pages answer not found", async ({ page }) => {
  const fixture = await db.qualityFixture();
  for (const who of ["learner@northgate.example", "verifier@northgate.example"]) {
    await switchTo(page, who);
    for (const path of [`/quality/reviews/${fixture.reviewId}`, `/quality/actions/${fixture.actionId}`, `/quality/items/${fixture.planItemId}`]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 }), `${who} at ${path}`).toContainText(/not found/i);
    }
  }
  await switchTo(page, IQA);
  await page.goto(`/quality/items/${fixture.planItemId}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Sampled: Jordan Lee");
  await expectAccessible(page);
  await shoot(page, "item");
});
