import type { Browser, Page } from "@playwright/test";
import * as db from "./db";
import { NARROW, expect, expectAccessible, signInAs, test } from "./fixtures";
import { shotsDir } from "./shots";

// Issue 12, point 4: the IQA reopens a criterion, the assessor decides it again and the learner
// sees the outcome (never the IQA's reason); the IQA unlocks a signed-off unit, so it must be
// signed off and countersigned again. Each journey has its own new learner.

const run = Date.now().toString(36);
test.describe.configure({ timeout: 240_000 });
const SHOTS = shotsDir();
const REASON = "The feedback does not say which part of the evidence is missing.";
const UNLOCK = "Criterion A1 must be assessed again before the unit is complete.";

/** The page at 1280 and at 320 px wide, for a person to look at; axe at both widths. */
async function shoot(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await expectAccessible(page);
  await page.screenshot({ path: `${SHOTS}/reopen-${name}-1280.png`, fullPage: true });
  await page.setViewportSize(NARROW);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(NARROW.width);
  await page.screenshot({ path: `${SHOTS}/reopen-${name}-320.png`, fullPage: true });
  await expectAccessible(page);
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function as(browser: Browser, email: string) {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, email);
  return page;
}

/** On the review screen: "Not yet met" on a criterion with feedback, signed with the typed name. */
async function notYetMet(page: Page, code: string, feedback: string) {
  const section = page.locator(`[id="criterion-${code}"]`);
  await section.getByLabel("Not yet met", { exact: true }).check();
  await section.getByLabel("Feedback (required for Not yet met)").fill(feedback);
  const form = page.getByRole("form", { name: "Sign your decisions" });
  await form.getByLabel("Your full name, to sign").fill("Sam Okafor");
  await form.getByLabel("Your full name, to sign").press("Enter");
  await expect(form.getByRole("status")).toHaveText("1 decision signed.");
}

test("the IQA reopens a criterion; the assessor decides it again; the learner sees Reopened, then the new outcome, never the reason", async ({ browser }) => {
  const learner = await db.enrolNewNorthgateLearner({ email: `reopen-${run}@northgate.example`, name: "Casey Quinn", unit: "CPC308" });
  const review = `/enrolments/${learner.enrolmentId}/review`;

  const assessor = await as(browser, "assessor@northgate.example");
  await assessor.goto(review);
  await notYetMet(assessor, "A1", "Describe the resources you planned.");

  // The IQA finds the quality page from the review screen and reopens A1 with a reason.
  const iqa = await as(browser, "iqa@northgate.example");
  await iqa.goto(review);
  await iqa.getByRole("link", { name: "Quality assurance" }).click();
  await expect(iqa.getByRole("heading", { level: 1, name: /Quality assurance: Casey Quinn, CPC 308/ })).toBeVisible();
  const a1 = iqa.getByRole("listitem").filter({ has: iqa.getByRole("heading", { name: /^A1:/ }) });
  await expect(a1.getByText("Not yet met").first()).toBeVisible();
  await a1.getByText("Reopen A1").first().click();
  await shoot(iqa, "quality");
  // A reason is required: refused beside the field, nothing changes.
  await a1.getByRole("button", { name: "Reopen A1" }).click();
  await expect(a1.getByLabel("Why reopen A1?")).toBeFocused();
  await a1.getByLabel("Why reopen A1?").fill(REASON);
  await a1.getByRole("button", { name: "Reopen A1" }).click();
  await expect(iqa.getByRole("region", { name: "History" }).getByText(REASON, { exact: false })).toBeVisible();
  await expect(a1.getByText("Cannot be reopened now: Reopened: waiting for the assessor's new decision.")).toBeVisible();
  await shoot(iqa, "quality-reopened");

  // The learner sees Reopened, and not the reason, on their progress page and in their notifications.
  const own = await as(browser, learner.email);
  await own.goto(`/enrolments/${learner.enrolmentId}/progress`);
  await expect(own.locator('[id="criterion-A1"]')).toContainText("Reopened");
  await expect(own.locator('[id="criterion-A1"]')).toContainText("Reopened by quality assurance; the assessor will decide again.");
  await expect(own.getByText(REASON)).toHaveCount(0);
  await shoot(own, "learner-progress-reopened");
  await own.goto("/notifications");
  await expect(own.getByText("Criterion A1 of CPC 308 was reopened by quality assurance; your assessor will decide again.")).toBeVisible();
  await expect(own.getByText(REASON, { exact: false })).toHaveCount(0);

  // The assessor: told why, the criterion in the queue as Reopened, decided again.
  await assessor.goto("/notifications");
  await expect(assessor.getByText(REASON, { exact: false })).toBeVisible();
  await assessor.goto(review);
  const criterion = assessor.locator('[id="criterion-A1"]');
  await expect(criterion.locator('[data-state="REOPENED"]').first()).toHaveText("Reopened");
  await expect(assessor.getByRole("navigation", { name: "Criteria" }).getByRole("link", { name: "A1: Reopened" })).toBeVisible();
  await shoot(assessor, "review-reopened");
  await notYetMet(assessor, "A1", "Name the budget lines you planned for the resources.");
  await expect(criterion.locator('[data-state="NOT_YET_MET"]').first()).toHaveText("Not yet met");
  // The criterion's history: the reopening between the two decisions, with the reason for staff.
  await assessor.goto(`${review}/A1`);
  await expect(assessor.getByText(/Reopened by Priya Shah \(quality assurance\)/)).toBeVisible();
  await expect(assessor.getByText(REASON, { exact: false })).toBeVisible();
  await expect(assessor.getByRole("heading", { name: "Decision history (2)" })).toBeVisible();
  await shoot(assessor, "criterion-history");

  // The learner sees the new outcome; the history names the reopening without the reason.
  await own.goto(`/enrolments/${learner.enrolmentId}/progress`);
  await expect(own.getByText("Feedback from Sam Okafor: Name the budget lines you planned for the resources.")).toBeVisible();
  await own.goto(`${review}/A1`);
  await expect(own.getByText(/Reopened by Priya Shah \(quality assurance\)/)).toBeVisible();
  await expect(own.getByText(REASON, { exact: false })).toHaveCount(0);
  await shoot(own, "learner-criterion-history");

  // Nobody else reaches the quality page.
  await assessor.goto(`/enrolments/${learner.enrolmentId}/quality`);
  await expect(assessor.getByRole("heading", { name: /not found/i })).toBeVisible();
});

