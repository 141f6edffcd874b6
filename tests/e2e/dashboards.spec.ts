import type { Page } from "@playwright/test";
import { formatDate, isoDay } from "@/lib/format";
import * as db from "./db";
import { fillDate } from "./date-input";
import { expect, expectAccessible, signInAs, test } from "./fixtures";

// Each role's home says what to do next, with counts that match the data and lead to their lists.
// Checked at desktop width and at 320 px, where nothing may scroll sideways.

async function checkNarrowAndWide(page: Page) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await expectAccessible(page);
  await page.setViewportSize({ width: 320, height: 640 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await expectAccessible(page);
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** The count card of that label in the list of counts, and the number it shows. */
const countCard = (page: Page, list: string, label: string) =>
  page
    .getByRole("list", { name: list })
    .getByRole("listitem")
    .filter({ has: page.getByText(label, { exact: true }) });
const countOf = async (page: Page, list: string, label: string) => Number((await countCard(page, list, label).locator("span").first().textContent()) ?? NaN);

test("a learner with no evidence yet is told how to start, and sees a plan to agree and its target date as next steps", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signInAs(page, "learner3@northgate.example");
  await page.goto("/");
  const cpc = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: /^CPC 308:/ }) });
  await expect(cpc.getByText("Criteria in CPC 308")).toBeVisible();
  await expect(cpc.getByText("Met: 0", { exact: true })).toBeVisible();
  await expect(cpc.getByText("No evidence: 43", { exact: true })).toBeVisible();
  await expect(cpc.getByRole("link", { name: "add your first piece for CPC 308" })).toHaveAttribute("href", "/evidence/new");
  await expect(cpc.getByRole("link", { name: "Progress in CPC 308" })).toHaveAttribute("href", /^\/enrolments\/[^/]+\/progress$/);
  await expect(cpc.getByRole("link", { name: "Assessment plan for CPC 308" })).toHaveAttribute("href", /^\/enrolments\/[^/]+\/plan$/);
  const steps = page.getByRole("region", { name: "Next steps" });
  await expect(steps.getByText("Nothing is waiting for you.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Recent feedback" }).getByText("No feedback yet.")).toBeVisible();
  await checkNarrowAndWide(page);

  // The assessor drafts and signs a CPC 308 plan with a target a week away.
  const target = new Date(Date.now() + 7 * 86_400_000);
  const [year, month, day] = isoDay(target).split("-");
  const assessor = await (await browser.newContext()).newPage();
  await signInAs(assessor, "assessor@northgate.example");
  await assessor.goto("/");
  await assessor.getByRole("link", { name: "plan of Taylor Evans for CPC 308" }).click();
  await assessor.getByLabel("A1", { exact: true }).check();
  await assessor.getByLabel("Task").fill("Show the rota you planned against the budget");
  await fillDate(assessor, "Target date", `${Number(day)} ${Number(month)} ${year}`);
  await assessor.getByRole("button", { name: "Save plan" }).click();
  await expect(assessor.getByRole("status")).toHaveText("Plan saved.");
  await assessor.getByLabel(/Type your full name to sign version 1/).fill("Sam Okafor");
  await assessor.getByRole("button", { name: "Sign plan" }).click();
  await expect(assessor.getByText("Signed by Sam Okafor (assessor)")).toBeVisible();

  // The learner is asked to agree it, and follows the step to the plan.
  await page.reload();
  await steps.getByRole("link", { name: "Agree your assessment plan for CPC 308" }).click();
  await expect(page).toHaveURL(/\/enrolments\/[^/]+\/plan$/);
  await page.getByLabel(/Type your full name to sign version 1/).fill("Taylor Evans");
  await page.getByRole("button", { name: "Sign plan" }).click();
  await expect(page.getByRole("heading", { name: "Version 1: agreed" })).toBeVisible();

  // Agreed, the plan's target date is the next step, with its date in British form.
  await page.goto("/");
  await expect(steps.getByRole("link", { name: /Agree your assessment plan/ })).toHaveCount(0);
  const step = steps.getByRole("listitem").filter({ hasText: "CPC 308: Show the rota you planned against the budget" });
  await expect(step.getByText(`Due ${formatDate(new Date(`${isoDay(target)}T00:00:00Z`))}`)).toBeVisible();
  await expect(step.getByRole("link")).toHaveAttribute("href", /^\/enrolments\/[^/]+\/plan$/);
  await checkNarrowAndWide(page);
});

