import type { Page } from "@playwright/test";
import * as db from "./db";
import { NARROW, expect, expectAccessible, signInAs, test } from "./fixtures";

// The IQA's sampling strategy and assessors' risk: a unit's own strategy, and a rating that starts
// from Attest's suggestion. axe on every page; screenshots when E2E_SHOTS names a folder.

const IQA = "iqa@northgate.example";

async function shoot(page: Page, name: string) {
  const dir = process.env.E2E_SHOTS;
  if (!dir) return;
  const size = page.viewportSize();
  for (const [label, width] of [
    ["1280", 1280],
    ["320", NARROW.width],
  ] as const) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${dir}/strategy-${name}-${label}.png`, fullPage: true });
  }
  if (size) await page.setViewportSize(size);
}

test("an IQA sets a unit's own strategy, refused first for a percentage out of range", async ({ page }) => {
  await signInAs(page, IQA);
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Quality" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Quality" })).toBeVisible();
  await expectAccessible(page);
  await shoot(page, "hub");
  await page.getByRole("link", { name: "Sampling strategy" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sampling strategy" })).toBeVisible();
  await expectAccessible(page);
  const card = page.getByRole("region", { name: /^CPC308/ });
  await card.getByText("Set a strategy for CPC308 only").click();
  await card.getByLabel("High risk (%)").first().fill("150");
  await card.getByRole("button", { name: "Save CPC308's strategy" }).click();
  await expect(card.getByText("Learners at high risk: enter a whole number from 0 to 100").first()).toBeVisible();
  await expectAccessible(page);
  await shoot(page, "refused");
  await card.getByLabel("High risk (%)").first().fill("75");
  await card.getByRole("checkbox", { name: "Questioning" }).check();
  await card.getByRole("button", { name: "Save CPC308's strategy" }).click();
  await expect(page.getByText("CPC308's strategy is saved.")).toBeVisible();
  await expect(page.getByRole("region", { name: /^CPC308/ }).getByText("This unit's own strategy")).toBeVisible();
  await expect(page.getByRole("region", { name: /^CPC308/ }).getByText("low 10%, medium 25%, high 75%")).toBeVisible();
  const [event] = await db.auditEventsOf({ kind: "quality.strategy_changed", actorEmail: IQA });
  expect(event?.data).toMatchObject({ unitCode: "CPC308", changes: { learnersHigh: { from: null, to: 75 } } });
  await expectAccessible(page);
  await shoot(page, "strategy");
});

test("an IQA rates an assessor, starting from Attest's suggestion", async ({ page }) => {
  await signInAs(page, IQA);
  await page.goto("/quality/assessors");
  await expect(page.getByRole("heading", { level: 1, name: "Assessors and risk" })).toBeVisible();
  await expectAccessible(page);
  await shoot(page, "assessors");
  await page.getByRole("link", { name: "Sam Okafor", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sam Okafor" })).toBeVisible();
  await expectAccessible(page);
  const suggested = (await page.getByRole("heading", { name: /Attest suggests/ }).innerText()).match(/(Low|Medium|High) risk/)?.[1] ?? "";
  expect(suggested).toBeTruthy();
  await page.getByRole("button", { name: "Use this" }).click();
  await expect(page.getByRole("radio", { name: suggested, exact: true })).toBeChecked();
  await expect(page.getByLabel("Reason")).not.toHaveValue("");
  await expect(page.getByRole("heading", { name: "Rate Sam Okafor" })).toBeFocused();
  await shoot(page, "rate");
  await page.getByRole("button", { name: "Save rating" }).click();
  await expect(page.getByText("Rating saved.")).toBeVisible();
  await expect(page.getByRole("table", { name: "Rating history" }).getByRole("row")).toHaveCount(2);
  const [event] = await db.auditEventsOf({ kind: "quality.risk_rated", actorEmail: IQA });
  expect(event?.data).toMatchObject({ level: suggested.toUpperCase(), unitCode: null, method: null });
  await expectAccessible(page);
  await shoot(page, "assessor");
});

test("the quality pages answer not found to an assessor, a learner and another centre's admin", async ({ page }) => {
  const sam = await db.userId("assessor@northgate.example");
  for (const who of ["assessor@northgate.example", "learner@northgate.example", "admin@riverside.example"]) {
    await signInAs(page, who);
    for (const path of ["/quality/strategy", "/quality/assessors", `/quality/assessors/${sam}`]) {
      // Riverside's admin has Riverside's strategy and assessors, never Northgate's assessor.
      if (who === "admin@riverside.example" && path !== `/quality/assessors/${sam}`) continue;
      expect((await page.goto(path))?.status(), `${who} opening ${path}`).toBe(404);
    }
    if (who !== "admin@riverside.example") expect((await page.goto("/quality"))?.status(), `${who} opening /quality`).toBe(404);
  }
});
