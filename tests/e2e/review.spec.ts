import * as db from "./db";
import { expect, expectAccessible, signInAs, test } from "./fixtures";
import { must } from "@/lib/must";

// Review at speed: the CPC 308 review of the demo learner loads no file it does not show, stays
// small, and lets the assessor decide several criteria and sign once.

const ASSESSOR = "assessor@northgate.example";

test("the review screen loads no previews until one is opened, and is under 300 KB", async ({ page }) => {
  await signInAs(page, ASSESSOR);
  const { id } = await db.enrolmentOf("learner@northgate.example", "CPC308");
  const files: string[] = [];
  page.on("request", (r) => {
    if (new URL(r.url()).pathname.startsWith("/api/files/")) files.push(r.url());
  });
  const response = await page.goto(`/enrolments/${id}/review`, { waitUntil: "networkidle" });
  expect((await must(response, "response").body()).length).toBeLessThan(300_000);
  expect(files.length).toBeLessThanOrEqual(5);
  await expectAccessible(page);

  // One criterion in focus, its evidence beside its decision; the navigator names every criterion with its state.
  const nav = page.getByRole("navigation", { name: "Criteria" });
  await expect(nav.getByRole("link", { name: /^A2: / })).toBeVisible();
  await expect(page.locator("[data-criterion]:visible")).toHaveCount(1);
  await nav.getByRole("link", { name: /^B1: / }).click();
  const b1 = page.locator('[id="criterion-B1"]');
  await expect(b1).toBeFocused();
  await expect(page.locator("[data-criterion]:visible")).toHaveCount(1);
  const evidence = await b1.locator(`[data-part="evidence"]`).boundingBox();
  const decision = await b1.locator(`[data-part="decision"]`).boundingBox();
  expect(must(decision, "decision").x).toBeGreaterThan(must(evidence, "evidence").x + must(evidence, "evidence").width - 1);

  // Opening a preview is what fetches the file.
  expect(files).toHaveLength(0);
  await b1
    .getByText(/^Preview /)
    .first()
    .click();
  await expect.poll(() => files.length).toBe(1);

  // At 320 px: nothing scrolls sideways, the decision below the evidence.
  await page.setViewportSize({ width: 320, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  const narrowEvidence = await b1.locator(`[data-part="evidence"]`).boundingBox();
  expect(must(await b1.locator(`[data-part="decision"]`).boundingBox(), '(await b1.locator(`[data-part="decision"]`).boundingBox())').y).toBeGreaterThan(
    must(narrowEvidence, "narrowEvidence").y + must(narrowEvidence, "narrowEvidence").height - 1,
  );
  await expectAccessible(page);
});

test("an assessor decides three criteria and signs once: three decisions and three audit events, or none", async ({ page }) => {
  await signInAs(page, ASSESSOR);
  const { id } = await db.enrolmentOf("learner@northgate.example", "CPC308");
  const before = await db.decisionsOf(id);
  const eventsBefore = (await db.auditEventsOf({ kind: "decision.signed", subject: `enrolment:${id}` })).length;
  await page.goto(`/enrolments/${id}/review`);
  const nav = page.getByRole("navigation", { name: "Criteria" });
  const open = async (code: string) => {
    await nav.getByRole("link", { name: new RegExp(`^${code}: `) }).click();
    return page.locator(`[id="criterion-${code}"]`);
  };
  // Two criteria whose evidence can be relied on (other specs may have changed some), and one without evidence.
  const codes = async (state = "") =>
    (
      await nav
        .locator(state ? `li a[aria-label$=": ${state}"]` : "li a[aria-label]")
        .evaluateAll((links) => links.map((l) => l.getAttribute("aria-label") ?? ""))
    ).map((l) => must(l.split(": ")[0], 'l.split(": ")[0]'));
  const met: string[] = [];
  for (const code of await codes("Submitted")) {
    const section = await open(code);
    if ((await section.getByRole("checkbox", { checked: true }).count()) === 0) continue;
    await section.getByLabel("Met", { exact: true }).check();
    met.push(code);
    if (met.length === 2) break;
  }
  expect(met).toHaveLength(2);
  const notYet = must((await codes("No evidence"))[0], '(await codes("No evidence"))[0]');
  await (await open(notYet)).getByLabel("Not yet met", { exact: true }).check();
  const sign = page.getByRole("form", { name: "Sign your decisions" });
  const chosen = (await codes()).filter((c) => met.includes(c) || c === notYet).map((c) => `${c} ${c === notYet ? "Not yet met" : "Met"}`);
  await expect(sign.getByText(`Chosen: ${chosen.join(", ")}.`)).toBeVisible();
  await sign.getByLabel("Your full name, to sign").fill("Sam Okafor");

  // Not yet met without feedback: the whole batch is refused, the message beside that criterion's feedback.
  await sign.getByRole("button", { name: "Sign 3 decisions" }).click();
  await expect(sign.getByRole("alert")).toContainText(`${notYet}: Give feedback: say what is missing for Not yet met`);
  expect(await db.decisionsOf(id)).toEqual(before);
  await sign.getByRole("link", { name: `${notYet}: Give feedback: say what is missing for Not yet met` }).click();
  const feedback = page.locator(`[id="criterion-${notYet}"]`).getByLabel("Feedback (required for Not yet met)");
  await expect(feedback).toBeFocused();
  await expect(feedback).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
  await feedback.fill("Say how the review changed the next quarter's plan.");

  await sign.getByRole("button", { name: "Sign 3 decisions" }).click();
  await expect(sign.getByRole("status")).toHaveText("3 decisions signed.");
  const made = (await db.decisionsOf(id)).slice(0, 3);
  expect(await db.decisionsOf(id)).toHaveLength(before.length + 3);
  expect(made.map((d) => `${d.code} ${d.outcome}`).sort()).toEqual([`${met[0]} MET`, `${met[1]} MET`, `${notYet} NOT_YET_MET`].sort());
  // One signature: one name, one moment; each decision its own row and audit event.
  expect(new Set(made.map((d) => `${d.typedName} ${d.decidedAt}`)).size).toBe(1);
  const events = (await db.auditEventsOf({ kind: "decision.signed", subject: `enrolment:${id}` })).slice(eventsBefore);
  expect(events.map((e) => (e.data as { decisionId: string }).decisionId).sort()).toEqual(made.map((d) => d.id).sort());
  // The signed criteria show their new state, and their choices are cleared for the next round.
  await expect(nav.getByRole("link", { name: `${met[0]}: Met`, exact: true })).toBeVisible();
  await expect(nav.getByRole("link", { name: `${notYet}: Not yet met`, exact: true })).toBeVisible();
  await expect(sign.getByRole("button", { name: "Sign decisions" })).toBeVisible();
  await expectAccessible(page);
});

test("without JavaScript the review is a plain form: the address picks the criterion, and the decision signs", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signInAs(page, ASSESSOR);
  const { id } = await db.enrolmentOf("learner@northgate.example", "CPC308");
  const before = (await db.decisionsOf(id)).length;
  await page.goto(`/enrolments/${id}/review#criterion-C7`);
  await expect(page.locator("[data-criterion]:visible")).toHaveCount(1);
  const c7 = page.locator('[id="criterion-C7"]');
  await expect(c7).toBeVisible();
  await c7.getByLabel("Met", { exact: true }).check();
  await page.getByLabel("Your full name, to sign").first().fill("Sam Okafor");
  await page.getByRole("button", { name: "Sign decisions" }).click();
  await expect.poll(async () => (await db.decisionsOf(id)).length).toBe(before + 1);
  expect((await db.decisionsOf(id))[0]).toMatchObject({ code: "C7", outcome: "MET", typedName: "Sam Okafor" });
  await context.close();
});

test("a decision answers with only the decided criterion's new state, which the page shows in place without reloading", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, ASSESSOR);
  const { id } = await db.enrolmentOf("learner2@northgate.example", "CPC308");
  await page.goto(`/enrolments/${id}/review`);
  const nav = page.getByRole("navigation", { name: "Criteria" });
  // A criterion without evidence (Not yet met needs only feedback), and the text of another, which the answer must not carry.
  const labels = await nav.locator('li a[aria-label$=": No evidence"]').evaluateAll((links) => links.map((l) => l.getAttribute("aria-label") ?? ""));
  const code = must(must(labels[0], "a criterion without evidence").split(": ")[0], "code");
  const other = page
    .locator("[data-criterion]")
    .filter({ hasNot: page.locator(`[id="h-${code}"]`) })
    .first();
  const otherText = must(await other.locator("h3 > span").textContent(), "another criterion's text");
  const criterion = page.locator(`[id="criterion-${code}"]`);
  const criterionId = await db.criterionId("CPC308", code);
  const revision = criterion.locator(`input[name="revision-${criterionId}"]`);
  await expect(revision).toHaveValue("0");
  // The server action's answer, read on its way to the page (the body of a streamed answer is not kept by the browser).
  let answered = "";
  await page.route(`**/enrolments/${id}/review`, async (route) => {
    if (route.request().method() !== "POST" || !route.request().headers()["next-action"]) return route.fallback();
    const response = await route.fetch();
    answered = await response.text();
    await route.fulfill({ response, body: answered });
  });
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));
  // No page load after this (a hash change from the navigator is not one).
  let loads = 0;
  page.on("load", () => loads++);

  const sign = async (feedback: string) => {
    await nav.getByRole("link", { name: new RegExp(`^${code}: `) }).click();
    await criterion.getByLabel("Not yet met", { exact: true }).check();
    await criterion.getByLabel("Feedback (required for Not yet met)").fill(feedback);
    await page.getByLabel("Your full name, to sign").first().fill("Sam Okafor");
    answered = "";
    await page.getByRole("button", { name: "Sign 1 decision" }).click();
    await expect.poll(() => answered.length).toBeGreaterThan(0);
    return answered;
  };

  const body = await sign("Say how the plan changed.");
  expect(body.length).toBeLessThan(20_000);
  expect(body).toContain(criterionId);
  expect(body).toContain("Say how the plan changed.");
  expect(body).not.toContain(otherText);
  // The page shows the new state: the mark, the navigator, the current decision, the revision to decide on next.
  await expect(page.getByRole("status")).toHaveText("1 decision signed.");
  await expect(criterion.locator('[data-state="NOT_YET_MET"]')).toHaveText("Not yet met");
  await expect(nav.getByRole("link", { name: `${code}: Not yet met`, exact: true })).toBeVisible();
  await expect(criterion.getByText(/^Current decision: Not yet met, signed by Sam Okafor on .*Feedback: Say how the plan changed\./)).toBeVisible();
  await expect(criterion.getByRole("link", { name: "Decision history (1)" })).toBeVisible();
  await expect(revision).toHaveValue("1");
  await expect(criterion.getByLabel("Not yet met", { exact: true })).not.toBeChecked();

  // Decided again on the revision the page now holds: accepted, not refused as decided meanwhile.
  expect(await sign("Say who agreed the change.")).not.toContain(otherText);
  await expect(criterion.getByRole("link", { name: "Decision history (2)" })).toBeVisible();
  await expect(revision).toHaveValue("2");
  expect(loads).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  await expectAccessible(page);

  // The history is on the criterion's own page, newest first.
  await criterion.getByRole("link", { name: "Decision history (2)" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Decision history (2)" })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Feedback: Say who agreed the change." })).toBeVisible();
  expect(await page.locator("#history ~ ol > li").first().textContent()).toContain("Say who agreed the change.");
  await expectAccessible(page);
});

test("a criterion's own page lists all its items a page at a time, and refuses others as not found", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signInAs(page, ASSESSOR);
  const { id } = await db.enrolmentOf("learner@northgate.example", "CPC308");
  await page.goto(`/enrolments/${id}/review#criterion-B1`);
  const b1 = page.locator('[id="criterion-B1"]');
  await b1.getByRole("link", { name: /^All \d+ items? for B1$/ }).click();
  await expect(page).toHaveURL(new RegExp(`/enrolments/${id}/review/B1$`));
  await expect(page.getByRole("heading", { level: 1, name: /^CPC 308 B1: / })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: /^All \d+ items? for B1$/ })).toBeVisible();
  await expect(page.getByRole("button", { name: /^(Confirm|Reject) .* B1$/ }).first()).toBeVisible();
  await expectAccessible(page);
  expect((await page.goto(`/enrolments/${id}/review/NOPE`))?.status()).toBe(404);

  const other = await browser.newContext();
  const learner2 = await other.newPage();
  await signInAs(learner2, "learner2@northgate.example");
  expect((await learner2.goto(`/enrolments/${id}/review/B1`))?.status()).toBe(404);
  await other.close();
});
