import type { ReviewCriterion } from "@/server/assessment/review";
import { CriterionBody } from "./criterion-body";
import { LiveState } from "./review-live";

/** A criterion's own page: all its items and its decision history, paged. */
export const criterionPageHref = (enrolmentId: string, code: string) => `/enrolments/${enrolmentId}/review/${encodeURIComponent(code)}`;

/**
 * One criterion on the review screen: its newest items (the rest, and its decision history, on its
 * own page), its current decision, and beside them (on wide screens) the decision controls, which
 * belong to the page's one signing form. Only the criterion in focus is shown. Its parts are styled
 * by ReviewCriteria (data-part), once for all of them.
 */
export function CriterionReview({
  c,
  enrolmentId,
  canDecide,
  first,
  previous,
  next,
}: {
  c: ReviewCriterion;
  enrolmentId: string;
  canDecide: boolean;
  first: boolean;
  previous?: string;
  next?: string;
}) {
  const own = criterionPageHref(enrolmentId, c.code);
  return (
    <section id={`criterion-${c.code}`} data-criterion data-first={first || undefined} tabIndex={-1} aria-labelledby={`h-${c.code}`}>
      <h3 id={`h-${c.code}`}>
        {c.code} <span>{c.text.replace(/\*\*/g, "")}</span>
      </h3>
      <LiveState criterionId={c.id} />
      <CriterionBody criterionId={c.id} code={c.code} items={c.evidence} itemCount={c.evidenceCount} canDecide={canDecide} ownHref={own} />
      <p data-part="steps">
        {previous && <a href={`#criterion-${previous}`}>{`Previous criterion: ${previous}`}</a>}
        {next && <a href={`#criterion-${next}`}>{`Next criterion: ${next}`}</a>}
      </p>
    </section>
  );
}
