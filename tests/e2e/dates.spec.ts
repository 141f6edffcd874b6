import { dateGroup, fillDate } from "./date-input";
import { expect, expectAccessible, signInAs, test } from "./fixtures";

// Dates are typed as day / month / year boxes and shown as "22 November 2026".

test("the evidence library filters by dates typed as day, month and year, and keeps what was typed", async ({ page }) => {
  await signInAs(page, "learner@northgate.example");
  await page.goto("/evidence");
  const filters = page.getByRole("form", { name: "Filter evidence" });
  const caption = page.locator("table caption");
  await expect(caption).toHaveText(/[1-9]\d* items?/);
  // Activity dates shown in words.
  const first = page.locator("table tbody tr").first().locator("td").first();
  await expect(first).toHaveText(/^\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}$/);

  await fillDate(filters, "Activity from", "1 1 2100");
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/from-day=1&from-month=1&from-year=2100/);
  await expect(caption).toHaveText(/^0 items/);
  await expect(dateGroup(filters, "Activity from").getByLabel("Year")).toHaveValue("2100");
  await expectAccessible(page);

  // 31 February is not understood, and says so; the boxes keep it.
  await fillDate(filters, "Activity from", "31 2 2026");
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText("Some filters were not understood and were ignored.")).toBeVisible();
  await expect(dateGroup(filters, "Activity from").getByLabel("Day")).toHaveValue("31");
});
