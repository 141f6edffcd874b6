import { isoDay, ukDay } from "@/lib/format";

// When an IQA action is due, as the assessor's home and the actions list group it.

export const dueBuckets = ["overdue", "today", "week", "later"] as const;
export type DueBucket = (typeof dueBuckets)[number];

export const dueBucketLabels: Record<DueBucket, string> = {
  overdue: "Overdue",
  today: "Due today",
  week: "Due in the next 7 days",
  later: "Due later",
};

/** The bucket of a due day (a date column, midnight UTC) on the UK day `now` falls on. */
export function dueBucket(dueOn: Date, now: Date): DueBucket {
  const due = isoDay(dueOn);
  const today = ukDay(now);
  if (due < today) return "overdue";
  if (due === today) return "today";
  const week = new Date(`${today}T00:00:00Z`);
  week.setUTCDate(week.getUTCDate() + 7);
  return due <= isoDay(week) ? "week" : "later";
}
