/** An open action's place on the assessor's list, in words (UK calendar days as YYYY-MM-DD). */
export const dueGroups = ["Overdue", "Due today", "Next 7 days", "Later"] as const;
export type DueGroup = (typeof dueGroups)[number];

export function dueGroup(dueOn: string, today: string): DueGroup {
  if (dueOn < today) return "Overdue";
  if (dueOn === today) return "Due today";
  const days = (Date.parse(`${dueOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000;
  return days <= 7 ? "Next 7 days" : "Later";
}

/** Open actions grouped under their headings, in heading order, each group in due order; empty groups left out. */
export function groupByDue<T extends { dueOn: string }>(actions: T[], today: string): { group: DueGroup; actions: T[] }[] {
  return dueGroups
    .map((group) => ({ group, actions: actions.filter((a) => dueGroup(a.dueOn, today) === group).sort((a, b) => a.dueOn.localeCompare(b.dueOn)) }))
    .filter((g) => g.actions.length > 0);
}
