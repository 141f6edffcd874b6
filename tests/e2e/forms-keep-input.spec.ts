import type { Locator, Page } from "@playwright/test";
import { enrolmentOf, evidenceIdByTitle } from "./db";
import { expect, expectAccessible, signInAs, test } from "./fixtures";
import { dateGroup, fillDate } from "./date-input";
import { must } from "@/lib/must";

// After a refusal a form keeps everything typed, shows each message beside its field (the control
// is aria-invalid and described by it), and a summary at the top, focused, links to each field.

async function expectFieldError(page: Page, control: Locator, message: RegExp) {
  await expect(control).toHaveAttribute("aria-invalid", "true");
  const describedBy = (await control.getAttribute("aria-describedby")) ?? "";
  const errorId = must(describedBy.split(" ")[0], 'describedBy.split(" ")[0]');
  await expect(page.locator(`[id="${errorId}"]`)).toHaveText(message);
  // The summary at the top has focus and links to the control.
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toBeFocused();
  const controlId = await control.getAttribute("id");
  const link = summary.getByRole("link", { name: message });
  await expect(link).toHaveAttribute("href", `#${controlId}`);
  await link.click();
  await expect(control).toBeFocused();
}

const ids = async () => ({
  enrolment: (await enrolmentOf("learner2@northgate.example", "CPC308")).id,
  draft: await evidenceIdByTitle("Equipment log (draft)", "learner2@northgate.example"),
});

test("add evidence: a date that does not exist is refused beside its boxes, and everything typed stays", async ({ page }) => {
  await signInAs(page, "learner2@northgate.example");
  await page.goto("/evidence/new");
  await page.getByLabel("Title").fill("Supervision notes");
  await page.getByLabel("What you did and how it shows your competence").fill("I wrote up the supervision and the actions we agreed.");
  await page.getByLabel("Method").selectOption("WORK_PRODUCT");
  await fillDate(page, "When the activity took place", "30 2 2026");
  await page.getByLabel("It stays where it is normally kept").check();
  await page.getByLabel("Where it is held").fill("Team drive, Supervision folder");
  await page.getByLabel("Who holds it").fill("Dana, team leader");
  await page.getByLabel("Why it is relevant").fill("It records the agreed actions.");
  await page.getByRole("button", { name: "Save draft" }).click();

  const when = dateGroup(page, "When the activity took place");
  await expectFieldError(page, when.getByLabel("Day"), /The date of the activity must be a real date/);
  await expect(page).toHaveURL(/\/evidence\/new$/);
  await expect(page.getByLabel("Title")).toHaveValue("Supervision notes");
  await expect(page.getByLabel("What you did and how it shows your competence")).toHaveValue("I wrote up the supervision and the actions we agreed.");
  await expect(page.getByLabel("Method")).toHaveValue("WORK_PRODUCT");
  await expect(when.getByLabel("Day")).toHaveValue("30");
  await expect(when.getByLabel("Month")).toHaveValue("2");
  await expect(when.getByLabel("Year")).toHaveValue("2026");
  await expect(page.getByLabel("It stays where it is normally kept")).toBeChecked();
  await expect(page.getByLabel("Where it is held")).toHaveValue("Team drive, Supervision folder");
  await expect(page.getByLabel("Who holds it")).toHaveValue("Dana, team leader");
  await expect(page.getByLabel("Why it is relevant")).toHaveValue("It records the agreed actions.");
  await expectAccessible(page);

  // Corrected, it goes through.
  await fillDate(page, "When the activity took place", "1 10 2026");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("heading", { name: "Supervision notes" })).toBeVisible();
});

test("a decision on the review screen: Not yet met without feedback is refused beside the feedback; the choices stay", async ({ page }) => {
  const { enrolment } = await ids();
  await signInAs(page, "assessor@northgate.example");
  await page.goto(`/enrolments/${enrolment}/review`);
  await page.getByRole("navigation", { name: "Criteria" }).getByRole("link", { name: /^B5: / }).click();
  const b5 = page.locator('[id="criterion-B5"]');
  await b5.getByLabel("Not yet met", { exact: true }).check();
  const form = page.getByRole("form", { name: "Sign your decisions" });
  await form.getByLabel("Your full name, to sign").fill("Sam Okafor");
  await form.getByLabel("Your password").fill("attest-demo");
  await form.getByRole("button", { name: "Sign 1 decision" }).click();

  await expectFieldError(page, b5.getByLabel("Feedback (required for Not yet met)"), /Give feedback: say what is missing for Not yet met/);
  await expect(b5.getByLabel("Not yet met", { exact: true })).toBeChecked();
  await expect(form.getByLabel("Your full name, to sign")).toHaveValue("Sam Okafor");
  await expect(form.getByLabel("Your password")).toHaveValue("attest-demo");
  await expectAccessible(page);
});

