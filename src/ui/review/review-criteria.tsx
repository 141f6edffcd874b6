import type { ReactNode } from "react";
import { reviewCriteriaId } from "./review-ids";

// One criterion in focus. With JavaScript (ReviewFocus sets data-js), the one the navigator last
// named (data-current); without it, the one the address names (:target), else the first waiting for
// a decision (data-first). A section shows only while it holds the criterion in focus. Printed, all.
const oneInFocus = [
  "[&[data-js]_[data-criterion]:not([data-current])]:hidden",
  "[&[data-js]_[data-section]:not(:has([data-current]))]:hidden",
  "[&:not([data-js]):has([data-criterion]:target)_[data-criterion]:not(:target)]:hidden",
  "[&:not([data-js]):has([data-criterion]:target)_[data-section]:not(:has(:target))]:hidden",
  "[&:not([data-js]):not(:has([data-criterion]:target))_[data-criterion]:not([data-first])]:hidden",
  "[&:not([data-js]):not(:has([data-criterion]:target))_[data-section]:not(:has([data-first]))]:hidden",
  "print:[&_[data-criterion]]:block! print:[&_[data-section]]:block!",
].join(" ");

/** The review screen's criteria, of which one is shown at a time. */
export function ReviewCriteria({ children }: { children: ReactNode }) {
  return (
    <div id={reviewCriteriaId} className={oneInFocus}>
      {children}
    </div>
  );
}

/** A section of the unit on the review screen (shown while it holds the criterion in focus). */
export function ReviewSection({ id, heading, children }: { id: string; heading: ReactNode; children: ReactNode }) {
  return (
    <section data-section aria-labelledby={id}>
      <h2 id={id} className="mt-0 text-xl break-words">
        {heading}
      </h2>
      {children}
    </section>
  );
}
