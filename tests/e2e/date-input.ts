import type { Locator, Page } from "@playwright/test";

/** A date field's group (src/ui/kit/date-field.tsx), found by its legend. */
export const dateGroup = (scope: Page | Locator, legend: string) => scope.getByRole("group", { name: legend, exact: true });

/** Types a date as people do, "27 3 2026", into the group's Day, Month and Year boxes. */
export async function fillDate(scope: Page | Locator, legend: string, dayMonthYear: string) {
  const [day = "", month = "", year = ""] = dayMonthYear.split(" ");
  const group = dateGroup(scope, legend);
  await group.getByLabel("Day", { exact: true }).fill(day);
  await group.getByLabel("Month", { exact: true }).fill(month);
  await group.getByLabel("Year", { exact: true }).fill(year);
}
