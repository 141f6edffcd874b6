import type { Page } from "@playwright/test";
import { expect, expectAccessible, signInAs, test } from "./fixtures";

// Keyboard-first: focus the criterion, choose with M or N, sign with the typed name.
async function decide(page: Page, code: string, outcome: "Met" | "Not yet met", feedback = "") {
  const section = page.locator(`[id="criterion-${code}"]`);
  await section.focus();
  await page.keyboard.press(outcome === "Met" ? "m" : "n");
  await expect(section.getByLabel(outcome, { exact: true })).toBeChecked();
  if (feedback) await section.getByLabel("Feedback (required for Not yet met)").fill(feedback);
  await section.getByLabel("Your full name, to sign").fill("Sam Okafor");
  await section.getByLabel("Your full name, to sign").press("Enter");
  await expect(section.getByRole("status")).toHaveText(`Decision on ${code} signed.`);
}

test("an assessor reviews, the learner responds, and a unit is signed off and countersigned", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signInAs(page, "assessor@northgate.example");
  await page.goto("/caseload");
  await expect(page.getByRole("heading", { name: "Caseload" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Learner (descending)" }).or(page.getByRole("link", { name: /^Learner/ })).first().click();
  await page.getByRole("link", { name: "Jordan Lee, CPC 308" }).click();
  await expect(page.getByRole("heading", { name: /Review: Jordan Lee, CPC 308/ })).toBeVisible();
  await expectAccessible(page);

  // CPC 308 A1: the claim confirmed, then Met, signed.
  const a1 = page.locator('[id="criterion-A1"]');
  await a1.getByRole("button", { name: "Confirm Monthly resource report to the commissioning board shows A1" }).click();
  await expect(a1.getByText("Confirmed by the assessor")).toBeVisible();
  await decide(page, "A1", "Met");
  await expect(a1.locator(".state-met")).toHaveText("✔ Met");
  // J moves to the next criterion.
  await a1.focus();
  await page.keyboard.press("j");
  await expect(page.locator('[id="criterion-A2"]')).toBeFocused();

  // AG26 1.1: not yet met, with feedback.
  await page.goto("/caseload?unit=AG26");
  await page.getByRole("link", { name: "Jordan Lee, AG26" }).click();
  await decide(page, "1.1", "Not yet met", "Name the council teams as well as the providers.");
  await expectAccessible(page);

  // The learner sees the feedback, makes a new version and resubmits.
  const learnerContext = await browser.newContext();
  const learner = await learnerContext.newPage();
  await signInAs(learner, "learner@northgate.example");
  await learner.goto("/notifications");
  await expect(learner.getByRole("link", { name: /AG26 1\.1 is not yet met\. Feedback: Name the council teams/ })).toBeVisible();
  await learner.getByRole("link", { name: /AG26 1\.1 is not yet met/ }).click();
  await expect(learner.getByText("Feedback from Sam Okafor: Name the council teams as well as the providers.")).toBeVisible();
  await expectAccessible(learner);
  await learner.goto("/evidence?q=service+agreement");
  await learner.getByRole("link", { name: "Service agreement file: home care contract" }).click();
  await learner.getByRole("button", { name: "Edit as a new version" }).click();
  await learner.getByText("Edit the details").click();
  await learner.getByLabel("What you did and how it shows your competence").fill("The file for the home care agreement. Section 1 now names the council teams (finance, legal, safeguarding) as well as the providers.");
  await learner.getByRole("button", { name: "Save changes" }).click();
  await expect(learner.getByText("Changes saved.")).toBeVisible();
  await learner.getByLabel("I declare that this is my own work.").check();
  await learner.getByLabel(/comes from real work in my workplace/).check();
  await learner.getByRole("button", { name: "Submit for assessment" }).click();
  await expect(learner.getByRole("button", { name: "Withdraw" })).toBeVisible();

  // Back in the assessor's queue: 1.1 met on version 2, then the rest of AG26.
  await page.reload();
  await expect(page.locator('[id="criterion-1.1"]').locator(".state-evidence_submitted")).toBeVisible();
  await expect(page.locator('[id="criterion-1.1"]').getByLabel("Service agreement file: home care contract, version 2")).toBeChecked();
  for (const code of ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3"]) await decide(page, code, "Met");
  await page.reload();
  await page.getByLabel("Summative comment").fill("Jordan negotiated and monitored the home care agreement consistently over the year.");
  await page.locator("#so-name").fill("Sam Okafor");
  await page.getByRole("button", { name: "Sign off unit" }).click();
  await expect(page.getByText(/Signed off by Sam Okafor on .*Awaiting the learner's countersignature/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign", exact: true })).toHaveCount(0);
  await expectAccessible(page);

  // The learner countersigns; the unit is completed.
  await learner.goto("/notifications");
  await learner.getByRole("link", { name: /AG26 has been signed off/ }).click();
  await learner.getByLabel("Type your full name to countersign the unit").fill("Jordan Lee");
  await learner.getByRole("button", { name: "Countersign" }).click();
  await expect(learner.getByText(/Countersigned by Jordan Lee on .* The unit is completed\./)).toBeVisible();
  await expectAccessible(learner);
  await learner.goto("/");
  await expect(learner.getByRole("region", { name: "My units" }).getByText("Completed")).toBeVisible();

  // The tracking matrix, on screen and as CSV.
  await page.goto("/caseload?unit=AG26");
  await page.getByRole("link", { name: "Jordan Lee, AG26" }).click();
  await page.getByRole("link", { name: "Tracking matrix" }).click();
  await expect(page.getByRole("table", { name: "Criteria (rows) by evidence items (columns)" })).toBeVisible();
  await expectAccessible(page);
  const csv = await page.request.get((await page.getByRole("link", { name: "Download as CSV" }).getAttribute("href"))!);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(await csv.text()).toContain("AG26,1.1,met");
  await learnerContext.close();
});
