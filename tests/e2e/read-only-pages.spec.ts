import { enrolmentOf, userId } from "./db";
import { expect, expectAccessible, signInAs, test } from "./fixtures";

test("an admin reads the outbox", async ({ page }) => {
  await signInAs(page, "admin@northgate.example");
  await page.goto("/outbox");
  await expect(page.getByRole("heading", { level: 1, name: "Outbox" })).toBeVisible();
  await expectAccessible(page);
});

test("a learner reads their tracking matrix across units", async ({ page }) => {
  const learner = await userId("learner@northgate.example");
  await signInAs(page, "learner@northgate.example");
  await page.goto(`/learners/${learner}/matrix`);
  await expect(page.getByRole("heading", { name: "Tracking matrix: Jordan Lee, all units" })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "AG26 3.3" })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "CPC 308 K21" })).toBeVisible();
  await expectAccessible(page);
});

test("an IQA reads a learner's evidence and review screen without any controls", async ({ page }) => {
  await signInAs(page, "iqa@northgate.example");
  await page.goto("/evidence?q=rota");
  await page.getByRole("link", { name: "Photo of the rota planning board" }).click();
  await expect(page.getByRole("img", { name: "Preview of rota-board.png" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Withdraw" })).toHaveCount(0);
  await expect(page.getByLabel("New comment")).toHaveCount(0);
  await expectAccessible(page);
  const enrolment = await enrolmentOf("learner2@northgate.example", "CPC308");
  await page.goto(`/enrolments/${enrolment.id}/review`);
  await expect(page.getByRole("heading", { name: /Review: Casey Morgan, CPC 308/ })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Criteria" }).getByRole("link", { name: /^A1: / })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Sign (\d+ )?decisions?$/ })).toHaveCount(0);
  await expect(page.getByLabel("Met", { exact: true })).toHaveCount(0);
  await expectAccessible(page);
});

test("a made-up witness link gets a clear page", async ({ page }) => {
  await page.goto("/witness/this-is-not-a-real-token-0123456789");
  await expect(page.getByRole("heading", { name: "This link is not valid" })).toBeVisible();
  await expectAccessible(page);
});
