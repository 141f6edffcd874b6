import type { Page } from "@playwright/test";
import { expect, expectAccessible, signInAs, test } from "./fixtures";
import { fillDate } from "./date-input";
import { must } from "@/lib/must";

// Keyboard-first: open the criterion from the navigator, choose with M or N (and give feedback).
async function choose(page: Page, code: string, outcome: "Met" | "Not yet met", feedback = "") {
  await page
    .getByRole("navigation", { name: "Criteria" })
    .getByRole("link", { name: new RegExp(`^${code.replace(".", "\\.")}: `) })
    .click();
  const section = page.locator(`[id="criterion-${code}"]`);
  await expect(section).toBeFocused();
  await page.keyboard.press(outcome === "Met" ? "m" : "n");
  await expect(section.getByLabel(outcome, { exact: true })).toBeChecked();
  if (feedback) await section.getByLabel("Feedback (required for Not yet met)").fill(feedback);
}

// The decisions chosen, signed once with the typed name.
async function signDecisions(page: Page, count: number) {
  const form = page.getByRole("form", { name: "Sign your decisions" });
  await form.getByLabel("Your full name, to sign").fill("Sam Okafor");
  await form.getByLabel("Your full name, to sign").press("Enter");
  await expect(form.getByRole("status")).toHaveText(`${count} decision${count === 1 ? "" : "s"} signed.`);
}

async function decide(page: Page, code: string, outcome: "Met" | "Not yet met", feedback = "") {
  await choose(page, code, outcome, feedback);
  await signDecisions(page, 1);
}

