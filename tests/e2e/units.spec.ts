import { expect, expectAccessible, signInAs, test } from "./fixtures";

test.beforeEach(async ({ page }) => signInAs(page, "learner@northgate.example"));

test("the catalogue lists both units", async ({ page }) => {
  await page.goto("/units");
  await expect(
    page.getByRole("link", {
      name: "CPC 308: Contribute to the planning, monitoring and management of resources (Commissioning, Procurement and Contracting)",
    }),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: "AG26: Negotiate and maintain service agreements" })).toBeVisible();
  await expectAccessible(page);
});

test("CPC 308 explains its bold terms to keyboard and screen-reader users", async ({ page }) => {
  await page.goto("/units/CPC308");
  await expect(page.getByRole("heading", { name: "Element A: Contribute to planning the use of resources" })).toBeVisible();
  await expect(page.locator("#criterion-A1 strong")).toHaveText(["information", "people", "resources"]);
  await expectAccessible(page);

  const summary = page.getByText("Explain the terms in A1: information, people, resources");
  await summary.focus();
  await page.keyboard.press("Enter");
  const a1 = page.locator("#criterion-A1");
  await expect(a1.getByText("Scope, Resources: financial; human; physical; time; energy")).toBeVisible();
  await expect(a1.getByRole("link", { name: "People" })).toBeVisible();

  await page.getByText("Explain the term in A4: outcomes").press("Enter");
  await expect(page.getByText("Key word, Outcome: desired result of activities, interventions and / or services")).toBeVisible();
  await expectAccessible(page);

  await expect(page.getByRole("heading", { name: "Theory and practice" })).toBeVisible();
  await expect(page.locator("#criterion-K21")).toContainText("How to access opportunities for professional development");
  await expect(page.getByRole("heading", { name: "Key words and concepts" })).toBeVisible();
});

test("AG26 shows its outcomes, criteria and evidence rules", async ({ page }) => {
  await page.goto("/units/AG26");
  await expect(page.getByRole("heading", { name: "Learning outcome 3: Be able to monitor and evaluate service agreements" })).toBeVisible();
  await expect(page.locator("#criterion-3\\.3")).toContainText("Facilitate the renegotiation of service agreements");
  await expect(page.getByText("Simulation is not allowed for any part of this unit.")).toBeVisible();
  await expect(page.getByText("Direct observation of performance")).toBeVisible();
  await expectAccessible(page);
});

test("an unknown unit is not found", async ({ page }) => {
  const response = await page.goto("/units/NOPE");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expectAccessible(page);
});
