import { northgateDraftSamplePlan } from "./db";
import { NARROW, expect, expectAccessible, pageWidth, signInAs, test } from "./fixtures";

// The IQA's reports for an external verifier: a period across the centre and one sample plan, on
// the page and as downloads.

const IQA = "iqa@northgate.example";

test("the IQA reads the centre's report for a period and downloads it as a PDF and as CSV", async ({ page }) => {
  await signInAs(page, IQA);
  await page.goto("/quality/reports?from=2026-01-01&to=2026-12-31");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("IQA report: Northgate");
  await expect(page.getByRole("heading", { name: "Sampled items" })).toBeVisible();
  await expectAccessible(page);
  const pdfHref = await page.getByRole("link", { name: "The whole report (PDF)" }).getAttribute("href");
  const pdf = await page.request.get(pdfHref ?? "");
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
  const csvHref = await page.getByRole("link", { name: "IQA verdicts (CSV)" }).getAttribute("href");
  const csv = await page.request.get(csvHref ?? "");
  expect(csv.headers()["content-disposition"]).toMatch(/attachment; filename="iqa-report-2026-01-01-to-2026-12-31-verdicts\.csv"/);
  expect(await csv.text()).toMatch(/^Learner,Unit,Criterion,Assessor/);

  await page.getByLabel("From").fill("2026-06-01");
  await page.getByRole("button", { name: "Show the period" }).click();
  await expect(page).toHaveURL(/from=2026-06-01/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("1 June 2026");
});

test("a sample plan's report opens for its IQA and is not found for the plan's assessor", async ({ page }) => {
  const plan = (await northgateDraftSamplePlan()).planId;
  await signInAs(page, IQA);
  await page.goto(`/quality/reports/plans/${plan}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("IQA sample report");
  await expectAccessible(page);
  await signInAs(page, "assessor@northgate.example");
  const response = await page.goto(`/quality/reports/plans/${plan}`);
  expect(response?.status()).toBe(404);
});

test.describe(`at ${NARROW.width} px wide`, () => {
  test.use({ viewport: NARROW });
  test("the period report does not scroll sideways", async ({ page }) => {
    await signInAs(page, IQA);
    await page.goto("/quality/reports");
    expect(await pageWidth(page)).toBeLessThanOrEqual(NARROW.width);
    await expectAccessible(page);
  });
});
