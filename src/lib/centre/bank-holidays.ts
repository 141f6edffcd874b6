// England and Wales bank holidays (gov.uk/bank-holidays), substitute days included. There is no
// network on an Attest server to fetch them; extend this list each year.
export const englandAndWalesBankHolidays: readonly { day: string; name: string }[] = [
  { day: "2026-01-01", name: "New Year's Day" },
  { day: "2026-04-03", name: "Good Friday" },
  { day: "2026-04-06", name: "Easter Monday" },
  { day: "2026-05-04", name: "Early May bank holiday" },
  { day: "2026-05-25", name: "Spring bank holiday" },
  { day: "2026-08-31", name: "Summer bank holiday" },
  { day: "2026-12-25", name: "Christmas Day" },
  { day: "2026-12-28", name: "Boxing Day (substitute day)" },
  { day: "2027-01-01", name: "New Year's Day" },
  { day: "2027-03-26", name: "Good Friday" },
  { day: "2027-03-29", name: "Easter Monday" },
  { day: "2027-05-03", name: "Early May bank holiday" },
  { day: "2027-05-31", name: "Spring bank holiday" },
  { day: "2027-08-30", name: "Summer bank holiday" },
  { day: "2027-12-27", name: "Christmas Day (substitute day)" },
  { day: "2027-12-28", name: "Boxing Day (substitute day)" },
  { day: "2028-01-03", name: "New Year's Day (substitute day)" },
  { day: "2028-04-14", name: "Good Friday" },
  { day: "2028-04-17", name: "Easter Monday" },
  { day: "2028-05-01", name: "Early May bank holiday" },
  { day: "2028-05-29", name: "Spring bank holiday" },
  { day: "2028-08-28", name: "Summer bank holiday" },
  { day: "2028-12-25", name: "Christmas Day" },
  { day: "2028-12-26", name: "Boxing Day" },
  { day: "2029-01-01", name: "New Year's Day" },
  { day: "2029-03-30", name: "Good Friday" },
  { day: "2029-04-02", name: "Easter Monday" },
  { day: "2029-05-07", name: "Early May bank holiday" },
  { day: "2029-05-28", name: "Spring bank holiday" },
  { day: "2029-08-27", name: "Summer bank holiday" },
  { day: "2029-12-25", name: "Christmas Day" },
  { day: "2029-12-26", name: "Boxing Day" },
];

/** The bank holidays from `today` (YYYY-MM-DD) to two years later. */
export function bankHolidaysAhead(today: string): { day: string; name: string }[] {
  const until = `${Number(today.slice(0, 4)) + 2}${today.slice(4)}`;
  return englandAndWalesBankHolidays.filter((h) => h.day >= today && h.day <= until);
}
