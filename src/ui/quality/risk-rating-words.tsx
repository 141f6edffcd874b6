import { formatDate } from "@/lib/format";
import { methodLabels } from "@/lib/portfolio/schemas";
import type { MethodName } from "@/lib/quality/strategy";
import { Status } from "@/ui/kit";

/** What a rating covers, in words. */
export const scopeWords = (r: { unitCode: string | null; method: MethodName | null }) =>
  r.unitCode ? `Unit ${r.unitCode}` : r.method ? methodLabels[r.method] : "Overall";

/** A review date, said to be overdue in words when it has passed. */
export function ReviewDate({ rating, lead = "Review by" }: { rating: { reviewOn: string; reviewOverdue: boolean }; lead?: string }) {
  const day = formatDate(new Date(rating.reviewOn));
  return rating.reviewOverdue ? (
    <Status tone="warning">Review overdue: due {day}</Status>
  ) : (
    <span>
      {lead} {day}
    </span>
  );
}
