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

// Each criterion's parts, styled here once rather than on each of a unit's many criteria: the
// review screen renders them all (and again in the page's data for React), and must stay small.
const criterionLooks = [
  "[&_[data-criterion]]:scroll-mt-4 [&_[data-criterion]]:border-t-2 [&_[data-criterion]]:border-line [&_[data-criterion]]:pt-3 [&_[data-criterion]]:pb-4",
  "[&_[data-criterion]:focus]:focus-ring [&_[data-criterion]:focus]:outline-offset-4 [&_[data-criterion]>h3]:mt-1 [&_[data-criterion]>h3>span]:font-normal",
  "[&_[data-part=focus]]:grid [&_[data-part=focus]]:gap-x-6 [&_[data-part=focus]]:gap-y-4 lg:[&_[data-part=focus]]:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]",
  "[&_[data-part=evidence]]:min-w-0 [&_[data-part=evidence]>h4]:mt-0 [&_[data-part=evidence]>h4]:mb-2",
  "[&_[data-part=decision]]:min-w-0 [&_[data-part=decision]]:self-start [&_[data-part=decision]]:border [&_[data-part=decision]]:border-line [&_[data-part=decision]]:bg-panel [&_[data-part=decision]]:px-4 [&_[data-part=decision]]:py-3",
  "[&_[data-part=decision]_fieldset]:bg-paper",
  "[&_[data-part=steps]]:flex [&_[data-part=steps]]:flex-wrap [&_[data-part=steps]]:justify-between [&_[data-part=steps]]:gap-x-6 [&_[data-part=steps]]:gap-y-2 [&_[data-part=steps]>a:only-child]:ml-auto",
].join(" ");

/** The review screen's criteria, of which one is shown at a time. */
export function ReviewCriteria({ children }: { children: ReactNode }) {
  return (
    <div id={reviewCriteriaId} className={`${oneInFocus} ${criterionLooks}`}>
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
