import { expect, expectAccessible, signInAs, test } from "./fixtures";

test("a learner sees their units with counts of criteria", async ({ page }) => {
  await signInAs(page, "learner@northgate.example");
  await page.goto("/");
  const units = page.getByRole("region", { name: "My units" });
  await expect(units.getByRole("link", { name: /CPC 308: Contribute to the planning/ })).toBeVisible();
  await expect(units.getByText("43 in all: 22 performance or assessment, 21 knowledge")).toBeVisible();
  await expect(units.getByText("10 in all: 10 performance or assessment, 0 knowledge")).toBeVisible();
  await expectAccessible(page);
});

test("an assessor sees their assigned learners", async ({ page }) => {
  await signInAs(page, "assessor@northgate.example");
  await page.goto("/");
  const table = page.getByRole("table", { name: "3 learners assigned to you" });
  for (const name of ["Jordan Lee", "Casey Morgan", "Taylor Evans"]) await expect(table.getByRole("rowheader", { name: new RegExp(name) })).toBeVisible();
  await expectAccessible(page);
});

test("an IQA sees the assessors and learners they cover", async ({ page }) => {
  await signInAs(page, "iqa@northgate.example");
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Assessor: Sam Okafor" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Learners assessed by Sam Okafor" }).getByRole("row")).toHaveCount(4);
  await expectAccessible(page);
});

test("a verifier sees the centres they may verify", async ({ page }) => {
  await signInAs(page, "verifier@northgate.example");
  await page.goto("/");
  const centre = page.getByRole("region", { name: "Northgate Training", exact: true });
  await expect(centre).toContainText("3 learners, 6 enrolments");
  await expect(centre.getByRole("link", { name: /^Review of / })).toHaveCount(6);
  await expect(page.getByText("Riverside College")).toHaveCount(0);
  await expectAccessible(page);
});

test("a centre admin sees their centre's users and enrolments, and nothing of another centre", async ({ page }) => {
  await signInAs(page, "admin@northgate.example");
  await page.goto("/");
  await expect(page.getByRole("table", { name: /Users \(7\)/ })).toBeVisible();
  await expect(page.getByRole("table", { name: /Enrolments \(6\)/ })).toBeVisible();
  await expect(page.getByText("learner@riverside.example")).toHaveCount(0);
  await expectAccessible(page);

  await page.context().clearCookies();
  await signInAs(page, "admin@riverside.example");
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Riverside College: users and enrolments" })).toBeVisible();
  await expect(page.getByRole("table", { name: /Users \(2\)/ })).toBeVisible();
  await expect(page.getByText("Northgate")).toHaveCount(0);
  await expectAccessible(page);
});
