import type { Page } from "@playwright/test";
import { decisionCount, enrolmentOf, evidenceFootprint, firstEvidenceOf } from "./db";
import { expect, signInAs, test } from "./fixtures";
import { must } from "@/lib/must";

// Server actions are POST endpoints anyone can call. These tests post the real forms with their
// hidden ids swapped for someone else's, and check the server refuses and changes nothing.

async function victimIds() {
  const item = await firstEvidenceOf("learner@northgate.example", { status: "DRAFT" });
  const riverside = await enrolmentOf("learner@riverside.example");
  return { item: must(item, "item"), riversideEnrolment: riverside.id };
}

async function swapAndSubmit(page: Page, formName: RegExp | string, field: string, value: string, submit: string) {
  const form = page
    .locator("form")
    .filter({ has: page.getByRole("button", { name: submit, exact: true }) })
    .first();
  await form.locator(`input[name="${field}"]`).evaluate((el, v) => ((el as HTMLInputElement).value = v), value);
  await form.getByRole("button", { name: submit, exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: formName })).toBeVisible();
}

test("another learner's ids posted through real forms are refused and change nothing", async ({ page }) => {
  const { item } = await victimIds();
  const before = await evidenceFootprint(item);
  await signInAs(page, "learner2@northgate.example");
  await page.goto("/evidence?state=DRAFT");
  await page.getByRole("link", { name: "Equipment log (draft)" }).click();

  await page.getByLabel("New comment").fill("sneaky");
  await swapAndSubmit(page, /Not found/, "evidenceId", item, "Add comment");

  await page.reload();
  await page.getByText("Map to criteria and scope").click();
  await swapAndSubmit(page, /Not found/, "evidenceId", item, "Save mapping");

  await page.reload();
  await page.getByLabel("I declare that this is my own work.").check();
  await swapAndSubmit(page, /Not found/, "evidenceId", item, "Submit for assessment");

  await page.reload();
  await swapAndSubmit(page, /Not found/, "evidenceId", item, "Delete this draft");

  await page.reload();
  await page.getByText("Request witness testimony").first().click();
  await page.getByLabel("Witness's name").fill("X");
  await page.getByLabel("Witness's email address").fill("x@example.com");
  await page.getByLabel("Their job role").fill("X");
  await page.getByLabel("How they know the learner").fill("X");
  await page.getByLabel("The statement to confirm").fill("X");
  await swapAndSubmit(page, /Not found/, "evidenceId", item, "Request witness testimony");

  const after = await evidenceFootprint(item);
  expect(after).toEqual(before);
});

test("an assessor's decision posted for another centre's enrolment is refused", async ({ page }) => {
  const { riversideEnrolment } = await victimIds();
  await signInAs(page, "assessor@northgate.example");
  await page.goto("/caseload?unit=CPC308");
  await page.getByRole("link", { name: "Casey Morgan, CPC 308" }).click();
  await page.getByRole("navigation", { name: "Criteria" }).getByRole("link", { name: /^B5: / }).click();
  await page.locator('[id="criterion-B5"]').getByLabel("Met", { exact: true }).check();
  const sign = page.getByRole("form", { name: "Sign your decisions" });
  await sign.getByLabel("Your full name, to sign").fill("Sam Okafor");
  await sign.locator('input[name="enrolmentId"]').evaluate((el, v) => ((el as HTMLInputElement).value = v), riversideEnrolment);
  await sign.getByRole("button", { name: "Sign 1 decision" }).click();
  await expect(sign.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText("Not found");
  expect(await decisionCount(riversideEnrolment)).toBe(0);
});

test("a learner cannot open the review screen, the caseload or another learner's matrix", async ({ page }) => {
  const enrolment = await enrolmentOf("learner2@northgate.example");
  await signInAs(page, "learner@northgate.example");
  expect((await page.goto(`/enrolments/${enrolment.id}/review`))?.status()).toBe(404);
  expect((await page.goto("/caseload"))?.status()).toBe(404);
  expect((await page.goto(`/learners/${enrolment.learnerId}/matrix`))?.status()).toBe(404);
});
