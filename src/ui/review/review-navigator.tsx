"use client";
import type { CriterionLive } from "@/lib/assessment/review-state";
import { cn } from "@/ui/kit/cn";
import { criterionStateLabels, criterionStateMarks } from "@/ui/progress/criterion-state";
import { reviewNavId } from "./review-ids";
import { useLiveCriteria } from "./review-live";

// The criteria links' looks, set once on the navigator rather than on each of its many links (the page stays small).
const navLooks = cn(
  "min-w-0 print:hidden lg:sticky lg:top-2 lg:max-h-[calc(100vh-1rem)] lg:overflow-y-auto lg:pr-2",
  "[&_li>a]:inline-block [&_li>a]:min-w-13 [&_li>a]:rounded-md [&_li>a]:border [&_li>a]:border-line [&_li>a]:px-1.5 [&_li>a]:py-0.5 [&_li>a]:font-semibold [&_li>a]:whitespace-nowrap [&_li>a]:no-underline [&_li>a:hover]:underline",
  "[&_li>a[aria-current=location]]:outline-3 [&_li>a[aria-current=location]]:outline-offset-1 [&_li>a[aria-current=location]]:outline-ink",
  // The link's look per state (data-look); the shape and (for screen readers) the words say the state too.
  "[&_li>a[data-look=met]]:border-success [&_li>a[data-look=met]]:text-success",
  "[&_li>a[data-look=not-yet-met]]:border-danger [&_li>a[data-look=not-yet-met]]:text-danger [&_li>a[data-look=stale]]:border-danger [&_li>a[data-look=stale]]:text-danger",
  "[&_li>a[data-look=evidence-submitted]]:border-2 [&_li>a[data-look=evidence-submitted]]:border-brand [&_li>a[data-look=evidence-submitted]]:bg-panel",
  "[&_li>a[data-look=reopened]]:border-2 [&_li>a[data-look=reopened]]:border-brand [&_li>a[data-look=reopened]]:bg-panel",
  "[&_li>a[data-look=not-started]]:text-muted",
);
/** The unit's sections as the navigator lists them: each named, with its criteria's ids and codes. */
export type NavigatorSection = { code: string; label: string; criteria: { id: string; code: string }[] };

/** A criterion's state as the navigator shows it: a shape, and the words for those who cannot see it. */
function stateOf(c: Pick<CriterionLive, "state" | "stale">) {
  return c.stale
    ? { mark: "!", words: "Stale, decide again", look: "stale" }
    : { mark: criterionStateMarks[c.state], words: criterionStateLabels[c.state], look: c.state.toLowerCase().replaceAll("_", "-") };
}

/**
 * Every section and criterion of the unit, each a link to it with its state (kept current as
 * decisions are signed); the legend says what the shapes mean.
 */
export function ReviewNavigator({ sections }: { sections: NavigatorSection[] }) {
  const all = useLiveCriteria();
  const byId = new Map(all.map((c) => [c.criterionId, c]));
  const met = all.filter((c) => c.state === "MET" && !c.stale).length;
  const waiting = all.filter((c) => c.state === "EVIDENCE_SUBMITTED" || c.state === "REOPENED" || c.stale).length;
  return (
    <nav id={reviewNavId} className={navLooks} aria-labelledby="review-nav-heading">
      <h2 id="review-nav-heading" className="mt-0 text-xl">
        Criteria
      </h2>
      <p className="text-muted">
        {met} of {all.length} met · {waiting} to review
      </p>
      {sections.map((s) => (
        <div key={s.code}>
          <h3 className="mt-3 mb-1 text-base break-words">{s.criteria[0] ? <a href={`#criterion-${s.criteria[0].code}`}>{s.label}</a> : s.label}</h3>
          <ul className="m-0 flex list-none flex-wrap gap-1 p-0">
            {s.criteria.map((c) => {
              const state = stateOf(byId.get(c.id) ?? { state: "NOT_STARTED", stale: false });
              return (
                <li key={c.code}>
                  <a href={`#criterion-${c.code}`} data-look={state.look} aria-label={`${c.code}: ${state.words}`}>
                    {state.mark} {c.code}
                  </a>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
      <p className="mt-3 text-sm text-muted" aria-hidden="true">
        ✔ Met · ◐ Submitted · ✖ Not yet met · ○ No evidence · ! Stale
      </p>
    </nav>
  );
}