test("the plan editor: a target date after 2100 is refused beside it; the items stay", async ({ page }) => {
  const { enrolment } = await ids();
  await signInAs(page, "assessor@northgate.example");
  await page.goto(`/enrolments/${enrolment}/plan`);
  const before = await page.locator("fieldset.plan-item").count();
  await page.getByRole("button", { name: "Add another plan item" }).click();
  await expect(page.locator("fieldset.plan-item")).toHaveCount(before + 1);
  const item = page.locator("fieldset.plan-item").last();
  await item.getByLabel("A1", { exact: true }).check();
  await item.getByLabel("Task").fill("Lead the quarterly review with the provider");
  await fillDate(item, "Target date", "1 1 2101");
  await page.getByRole("button", { name: "Save plan" }).click();

  const target = dateGroup(item, "Target date");
  await expectFieldError(page, target.getByLabel("Day"), /Enter a target date between 1900 and 2100/);
  await expect(item.getByLabel("A1", { exact: true })).toBeChecked();
  await expect(item.getByLabel("Task")).toHaveValue("Lead the quarterly review with the provider");
  await expect(target.getByLabel("Year")).toHaveValue("2101");
  await expectAccessible(page);
});

test("a witness request: an email address without a domain is refused beside it; the rest stays", async ({ page }) => {
  const { draft } = await ids();
  await signInAs(page, "learner2@northgate.example");
  await page.goto(`/evidence/${draft}`);
  await page.getByText("Request witness testimony").first().click();
  await page.getByLabel("Witness's name").fill("Robin Hale");
  await page.getByLabel("Witness's email address").fill("robin@northgate");
  await page.getByLabel("Their job role").fill("Registered manager");
  await page.getByLabel("How they know the learner").fill("Line manager");
  await page.getByLabel("The statement to confirm").fill("Casey logged every equipment loan for a month.");
  await page.getByRole("button", { name: "Request witness testimony" }).click();

  await expectFieldError(page, page.getByLabel("Witness's email address"), /Enter the witness's email address, like name@example.com/);
  await expect(page.getByLabel("Witness's name")).toHaveValue("Robin Hale");
  await expect(page.getByLabel("Witness's email address")).toHaveValue("robin@northgate");
  await expect(page.getByLabel("Their job role")).toHaveValue("Registered manager");
  await expect(page.getByLabel("How they know the learner")).toHaveValue("Line manager");
  await expect(page.getByLabel("The statement to confirm")).toHaveValue("Casey logged every equipment loan for a month.");
  await expectAccessible(page);
});

test("sign-in: a missing password is shown beside it, and a wrong one keeps the email typed", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill("learner2@northgate.example");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expectFieldError(page, page.getByLabel("Password"), /Enter your password/);
  await expect(page.getByLabel("Email address")).toHaveValue("learner2@northgate.example");
  await expectAccessible(page);

  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toContainText(/email or password is not right/);
  await expect(summary).toBeFocused();
  await expect(page.getByLabel("Email address")).toHaveValue("learner2@northgate.example");
  await expect(page.getByLabel("Password")).not.toHaveAttribute("aria-invalid", "true");
});

test("a comment box clears after it is sent, and keeps the text when refused", async ({ page }) => {
  const { draft } = await ids();
  await signInAs(page, "learner2@northgate.example");
  await page.goto(`/evidence/${draft}`);
  const box = page.getByLabel("New comment");
  await box.fill("   ");
  await page.getByRole("button", { name: "Add comment" }).click();
  await expectFieldError(page, box, /Write a comment/);
  await box.fill("Is the loan log enough on its own?");
  await page.getByRole("button", { name: "Add comment" }).click();
  await expect(page.getByText("Is the loan log enough on its own?", { exact: true })).toBeVisible();
  await expect(box).toHaveValue("");
});
