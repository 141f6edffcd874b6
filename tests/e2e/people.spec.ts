import type { Page } from "@playwright/test";
import { NARROW, expect, expectAccessible, pageWidth, signInAs, test } from "./fixtures";
import { choosePassword, invite, linkMailedTo, signInWithForm } from "./people-steps";
import { shotsDir } from "./shots";

const SHOTS = shotsDir("people");
const stamp = Date.now().toString(36);

/** The page at 1280 and 320 px wide, saved for a person to look at; it must not scroll sideways when narrow. */
async function shoot(page: Page, name: string) {
  const size = page.viewportSize() ?? { width: 1280, height: 800 };
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: `${SHOTS}/${name}-1280.png`, fullPage: true });
  await page.setViewportSize(NARROW);
  expect(await pageWidth(page), `${name} at 320 px`).toBeLessThanOrEqual(NARROW.width);
  await page.screenshot({ path: `${SHOTS}/${name}-320.png`, fullPage: true });
  await page.setViewportSize(size);
}

test("the admin invites a learner and an assessor; the learner sets a password from the emailed link and signs in", async ({ page, browser }) => {
  test.setTimeout(300_000);
  const learner = { name: "Lina Newlearner", email: `lina-${stamp}@northgate.example` };
  const assessor = { name: "Arlo Newassessor", email: `arlo-${stamp}@northgate.example` };
  await signInAs(page, "admin@northgate.example");
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "People" }).click();
  await expect(page.getByRole("heading", { name: "People", level: 1 })).toBeVisible();
  await expectAccessible(page);
  await shoot(page, "people-list");

  await invite(page, learner.name, learner.email, "Learner");
  await page.getByRole("link", { name: "Back to people" }).click();
  await page.getByRole("link", { name: "Invite a person" }).click();
  await shoot(page, "invite");
  await page.goBack();
  await invite(page, assessor.name, assessor.email, "Assessor");
  await expect(page.getByText("Invited", { exact: true })).toBeVisible();
  await shoot(page, "person-invited");

  await page.goto(`/centre/people?q=${stamp}`);
  await expect(page.getByRole("row", { name: new RegExp(`${learner.name}.*Learner.*Invited`) })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(`${assessor.name}.*Assessor.*Invited`) })).toBeVisible();

  await expect.poll(() => linkMailedTo(learner.email)).toBeTruthy();
  expect(linkMailedTo(assessor.email)).toBeTruthy();
  const link = linkMailedTo(learner.email) ?? "";
  const context = await browser.newContext();
  const newcomer = await context.newPage();
  await newcomer.goto(link);
  await expect(newcomer.getByRole("heading", { name: "Choose your password" })).toBeVisible();
  await expect(newcomer.getByText(`For the Attest account of ${learner.name}, ${learner.email}`)).toBeVisible();
  await shoot(newcomer, "set-password");
  await newcomer.getByLabel("New password", { exact: true }).fill("a learner's long password");
  await newcomer.getByLabel("New password again").fill("a learner's long passwort");
  await newcomer.getByRole("button", { name: "Save password" }).click();
  await expect(newcomer.getByText("The two new passwords are not the same").first()).toBeVisible();
  await expectAccessible(newcomer);
  await choosePassword(newcomer, link, "a learner's long password");
  await expectAccessible(newcomer);
  await signInWithForm(newcomer, learner.email, "a learner's long password");
  await expect(newcomer.getByRole("heading", { name: `Welcome, ${learner.name}` })).toBeVisible();
  // The link worked once.
  await newcomer.goto(link);
  await expect(newcomer.getByRole("heading", { name: "This link does not work" })).toBeVisible();
  await expect(newcomer.getByRole("link", { name: "Ask for a new link" })).toBeVisible();
  await expectAccessible(newcomer);
  await shoot(newcomer, "set-password-not-valid");
  await context.close();

  // The admin sees the learner active now, and can deactivate them with a reason.
  await page.goto(`/centre/people?q=${stamp}`);
  await page.getByRole("link", { name: learner.name }).click();
  await expect(page.getByText("Active", { exact: true })).toBeVisible();
  await page.getByRole("form", { name: "Deactivate" }).getByLabel("Reason", { exact: true }).fill("Invited by mistake");
  await page.getByRole("button", { name: "Deactivate account" }).click();
  await expect(page.getByRole("button", { name: "Reactivate account" })).toBeVisible();
  // The reactivate form is a new form: it neither claims to have run nor keeps the reason typed for deactivating.
  await expect(page.getByText("Account reactivated")).toHaveCount(0);
  await expect(page.getByRole("form", { name: "Reactivate" }).getByLabel("Reason (optional)")).toHaveValue("");
  await expect(page.getByRole("cell", { name: "Invited by mistake" })).toBeVisible();
  await expectAccessible(page);
  await shoot(page, "person-deactivated");
});

test("forgotten password: the same answer for any address, and a reset link by email that works once", async ({ page }) => {
  test.setTimeout(300_000);
  const person = { name: "Fern Forgetful", email: `fern-${stamp}@northgate.example` };
  await signInAs(page, "admin@northgate.example");
  await page.goto("/centre/people");
  await invite(page, person.name, person.email, "Learner");
  await expect.poll(() => linkMailedTo(person.email)).toBeTruthy();
  await page.context().clearCookies();
  await choosePassword(page, linkMailedTo(person.email) ?? "", "my first long password");

  await page.getByRole("link", { name: "Forgotten your password?" }).click();
  await expect(page.getByRole("heading", { name: "Forgotten password" })).toBeVisible();
  await expectAccessible(page);
  await shoot(page, "forgot-password");
  await page.getByLabel("Email address").fill(`nobody-${stamp}@northgate.example`);
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  const unknownAnswer = await page.locator("main").innerText();
  await expectAccessible(page);
  await shoot(page, "forgot-password-sent");

  const inviteLink = linkMailedTo(person.email);
  await page.goto("/forgot-password");
  await page.getByLabel("Email address").fill(person.email.toUpperCase());
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  expect(await page.locator("main").innerText()).toBe(unknownAnswer);
  await expect.poll(() => linkMailedTo(person.email)).not.toBe(inviteLink);
  const reset = linkMailedTo(person.email) ?? "";
  await page.goto(reset);
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await choosePassword(page, reset, "my second long password");
  await signInWithForm(page, person.email, "my second long password");
  await expect(page.getByRole("heading", { name: `Welcome, ${person.name}` })).toBeVisible();

  await page.goto("/account/password");
  await expectAccessible(page);
  await shoot(page, "account");
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page.getByText("You have been signed out everywhere, on this device and any other.")).toBeVisible();
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
});
