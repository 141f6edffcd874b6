import type { Metadata } from "next";
import Link from "next/link";
import { orNotFound, requireActor } from "@/server/edge/page";
import { criterionReview } from "@/server/assessment/review-criterion";
import { CriterionHistory } from "@/ui/review/criterion-history";
import { reviewClaimAction } from "../../../actions";

export const metadata: Metadata = { title: "Criterion review" };

type Search = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
// The code as typed in the address, whether or not it arrives still percent-encoded; a malformed one is simply not found.
function decoded(s: string) {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export default async function CriterionReviewPage({ params, searchParams }: { params: Promise<{ id: string; code: string }>; searchParams: Promise<Search> }) {
  const { id, code } = await params;
  const search = await searchParams;
  const actor = await requireActor(`/enrolments/${encodeURIComponent(id)}/review/${encodeURIComponent(code)}`);
  const page = await orNotFound(criterionReview(actor, id, decoded(code), { items: first(search.items), history: first(search.history) }));
  const { enrolment } = page;
  return (
    <>
      <p className="text-muted">
        <Link href={`/enrolments/${enrolment.id}/review#criterion-${encodeURIComponent(page.criterion.code)}`}>
          Review: {enrolment.learner.name}, {enrolment.unit.displayCode}
        </Link>
      </p>
      <CriterionHistory page={page} claim={reviewClaimAction} />
    </>
  );
}
