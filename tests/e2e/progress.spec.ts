import { expect, expectAccessible, signInAs, test } from "./fixtures";

// Progress you can see: once an assessor signs a decision, the learner's progress page charts
// criteria met over time (a server-drawn SVG with its numbers in a table beside it) and the
// tracking matrix shows the criterion as met, in words and an icon; at 320 px nothing scrolls sideways.

const sidewaysWidth = (page: import("@playwright/test").Page) => page.evaluate(() => document.documentElement.scrollWidth);

test("an assessor signs a Met decision; the learner's progress charts it, tables it and shows it in the matrix", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signInAs(page, "assessor@northgate.example");
  await page.goto("/caseload?unit=CPC308");
  await page.getByRole("link", { name: "Jordan Lee, CPC 308" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Review: Jordan Lee, CPC 308/ })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Criteria" });
  // A criterion waiting for a decision whose evidence can be relied on (other specs may have decided some).
  const waiting = (await nav.locator('li a[aria-label$=": Submitted"]').evaluateAll((links) => links.map((l) => l.getAttribute("aria-label") ?? ""))).map(
    (l) => l.split(": ")[0] ?? "",
  );
  let code = "";
  for (const candidate of waiting) {
    await nav.getByRole("link", { name: `${candidate}: Submitted`, exact: true }).click();
    const section = page.locator(`[id="criterion-${candidate}"]`);
    if ((await section.getByRole("checkbox", { checked: true }).count()) === 0) continue;
    await section.getByLabel("Met", { exact: true }).check();
    code = candidate;
    break;
  }
  expect(code, "a submitted criterion with evidence to rely on").not.toBe("");
  const sign = page.getByRole("form", { name: "Sign your decisions" });
  await sign.getByLabel("Your full name, to sign").fill("Sam Okafor");
  await sign.getByRole("button", { name: "Sign 1 decision" }).click();
  await expect(sign.getByRole("status")).toHaveText("1 decision signed.");
  await expect(nav.getByRole("link", { name: `${code}: Met`, exact: true })).toBeVisible();
  const [met, total] = ((await nav.getByText(/^\d+ of \d+ met/).textContent()) ?? "").match(/\d+/g)?.map(Number) ?? [];
  expect(met).toBeGreaterThan(0);
  await page.getByRole("link", { name: "Progress", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Progress: CPC 308/ })).toBeVisible();
  const progressUrl = page.url();
  await expectAccessible(page);

  const learnerContext = await browser.newContext();
  const learner = await learnerContext.newPage();
  await signInAs(learner, "learner@northgate.example");
  await learner.goto(progressUrl);

  // The chart: an image named by its title and description, a point per day the count changed, a line through them.
  const chart = learner.getByRole("img", { name: new RegExp(`^Criteria met over time ${met} of ${total} criteria met`) });
  await expect(chart).toBeVisible();
  expect(await chart.locator("circle").count()).toBeGreaterThan(0);
  expect(await chart.locator("path").getAttribute("d")).toMatch(/^M[\d.]+,[\d.]+/);
  await expect(chart.locator("title")).toHaveText("Criteria met over time");
  await expect(chart.locator("desc")).toContainText(`${met} of ${total} criteria met`);

  // The same numbers as a table beside it: today's row has the met count.
  const table = learner.getByRole("table", { name: "Criteria met over time, as a table" });
  await expect(table.getByRole("row").last()).toContainText(`${met} of ${total}`);

  // The tracking matrix: the criterion met, in words (with an icon, not colour alone).
  const row = learner.getByRole("row", { name: new RegExp(`^${code} `) });
  await expect(row.locator('[data-state="MET"]')).toHaveText("Met");
  await expect(row.locator('[data-state="MET"] svg')).toHaveCount(1);
  await expectAccessible(learner);

  // At 320 px: nothing scrolls sideways; still accessible.
  await learner.setViewportSize({ width: 320, height: 800 });
  expect(await sidewaysWidth(learner)).toBeLessThanOrEqual(320);
  await expect(chart).toBeVisible();
  await expect(row.locator('[data-state="MET"]')).toBeVisible();
  await expectAccessible(learner);
  await learnerContext.close();

  await page.setViewportSize({ width: 320, height: 800 });
  await page.reload();
  expect(await sidewaysWidth(page)).toBeLessThanOrEqual(320);
  await expectAccessible(page);
});
