import { sectionLabel } from "@/lib/standards/labels";
import type { ReviewScreen } from "@/server/assessment/review";

const labels = { NOT_STARTED: "No evidence", EVIDENCE_SUBMITTED: "Submitted", MET: "Met", NOT_YET_MET: "Not yet met" } as const;
const marks = { NOT_STARTED: "○", EVIDENCE_SUBMITTED: "◐", MET: "✔", NOT_YET_MET: "✖" } as const;
type Criterion = ReviewScreen["sections"][number]["criteria"][number];

/** A criterion's state as the navigator shows it: a shape, and the words for those who cannot see it. */
function stateOf(c: Criterion) {
  return c.stale ? { mark: "!", words: "Stale, decide again", key: "stale" } : { mark: marks[c.state], words: labels[c.state], key: c.state.toLowerCase() };
}

/** Every section and criterion of the unit, each a link to it with its state; the legend says what the shapes mean. */
export function ReviewNavigator({ sections }: { sections: ReviewScreen["sections"] }) {
  const all = sections.flatMap((s) => s.criteria);
  const met = all.filter((c) => c.state === "MET" && !c.stale).length;
  const waiting = all.filter((c) => c.state === "EVIDENCE_SUBMITTED" || c.stale).length;
  return (
    <nav className="review-nav" aria-labelledby="review-nav-heading">
      <h2 id="review-nav-heading">Criteria</h2>
      <p className="muted">
        {met} of {all.length} met · {waiting} to review
      </p>
      {sections.map((s) => (
        <div key={s.code} className="review-nav-section">
          <h3>{s.criteria[0] ? <a href={`#criterion-${s.criteria[0].code}`}>{sectionLabel(s, "Knowledge: ")}</a> : sectionLabel(s, "Knowledge: ")}</h3>
          <ul>
            {s.criteria.map((c) => {
              const state = stateOf(c);
              return (
                <li key={c.code}>
                  <a href={`#criterion-${c.code}`} className={`nav-state-${state.key}`} aria-label={`${c.code}: ${state.words}`}>
                    {state.mark} {c.code}
                  </a>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
      <p className="review-legend muted" aria-hidden="true">
        ✔ Met · ◐ Submitted · ✖ Not yet met · ○ No evidence · ! Stale
      </p>
    </nav>
  );
}