test("an assessor reviews, the learner responds, and a unit is signed off and countersigned", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signInAs(page, "assessor@northgate.example");
  await page.goto("/caseload");
  await expect(page.getByRole("heading", { name: "Caseload" })).toBeVisible();
  await expectAccessible(page);
  await page
    .getByRole("link", { name: "Learner (descending)" })
    .or(page.getByRole("link", { name: /^Learner/ }))
    .first()
    .click();
  await page.getByRole("link", { name: "Jordan Lee, CPC 308" }).click();
  await expect(page.getByRole("heading", { name: /Review: Jordan Lee, CPC 308/ })).toBeVisible();
  await expectAccessible(page);

  // CPC 308 A1: the claim confirmed, then Met, signed.
  const a1 = page.locator('[id="criterion-A1"]');
  await a1.getByRole("button", { name: "Confirm Monthly resource report to the commissioning board shows A1" }).click();
  await expect(a1.getByText("Confirmed by the assessor")).toBeVisible();
  await decide(page, "A1", "Met");
  await expect(a1.locator('[data-state="MET"]')).toHaveText("Met");
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
  await learner
    .getByLabel("What you did and how it shows your competence")
    .fill("The file for the home care agreement. Section 1 now names the council teams (finance, legal, safeguarding) as well as the providers.");
  await learner.getByRole("button", { name: "Save draft" }).click();
  await expect(learner.getByText("Draft saved.")).toBeVisible();
  await learner.getByLabel("I declare that this is my own work.").check();
  await learner.getByLabel(/comes from real work in my workplace/).check();
  await learner.getByRole("button", { name: "Submit for assessment" }).click();
  await expect(learner.getByRole("button", { name: "Withdraw" })).toBeVisible();

  // Back in the assessor's queue: 1.1 met on version 2, then the rest of AG26, all ten signed once.
  await page.reload();
  await page.getByRole("navigation", { name: "Criteria" }).getByRole("link", { name: "1.1: Submitted" }).click();
  await expect(page.locator('[id="criterion-1.1"]').locator('[data-state="EVIDENCE_SUBMITTED"]')).toBeVisible();
  await expect(page.locator('[id="criterion-1.1"]').getByLabel("Service agreement file: home care contract, version 2")).toBeChecked();
  for (const code of ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3"]) await choose(page, code, "Met");
  await signDecisions(page, 10);
  await page.reload();
  await page.getByLabel("Summative comment").fill("Jordan negotiated and monitored the home care agreement consistently over the year.");
  await page.locator("#so-name").fill("Sam Okafor");
  await page.getByRole("button", { name: "Sign off unit" }).click();
  await expect(page.getByText(/Signed off by Sam Okafor on .*Awaiting the learner's countersignature/)).toBeVisible();
  await expect(page.getByRole("button", { name: /^Sign (\d+ )?decisions?$/ })).toHaveCount(0);
  await expectAccessible(page);

  // The learner countersigns; the unit is completed.
  await learner.goto("/notifications");
  await learner.getByRole("link", { name: /AG26 has been signed off/ }).click();
  await learner.getByLabel("Type your full name to countersign the unit").fill("Jordan Lee");
  await learner.getByRole("button", { name: "Countersign unit" }).click();
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
  const csv = await page.request.get(
    must(
      await page.getByRole("link", { name: "Download as CSV" }).getAttribute("href"),
      '(await page.getByRole("link", { name: "Download as CSV" }).getAttribute("href"))',
    ),
  );
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(await csv.text()).toContain("AG26,1.1,met");
  await learnerContext.close();
});

test("an assessor records a professional discussion; the learner countersigns; it plays from the criterion's point", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const { wav } = await import("@/server/demo/sample-files");
  const { mkdtempSync, writeFileSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const recording = `${mkdtempSync(`${tmpdir()}/rec-`)}/discussion.wav`;
  writeFileSync(recording, wav(3));

  await signInAs(page, "assessor@northgate.example");
  await page.goto("/caseload?unit=CPC308");
  await page.getByRole("link", { name: "Casey Morgan, CPC 308" }).click();
  await page.getByRole("link", { name: "Record a professional discussion" }).click();
  await expectAccessible(page);
  await page.getByLabel("Title").fill("Discussion: keeping plans accessible");
  await fillDate(page, "Date", "12 11 2026");
  await page.getByLabel("Topics").fill("Accessible plans; feedback from families");
  await page.getByLabel("Summary").fill("Casey explained how plans are produced in plain English and large print.");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("heading", { name: "Professional discussion" })).toBeVisible();
  await page.getByLabel("Choose one or more files").setInputFiles(recording);
  await expect(page.getByText("1 file uploaded.")).toBeAttached();
  await page.getByText("Map to criteria and scope").click();
  await page.getByLabel("Search criteria").fill("A7");
  await page.getByLabel(/^CPC 308 A7:/).check();
  await page.getByLabel("How this item shows CPC 308 A7").fill("Plain English and large print versions.");
  await page.getByLabel("Where the recording covers A7 (minutes:seconds)").fill("0:02");
  await page.getByRole("button", { name: "Save mapping" }).click();
  await expect(page.getByText("(at 0:02 in the recording)")).toBeVisible();
  await page.getByRole("button", { name: "Send to the learner to countersign" }).click();
  await expect(page.getByText("Sent to the learner to countersign.")).toBeVisible();
  await expectAccessible(page);

  const learnerContext = await browser.newContext();
  const learner = await learnerContext.newPage();
  await signInAs(learner, "learner2@northgate.example");
  await learner.goto("/notifications");
  await learner.getByRole("link", { name: /asks you to countersign the professional discussion/ }).click();
  await learner.getByLabel("Type your full name to countersign").fill("Casey Morgan");
  await learner.getByLabel("I declare that the work recorded here is my own.").check();
  await learner.getByLabel(/comes from real work in my workplace/).check();
  await learner.getByRole("button", { name: "Countersign record" }).click();
  await expect(learner.getByText(/Submitted.*declared as workplace evidence/)).toBeVisible();
  await expectAccessible(learner);
  // Only the assessor who wrote the record may withdraw it; the learner only countersigned it.
  await expect(learner.getByRole("button", { name: "Withdraw" })).toHaveCount(0);
  const recordUrl = learner.url();
  await learnerContext.close();
  await page.goto(recordUrl);
  await expect(page.getByText("No decision relies on this record yet, so you, who wrote it, can withdraw it.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Withdraw" })).toBeVisible();
  await expectAccessible(page);

  await page.goto("/caseload?unit=CPC308");
  await page.getByRole("link", { name: "Casey Morgan, CPC 308" }).click();
  await page.getByRole("navigation", { name: "Criteria" }).getByRole("link", { name: /^A7: / }).click();
  const a7 = page.locator('[id="criterion-A7"]');
  // The recording loads only when opened, and plays from where A7 is covered.
  await expect(a7.locator("audio")).toHaveCount(0);
  await a7.getByText("Play discussion.wav from 0:02, where A7 is covered").click();
  expect(await a7.locator("audio").first().getAttribute("src")).toMatch(/\?inline=1#t=2$/);
});