test("a learner's rings count each unit's criteria by state, and recent feedback lists the decisions", async ({ page }) => {
  await signInAs(page, "learner@northgate.example");
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 2 })).toHaveText(["My units", "Next steps", "Recent feedback"]);
  for (const [unit, code] of [
    ["CPC308", "CPC 308"],
    ["AG26", "AG26"],
  ] as const) {
    const s = await db.criterionStates("learner@northgate.example", unit);
    const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: new RegExp(`^${code}:`) }) });
    for (const [label, n] of [
      ["Met", s.met],
      ["Awaiting review", s.awaiting],
      ["Not yet met", s.notYetMet],
      ["No evidence", s.noEvidence],
    ] as const) {
      await expect(card.getByText(`${label}: ${n}`, { exact: true })).toBeVisible();
    }
    await expect(card.getByText(`${s.met}/${s.total}`, { exact: true })).toBeAttached();
  }
  const decisions = await db.decisionCountOf("learner@northgate.example");
  const feedback = page.getByRole("region", { name: "Recent feedback" });
  if (decisions === 0) await expect(feedback.getByText("No feedback yet.")).toBeVisible();
  else await expect(feedback.getByRole("table").locator("tbody tr")).toHaveCount(Math.min(5, decisions));
  await checkNarrowAndWide(page);
});

test("an assessor's counts lead to their lists, and work past the centre's review target shows as overdue", async ({ page }) => {
  const email = "assessor@northgate.example";
  await signInAs(page, email);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 2 })).toHaveText(["What to do next", "My learners", "Quality assurance"]);
  const list = "Counts of what to do";
  const anchors = {
    "Waiting for review": "/caseload?sort=oldest&dir=desc",
    Overdue: "#overdue",
    "Due today": "#due-today",
    "Due in the next 7 days": "#due-week",
    "Records to countersign": "#countersign",
    "Witness requests outstanding": "#witnesses",
    "Nearing completion": "#nearly-done",
  };
  for (const [label, href] of Object.entries(anchors)) await expect(countCard(page, list, label).getByRole("link")).toHaveAttribute("href", href);
  await expect(page.getByRole("region", { name: "Overdue" }).getByText("Nothing is overdue.")).toBeVisible();
  expect(await countOf(page, list, "Overdue")).toBe(0);
  // The demo's work was submitted today: waiting, but not yet overdue.
  const waiting = await db.enrolmentsWaitingFor(email);
  expect(waiting).toBeGreaterThan(0);
  expect(await countOf(page, list, "Waiting for review")).toBe(waiting);
  await expect(page.getByRole("table", { name: "3 learners assigned to you" })).toBeVisible();
  // Learners come a page at a time (20 to a page): three fit on one, so no pager; the caseload has them all.
  const mine = page.getByRole("region", { name: "My learners" });
  await expect(mine.getByRole("navigation", { name: "Pages of my learners" })).toHaveCount(0);
  await expect(mine.getByRole("link", { name: "The caseload" })).toHaveAttribute("href", "/caseload");
  await checkNarrowAndWide(page);

  // A month later, all of it is past the ten-working-day target.
  await db.backdateWaitingWork(email, 30);
  try {
    await page.reload();
    expect(await countOf(page, list, "Overdue")).toBe(waiting);
    expect(await countOf(page, list, "Waiting for review")).toBe(waiting);
    expect(await countOf(page, list, "Due today")).toBe(0);
    expect(await countOf(page, list, "Due in the next 7 days")).toBe(0);
    const overdue = page.getByRole("region", { name: "Overdue" }).getByRole("table");
    await expect(overdue.locator("tbody tr")).toHaveCount(Math.min(5, waiting));
    await expect(overdue.getByText(/^Overdue by \d+ working days$/)).toHaveCount(Math.min(5, waiting));
    await expect(overdue.getByRole("link", { name: /^Review Jordan Lee, CPC 308$/ })).toHaveAttribute("href", /^\/enrolments\/[^/]+\/review$/);
    await countCard(page, list, "Overdue").getByRole("link").click();
    await expect(page).toHaveURL(/#overdue$/);
    await checkNarrowAndWide(page);
  } finally {
    await db.backdateWaitingWork(email, -30);
  }
  await page.reload();
  expect(await countOf(page, list, "Overdue")).toBe(0);
});

