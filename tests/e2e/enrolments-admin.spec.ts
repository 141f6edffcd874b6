import type { Page } from "@playwright/test";
import { fillDate } from "./date-input";
import * as db from "./db";
import { NARROW, expect, expectAccessible, signInAs, test } from "./fixtures";
import { shotsDir } from "./shots";

// Issue 11, points 3 and 4: a centre admin enrols a learner and assigns an assessor, who sees the
// learner on their caseload at once; then imports a CSV file with good and bad rows.

const run = Date.now().toString(36);
// Each journey visits several pages and runs axe on each: more than the default minute on a shared machine.
test.describe.configure({ timeout: 240_000 });
const SHOTS = shotsDir("enrolments");

/** The page at 1280 and at 320 px wide, for a person to look at; axe at both widths. */
async function shoot(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${SHOTS}/${name}-1280.png`, fullPage: true });
  await page.setViewportSize(NARROW);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(NARROW.width);
  await page.screenshot({ path: `${SHOTS}/${name}-320.png`, fullPage: true });
  await expectAccessible(page);
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("an admin enrols a learner and assigns an assessor, who then sees the learner on the caseload", async ({ page }) => {
  const learner = await db.addNorthgatePerson({ email: `newcomer-${run}@northgate.example`, name: `Robin Newcomer ${run}`, role: "LEARNER" });
  const second = await db.addNorthgatePerson({ email: `dana-${run}@northgate.example`, name: `Dana Second ${run}`, role: "ASSESSOR" });
  await signInAs(page, "admin@northgate.example");
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Enrolments" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Enrolments" })).toBeVisible();
  await shoot(page, "list");

  await page.getByRole("link", { name: "Enrol a learner" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Enrol a learner" })).toBeVisible();
  await expectAccessible(page);
  // An address nobody in the centre has: the message sits beside the field, and what was typed stays.
  await page.getByLabel("Learner's email address").fill(`nobody-${run}@northgate.example`);
  await page.getByLabel("Unit", { exact: true }).selectOption({
    label: "CPC 308 version 1: Contribute to the planning, monitoring and management of resources (Commissioning, Procurement and Contracting)",
  });
  await page.getByLabel("Assessor", { exact: true }).selectOption({ label: "Sam Okafor (assessor@northgate.example)" });
  await fillDate(page, "Start date", "3 11 2026");
  await page.getByRole("button", { name: "Enrol learner" }).click();
  await expect(page.getByText("No learner of this centre has this email address").first()).toBeVisible();
  await expect(page.getByLabel("Learner's email address")).toHaveValue(`nobody-${run}@northgate.example`);
  await expect(page.getByLabel("Learner's email address")).toHaveAttribute("aria-invalid", "true");
  await shoot(page, "enrol-error");

  await page.getByLabel("Learner's email address").fill(learner.email);
  await page.getByRole("button", { name: "Enrol learner" }).click();
  await expect(page.getByText(`${learner.name} is enrolled on`)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(learner.name);
  await expectAccessible(page);

  // Reassign to the second assessor, with a reason: the history keeps both.
  await page.locator("#userId-ASSESSOR").selectOption({ label: `${second.name} (${second.email})` });
  await page.locator("#reason-ASSESSOR").fill("Sam's caseload is full");
  await page.getByRole("button", { name: "Change assessor", exact: true }).click();
  const history = page.getByRole("region", { name: "Assignment history" });
  await expect(history.getByText("Sam's caseload is full")).toBeVisible();
  await expect(history.getByText(second.name)).toBeVisible();
  await expect(history.getByText("Sam Okafor")).toBeVisible();
  await shoot(page, "detail");
  const [enrolment] = await db.enrolmentsOf(learner.email);
  expect(enrolment).toMatchObject({ assessor: { email: second.email }, _count: { assignments: 2 } });

  // The new assessor sees the learner on their caseload straight away.
  await page.context().clearCookies();
  await signInAs(page, second.email);
  await page.goto("/caseload");
  await expect(page.getByRole("link", { name: new RegExp(learner.name) })).toBeVisible();
  await expectAccessible(page);
});

test("an admin imports learners from a CSV file: the preview shows errors, confirming applies the good rows, the same file again changes nothing", async ({
  page,
}) => {
  const good = `import-${run}@northgate.example`;
  const csv = [
    "Name,Email,Unit codes,Assessor email,IQA email,Start date",
    `"Quinn, Imported",${good},CPC308;AG26,assessor@northgate.example,iqa@northgate.example,3/11/2026`,
    `Bad Date,baddate-${run}@northgate.example,AG26,,,31/2/2026`,
    `Bad Unit,badunit-${run}@northgate.example,NOPE1,,,3/11/2026`,
  ].join("\r\n");
  const upload = async () => {
    await page.goto("/centre/import");
    await page.getByLabel("CSV file of learners").setInputFiles({ name: "learners.csv", mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${csv}\r\n`) });
    await page.getByRole("button", { name: "Check file" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /learners\.csv/ })).toBeVisible();
  };

  await signInAs(page, "admin@northgate.example");
  await page.goto("/centre/import");
  await expect(page.getByRole("heading", { level: 1, name: "Import learners" })).toBeVisible();
  const template = await page.request.get("/centre/import/template");
  expect(template.status()).toBe(200);
  expect(await template.text()).toMatch(/^Name,Email,Unit codes,Assessor email,IQA email,Start date\r\n/);
  await shoot(page, "import");

  await upload();
  const rows = page.getByRole("region", { name: "Rows of the file" });
  await expect(
    rows.getByText("New learner, invited by email; enrol on CPC 308 version 1 and AG26 version 1 (assessor Sam Okafor, IQA Priya Shah)"),
  ).toBeVisible();
  await expect(rows.getByText(/Row 3, column “Start date”: “31\/2\/2026” is not a real date/)).toBeVisible();
  await expect(rows.getByText(/Row 4, column “Unit codes”: No published unit has the code NOPE1/)).toBeVisible();
  expect(await db.enrolmentsOf(good)).toHaveLength(0);
  await shoot(page, "preview");

  await page.getByRole("button", { name: "Import 1 row" }).click();
  await expect(page.getByText(/^Imported .*: 1 new learner invited, 2 enrolments made/)).toBeVisible();
  expect((await db.enrolmentsOf(good)).map((e) => e.unit.code).sort()).toEqual(["AG26", "CPC308"]);
  await expectAccessible(page);

  // The same file again: the good row is now "No change", and there is nothing to import.
  await upload();
  await expect(rows.getByText("No change")).toBeVisible();
  await expect(page.getByText("Nothing to import: every row is either unchanged or has a problem.")).toBeVisible();
  await expect(page.getByRole("button", { name: /^Import/ })).toHaveCount(0);
  await shoot(page, "reimport");
});
