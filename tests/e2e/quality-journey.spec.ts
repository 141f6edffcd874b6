import type { Page } from "@playwright/test";
import { fillDate } from "./date-input";
import * as db from "./db";
import { PASSWORD, expect, expectAccessible, signInAs, test } from "./fixtures";
import { signVerdict } from "./quality-steps";

// Issue 12's journey end to end: the IQA draws and signs a sample plan, opens a review from its
// item, disagrees with a decision (an action for the assessor); the assessor answers; the IQA
// closes it and reopens the criterion; the assessor decides it again; the plan's report shows it.

const IQA = "iqa@northgate.example";
const ASSESSOR = "assessor@northgate.example";
const run = Date.now().toString(36);
const LEARNER_NAME = `Alex Reid ${run}`;

async function switchTo(page: Page, email: string) {
  await page.context().clearCookies();
  await signInAs(page, email);
}

/** On the review screen: "Not yet met" on each criterion with feedback, signed at once. */
async function notYetMet(page: Page, enrolmentId: string, codes: string[]) {
  await page.goto(`/enrolments/${enrolmentId}/review`);
  const nav = page.getByRole("navigation", { name: "Criteria" });
  for (const code of codes) {
    await nav.getByRole("link", { name: new RegExp(`^${code}: `) }).click();
    const section = page.locator(`[id="criterion-${code}"]`);
    await section.getByLabel("Not yet met", { exact: true }).check();
    await section.getByLabel("Feedback (required for Not yet met)").fill(`Say what you did for ${code}.`);
  }
  const sign = page.getByRole("form", { name: "Sign your decisions" });
  await sign.getByLabel("Your full name, to sign").fill("Sam Okafor");
  await sign.getByRole("button", { name: codes.length === 1 ? "Sign 1 decision" : `Sign ${codes.length} decisions` }).click();
  await expect(sign.getByRole("status")).toHaveText(codes.length === 1 ? "1 decision signed." : `${codes.length} decisions signed.`);
}

test("plan, review, disagreement, action answered and closed, criterion reopened and decided again", async ({ page }) => {
  test.setTimeout(300_000);
  const learner = await db.enrolNewNorthgateLearner({ email: `journey-${run}@northgate.example`, name: LEARNER_NAME, unit: "CPC308" });

  await signInAs(page, ASSESSOR);
  await notYetMet(page, learner.enrolmentId, ["A1", "A2"]);

  // The IQA sees the unit ready to sample, then draws a plan and makes sure the unit is in it.
  await switchTo(page, IQA);
  await page.goto("/");
  await expect(page.getByRole("link", { name: `Sample ${LEARNER_NAME}, CPC 308` })).toBeVisible();
  await page.goto("/quality/plans/new");
  const title = `Journey sample ${run}`;
  await page.getByLabel("Title").fill(title);
  await fillDate(page, "First day of the period", "1 1 2026");
  await fillDate(page, "Last day of the period", "31 12 2026");
  await page.getByRole("button", { name: "Draw the plan" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const itemLink = page.getByRole("link", { name: `Review ${LEARNER_NAME}'s CPC 308` });
  if ((await itemLink.count()) === 0) {
    await page.getByLabel("Learner and unit").selectOption({ label: `${LEARNER_NAME}, CPC 308 (assessor Sam Okafor)` });
    await page.getByLabel("Why you are adding it").fill("A new learner this term");
    await page.getByRole("button", { name: "Add to the plan" }).click();
    await expect(page.getByText("Added by the IQA: A new learner this term")).toBeVisible();
  }
  await page.getByLabel("Your full name, to sign").fill("Priya Shah");
  await page.getByLabel("Your password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign the plan" }).click();
  await expect(page.getByText("This plan is signed and can no longer be changed.")).toBeVisible();
  const planUrl = page.url();

  // The review opens from the plan's item, frozen as it is now.
  await page
    .getByRole("link", { name: `Review ${LEARNER_NAME}'s CPC 308` })
    .first()
    .click();
  await page.getByRole("button", { name: "Open review" }).click();
  await expect(page).toHaveURL(/\/quality\/reviews\/[0-9a-f-]{36}$/);
  await expect(page.getByText("0 of 2 items reviewed")).toBeVisible();
  await signVerdict(page, "A1", { agree: true, feedback: "Clear feedback." });
  await expect(page.getByText("1 of 2 items reviewed")).toBeVisible();
  await signVerdict(page, "A2", {
    agree: false,
    feedback: "A2 was met by the rota evidence: decide again.",
    action: "Look at the rota evidence and decide A2 again.",
  });
  await expect(page.getByText(/2 of 2 items reviewed; completed on/)).toBeVisible();
  await expectAccessible(page);

  // The assessor finds the action on their home and answers it.
  await switchTo(page, ASSESSOR);
  await page.goto("/");
  const action = page.getByRole("link", { name: "Review your decision on CPC 308 A2" }).first();
  await expect(action).toBeVisible();
  await action.click();
  await page.getByLabel("Your response").fill("Agreed: I will decide A2 again once it is reopened.");
  await page.getByRole("button", { name: "Send response" }).click();
  await expect(page.getByText("Agreed: I will decide A2 again once it is reopened.")).toBeVisible();
  const actionUrl = page.url();

  // The IQA closes it and reopens A2.
  await switchTo(page, IQA);
  await page.goto(actionUrl);
  await page.getByLabel("Closing note").fill("Answered; A2 reopened for a new decision.");
  await page.getByRole("button", { name: "Close action" }).click();
  await expect(page.getByText(/Closed by Priya Shah on /)).toBeVisible();
  await page.getByRole("link", { name: "Reopen a criterion on this unit" }).click();
  const row = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: /^A2:/ }) });
  await row.getByText("Reopen A2").first().click();
  await row.getByLabel("Why reopen A2?").fill("The IQA disagreed: see the closed action.");
  await row.getByRole("button", { name: "Reopen A2" }).click();
  await expect(row.getByText(/Cannot be reopened now: Reopened/)).toBeVisible();
  await expectAccessible(page);

  // The assessor decides A2 again; it is no longer reopened.
  await switchTo(page, ASSESSOR);
  await page.goto(`/enrolments/${learner.enrolmentId}/review`);
  await expect(page.getByRole("navigation", { name: "Criteria" }).getByRole("link", { name: "A2: Reopened" })).toBeVisible();
  await notYetMet(page, learner.enrolmentId, ["A2"]);
  await expect(page.getByRole("navigation", { name: "Criteria" }).getByRole("link", { name: /^A2: Not yet met/ })).toBeVisible();

  // The plan's report holds the verdicts and the closed action.
  await switchTo(page, IQA);
  await page.goto(planUrl);
  await page.getByRole("link", { name: "Report for a verifier" }).click();
  const verdicts = page.getByRole("table", { name: /IQA verdicts/ });
  await expect(verdicts.getByRole("row").filter({ hasText: LEARNER_NAME }).filter({ hasText: "Disagreed" })).toHaveCount(1);
  await expect(page.getByRole("table", { name: /Actions/ }).getByText(/^Closed /)).toBeVisible();
  await expectAccessible(page);
});