test("the IQA unlocks a signed-off unit: it is in progress again and must be signed off and countersigned again", async ({ browser }) => {
  const learner = await db.enrolNewNorthgateLearner({ email: `unlock-${run}@northgate.example`, name: "Robin Hale", unit: "CPC308" });
  await db.signOffBehindTheScenes(learner.enrolmentId, "Robin Hale");
  const iqa = await as(browser, "iqa@northgate.example");
  await iqa.goto(`/enrolments/${learner.enrolmentId}/progress`);
  await iqa.getByRole("link", { name: "Quality assurance" }).click();
  await expect(iqa.getByText(/Signed off by Sam Okafor on .*Countersigned by Robin Hale/)).toBeVisible();
  await iqa.getByLabel("Why unlock the sign-off?").fill(UNLOCK);
  await iqa.getByRole("button", { name: "Unlock sign-off" }).click();
  await expect(iqa.getByText("The unit is not signed off.")).toBeVisible();
  await expect(iqa.getByText(/An earlier sign-off by Sam Okafor .* was unlocked by Priya Shah/)).toContainText(UNLOCK);
  await shoot(iqa, "quality-unlocked");
  expect(await db.enrolmentStatus(learner.enrolmentId)).toBe("IN_PROGRESS");

  const own = await as(browser, learner.email);
  await own.goto(`/enrolments/${learner.enrolmentId}/progress`);
  const signOff = own.getByRole("region", { name: "Unit sign-off" });
  await expect(signOff.getByText(/An earlier sign-off by Sam Okafor .* was unlocked by Priya Shah/)).toBeVisible();
  await expect(signOff).toContainText("Your assessor signs the unit off when every criterion");
  await expect(own.getByText(UNLOCK, { exact: false })).toHaveCount(0);
  await expect(own.getByText("The unit is completed.")).toHaveCount(0);
  await shoot(own, "learner-progress-unlocked");

  const assessor = await as(browser, "assessor@northgate.example");
  await assessor.goto(`/enrolments/${learner.enrolmentId}/review`);
  const section = assessor.getByRole("region", { name: "Unit sign-off" });
  await expect(section).toContainText(UNLOCK);
  await expect(section).toContainText("Not yet:");
  await shoot(assessor, "review-unlocked");
});
