import { sectionLabel } from "@/lib/standards/labels";
import type { ReviewScreen } from "@/server/assessment/review";
import { cn } from "../kit/cn";
import { criterionStateLabels } from "../progress/criterion-state";
import { reviewNavId } from "./review-ids";

const marks = { NOT_STARTED: "○", EVIDENCE_SUBMITTED: "◐", MET: "✔", NOT_YET_MET: "✖" } as const;
// The link's look per state; the shape and (for screen readers) the words say the state too.
const looks = {
  met: "border-success text-success",
  not_yet_met: "border-danger text-danger",
  stale: "border-danger text-danger",
  evidence_submitted: "border-2 border-brand bg-panel",
  not_started: "text-muted",
} as const;
type Criterion = ReviewScreen["sections"][number]["criteria"][number];

/** A criterion's state as the navigator shows it: a shape, and the words for those who cannot see it. */
function stateOf(c: Criterion) {
  return c.stale ? { mark: "!", words: "Stale, decide again", look: looks.stale } : { mark: marks[c.state], words: criterionStateLabels[c.state], look: looks[c.state.toLowerCase() as Lowercase<typeof c.state>] };
}

/** Every section and criterion of the unit, each a link to it with its state; the legend says what the shapes mean. */
export function ReviewNavigator({ sections }: { sections: ReviewScreen["sections"] }) {
  const all = sections.flatMap((s) => s.criteria);
  const met = all.filter((c) => c.state === "MET" && !c.stale).length;
  const waiting = all.filter((c) => c.state === "EVIDENCE_SUBMITTED" || c.stale).length;
  return (
    <nav id={reviewNavId} className="min-w-0 print:hidden lg:sticky lg:top-2 lg:max-h-[calc(100vh-1rem)] lg:overflow-y-auto lg:pr-2" aria-labelledby="review-nav-heading">
      <h2 id="review-nav-heading" className="mt-0 text-xl">
        Criteria
      </h2>
      <p className="text-muted">
        {met} of {all.length} met · {waiting} to review
      </p>
      {sections.map((s) => (
        <div key={s.code}>
          <h3 className="mt-3 mb-1 text-base break-words">{s.criteria[0] ? <a href={`#criterion-${s.criteria[0].code}`}>{sectionLabel(s, "Knowledge: ")}</a> : sectionLabel(s, "Knowledge: ")}</h3>
          <ul className="m-0 flex list-none flex-wrap gap-1 p-0">
            {s.criteria.map((c) => {
              const state = stateOf(c);
              return (
                <li key={c.code}>
                  <a
                    href={`#criterion-${c.code}`}
                    className={cn(
                      "inline-block min-w-13 rounded-md border border-line px-1.5 py-0.5 font-semibold whitespace-nowrap no-underline hover:underline aria-[current=location]:outline-3 aria-[current=location]:outline-offset-1 aria-[current=location]:outline-ink",
                      state.look,
                    )}
                    aria-label={`${c.code}: ${state.words}`}
                  >
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