test("an IQA sees what to sample, with counts that match the learners they cover", async ({ page }) => {
  await signInAs(page, "iqa@northgate.example");
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 2 })).toHaveText(["Quality assurance", "What to sample", "Assessors and learners I quality-assure"]);
  const covered = await page
    .getByRole("table", { name: "Learners assessed by Sam Okafor" })
    .getByRole("link", { name: /^review of / })
    .count();
  expect(covered).toBe(6);
  expect(await countOf(page, "Counts of what to sample", "Enrolments I cover")).toBe(covered);
  await expect(countCard(page, "Counts of what to sample", "Enrolments I cover").getByRole("link")).toHaveAttribute("href", "#iqa-cover");
  await checkNarrowAndWide(page);
});

test("a verifier sees their centres, when access ends and what they may review", async ({ page }) => {
  await signInAs(page, "verifier@northgate.example");
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 2 })).toHaveText(["What to verify", "Centres I may verify"]);
  const list = "Counts of what to verify";
  expect(await countOf(page, list, "Centres open to me")).toBe(1);
  expect(await countOf(page, list, "Enrolments I may review")).toBe(6);
  await expect(countCard(page, list, "Enrolments I may review")).toContainText("3 learners");
  expect(await countOf(page, list, "Units completed")).toBe(await db.completedEnrolmentCount("northgate"));
  // The demo's access lasts a year: not ending soon, and the date matches the centre's own line.
  expect(await countOf(page, list, "Access ending within 30 days")).toBe(0);
  const until = (
    await page
      .getByRole("region", { name: "Northgate Training", exact: true })
      .getByText(/^Read-only access until/)
      .textContent()
  )?.match(/until (.+?):/)?.[1];
  await expect(countCard(page, list, "Access ending within 30 days")).toContainText(`next ends ${until}`);
  await checkNarrowAndWide(page);
});

test("a centre admin sees what to put right in their centre, with counts that match its tables", async ({ page }) => {
  await signInAs(page, "admin@northgate.example");
  await page.goto("/");
  const list = "What to put right in Northgate Training";
  await expect(page.getByRole("heading", { name: "To put right" })).toBeVisible();
  expect(await countOf(page, list, "Users")).toBe(7);
  expect(await countOf(page, list, "Enrolments")).toBe(6);
  const enrolments = page.getByRole("region", { name: "Northgate Training enrolments" });
  const noIqa = await enrolments.locator('td[data-label="IQA"]', { hasText: "Not assigned" }).count();
  const noAssessor = await enrolments.locator('td[data-label="Assessor"]', { hasText: "Not assigned" }).count();
  expect(await countOf(page, list, "Enrolments with no IQA")).toBe(noIqa);
  expect(await countOf(page, list, "Enrolments with no assessor")).toBe(noAssessor);
  expect(await countOf(page, list, "Learners with no unit")).toBe(0);
  expect(await countOf(page, list, "Disabled accounts")).toBe(0);
  const [users, enrolled] = await Promise.all([
    countCard(page, list, "Users").getByRole("link").getAttribute("href"),
    countCard(page, list, "Enrolments with no IQA").getByRole("link").getAttribute("href"),
  ]);
  await expect(page.locator(users ?? "#none")).toContainText("Users (7)");
  await expect(page.locator(enrolled ?? "#none")).toContainText("Enrolments (6)");
  await checkNarrowAndWide(page);
});
