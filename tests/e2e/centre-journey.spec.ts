import { fillDate } from "./date-input";
import { expect, expectAccessible, signInAs, test } from "./fixtures";
import { choosePassword, invite, linkMailedTo, signInWithForm } from "./people-steps";

// Issue 11's journey in one go: a centre admin creates a learner and an assessor, enrols and assigns
// them; the learner sets a password from the emailed link and sees the unit; the assessor sees the
// learner on the caseload.

const run = Date.now().toString(36);

test("a new learner and assessor, from invitation to the unit and the caseload", async ({ page, browser }) => {
  test.setTimeout(300_000);
  const learner = { name: `Jo Journey ${run}`, email: `jo-${run}@northgate.example`, password: "a learner's long password" };
  const assessor = { name: `Ash Journey ${run}`, email: `ash-${run}@northgate.example`, password: "an assessor's long password" };
  const nav = page.getByRole("navigation", { name: "Main" });

  await signInAs(page, "admin@northgate.example");
  await page.goto("/");
  await nav.getByRole("link", { name: "People" }).click();
  await invite(page, learner.name, learner.email, "Learner");
  await nav.getByRole("link", { name: "People" }).click();
  await invite(page, assessor.name, assessor.email, "Assessor");

  await nav.getByRole("link", { name: "Enrolments" }).click();
  await page.getByRole("link", { name: "Enrol a learner" }).click();
  await page.getByLabel("Learner's email address").fill(learner.email);
  await page.getByLabel("Unit", { exact: true }).selectOption({ label: "AG26 version 1: Negotiate and maintain service agreements" });
  await page.getByLabel("Assessor", { exact: true }).selectOption({ label: `${assessor.name} (${assessor.email})` });
  await fillDate(page, "Start date", "3 11 2026");
  await page.getByRole("button", { name: "Enrol learner" }).click();
  await expect(page.getByText(`${learner.name} is enrolled on`)).toBeVisible();
  await expectAccessible(page);

  for (const person of [learner, assessor]) await expect.poll(() => linkMailedTo(person.email)).toBeTruthy();

  const learnerContext = await browser.newContext();
  const learnerPage = await learnerContext.newPage();
  await choosePassword(learnerPage, linkMailedTo(learner.email) ?? "", learner.password);
  await signInWithForm(learnerPage, learner.email, learner.password);
  await expect(learnerPage.getByRole("heading", { name: `Welcome, ${learner.name}` })).toBeVisible();
  await expect(learnerPage.getByRole("main").getByText(/AG26/).first()).toBeVisible();
  await expectAccessible(learnerPage);
  await learnerContext.close();

  const assessorContext = await browser.newContext();
  const assessorPage = await assessorContext.newPage();
  await choosePassword(assessorPage, linkMailedTo(assessor.email) ?? "", assessor.password);
  await signInWithForm(assessorPage, assessor.email, assessor.password);
  await assessorPage.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Caseload" }).click();
  await expect(assessorPage.getByRole("heading", { level: 1, name: "Caseload" })).toBeVisible();
  await expect(assessorPage.getByRole("rowheader", { name: `${learner.name}, AG26` })).toBeVisible();
  await expectAccessible(assessorPage);
  await assessorContext.close();
});
