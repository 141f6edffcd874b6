import { mkdirSync, readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { NARROW, expect, expectAccessible, signInAs, test } from "./fixtures";
import { shotsDir } from "./shots";

const SHOTS = shotsDir("centre-setup");

async function shoot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  for (const width of [1280, NARROW.width]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

const nav = (page: Page) => page.getByRole("navigation", { name: "Main" });
/** Opens one of the Centre page's sections from the header. */
async function openSection(page: Page, name: string) {
  await nav(page).getByRole("link", { name: "Centre" }).click();
  await page.getByRole("main").getByRole("link", { name, exact: true }).click();
}

test("a centre admin sets the review target and non-working days, manages a unit, and reads the audit log", async ({ page }) => {
  test.setTimeout(180_000);
  await signInAs(page, "admin@northgate.example");
  await page.goto("/");

  // Settings: a bad target is refused beside its field, then a good one is saved.
  await openSection(page, "Settings");
  await expect(page.getByRole("heading", { level: 1, name: "Centre settings" })).toBeVisible();
  await expectAccessible(page);
  const target = page.getByLabel("Review target in working days");
  await target.fill("0");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText(/Review target in working days: use a number from 1 to 60/).first()).toBeVisible();
  await expect(target).toHaveValue("0");
  await target.fill("7");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();

  // Non-working days: one typed in, then the bank holidays.
  await page.getByRole("group", { name: "Day" }).getByLabel("Day", { exact: true }).fill("5");
  await page.getByLabel("Month").fill("1");
  await page.getByLabel("Year").fill("2027");
  await page.getByLabel("Name").fill("Staff training day");
  await page.getByRole("button", { name: "Add day" }).click();
  await expect(page.getByRole("cell", { name: "Staff training day", exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Add bank holidays" }).click();
  await expect(page.getByRole("cell", { name: "Boxing Day (substitute day)", exact: true }).first()).toBeVisible();
  await expectAccessible(page);
  await shoot(page, "settings");
  await page
    .getByRole("form", { name: /Remove Staff training day/ })
    .getByRole("button", { name: "Remove" })
    .click();
  await expect(page.getByRole("cell", { name: "Staff training day", exact: true })).toHaveCount(0);

  // Units: a broken file shows each problem with its path; a good one is previewed, published, retired.
  await openSection(page, "Manage units");
  await expect(page.getByRole("heading", { level: 1, name: "Manage units" })).toBeVisible();
  await expectAccessible(page);
  const unit = JSON.parse(readFileSync("prisma/standards/ag26.json", "utf8")) as Record<string, unknown> & { sections: { criteria: { code: string }[] }[] };
  const code = `E2E${Date.now() % 1_000_000}`;
  const good = { ...unit, code, displayCode: `E2E ${code.slice(3)}`, title: "Checking a unit upload" };
  const bad = structuredClone(good);
  (bad.sections[0]?.criteria[1] as { code: string }).code = "";
  const upload = (name: string, content: unknown) =>
    page.getByLabel("Unit file", { exact: true }).setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(content)) });
  await upload("bad.json", bad);
  await page.getByRole("button", { name: "Upload unit file" }).click();
  await expect(page.locator("p[id$='-error-unitFile']")).toContainText("sections[0].criteria[1].code:");
  await expectAccessible(page);
  await shoot(page, "units-refused");
  await upload("good.json", good);
  await page.getByRole("button", { name: "Upload unit file" }).click();
  await expect(page).toHaveURL(/\/centre\/units\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: `E2E ${code.slice(3)}: Checking a unit upload` })).toBeVisible();
  await expect(page.getByText("Draft", { exact: true })).toBeVisible();
  await expectAccessible(page);
  await shoot(page, "unit-preview");
  await page.getByRole("button", { name: "Publish this version" }).click();
  await expect(page.getByText("Published", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Retire this version" }).click();
  await expect(page.getByText(/Retired on/)).toBeVisible();
  await page.goto("/centre/units");
  const row = page.getByRole("row").filter({ hasText: "Checking a unit upload" });
  await expect(row.getByText("Retired")).toBeVisible();
  await shoot(page, "units");

  // The audit log: filtered to settings changes, its details, and the CSV of what is shown.
  await openSection(page, "Audit log");
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await page.getByLabel("Kind of event").selectOption({ label: "Changed centre settings" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/kind=centre\.settings_changed/);
  const events = page.getByRole("region", { name: "Audit events" });
  await expect(events.getByRole("row")).not.toHaveCount(1);
  await events.locator("summary").first().click();
  await expect(events.getByText("10 → 7").first()).toBeVisible();
  await expect(events.getByText("Published a unit version")).toHaveCount(0);
  await expectAccessible(page);
  await shoot(page, "audit-log");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
  const text = readFileSync(await download.path(), "utf8");
  expect(text.split("\r\n")[0]).toBe("Id,Time (UTC),Person,Email,Kind,Subject,Details");
  expect(text).toContain("centre.settings_changed");
  expect(text).not.toContain("unit.published");

  // Put the demo centre back as other specs expect it.
  await page.goto("/centre/settings");
  await page.getByLabel("Review target in working days").fill("10");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();
});

test("the centre's pages are for its admins only", async ({ page }) => {
  await signInAs(page, "assessor@northgate.example");
  for (const path of ["/centre/settings", "/centre/units", "/centre/audit"]) expect((await page.goto(path))?.status()).toBe(404);
  await expect(nav(page).getByRole("link", { name: "Centre" })).toHaveCount(0);
  expect((await page.goto("/centre"))?.status()).toBe(404);
});
