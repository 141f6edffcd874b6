import type { CriterionReviewPage } from "@/server/assessment/review-criterion";
import { Pager } from "@/ui/kit";
import { CriterionStateText } from "@/ui/progress/criterion-state";
import { ClaimForms } from "./claim-forms";
import { criterionPageHref } from "./criterion-review";
import { DecisionWords } from "./decision-words";
import { ReopeningWords } from "@/ui/quality/quality-history";
import { EvidenceList } from "./evidence-list";

type Action = Parameters<typeof ClaimForms>[0]["action"];

/**
 * A criterion's own page: its state and current decision, every item mapped to it and every
 * decision on it, newest first, each list a page at a time (links, so it works without JavaScript).
 */
export function CriterionHistory({ page, claim }: { page: CriterionReviewPage; claim: Action }) {
  const { enrolment, criterion: c, items, history } = page;
  const own = criterionPageHref(enrolment.id, c.code);
  const at = (change: { items?: number; history?: number }, part: string) =>
    `${own}?${new URLSearchParams({ items: String(change.items ?? items.page), history: String(change.history ?? history.page) })}#${part}`;
  return (
    <>
      <h1 className="hyphens-auto">
        {enrolment.unit.displayCode} {c.code}: {c.text.replace(/\*\*/g, "")}
      </h1>
      <p>
        <CriterionStateText state={page.state} />
        {page.stale && <strong className="text-danger"> Stale: the evidence this decision relied on has a newer version. Decide again.</strong>}
      </p>
      <p className="wrap-anywhere">
        {page.current ? (
          <>
            Current decision: <DecisionWords d={page.current} />
          </>
        ) : (
          "No decision yet."
        )}
      </p>
      {page.canDecide && (
        <p>
          <a href={`/enrolments/${enrolment.id}/review#criterion-${encodeURIComponent(c.code)}`}>Decide on {c.code} on the review screen</a>
        </p>
      )}
      <section aria-labelledby="evidence" className="scroll-mt-4">
        <h2 id="evidence">
          All {items.total} item{items.total === 1 ? "" : "s"} for {c.code}
        </h2>
        {page.canDecide && <ClaimForms action={claim} enrolmentId={enrolment.id} />}
        <EvidenceList items={items.rows} code={c.code} canDecide={page.canDecide} />
        <Pager label={`Pages of items for ${c.code}`} page={items.page} pages={items.pages} href={(n) => at({ items: n }, "evidence")} />
      </section>
      <section aria-labelledby="history" className="scroll-mt-4">
        <h2 id="history">Decision history ({history.total})</h2>
        {history.rows.length === 0 ? (
          <p>No decision has been made on {c.code}.</p>
        ) : (
          <ol className="wrap-anywhere" start={history.first}>
            {history.rows.map((d) => (
              <li key={d.id} className="mb-1.5">
                {/* Newest first: a reopening came after the decision it reopened. */}
                {d.reopenedBy.map((r) => (
                  <p key={r.id} className="mt-0 mb-1">
                    <ReopeningWords r={r} />
                  </p>
                ))}
                <DecisionWords d={d} /> Signature <code>{d.signature}</code>
              </li>
            ))}
          </ol>
        )}
        <Pager label={`Pages of decisions on ${c.code}`} page={history.page} pages={history.pages} href={(n) => at({ history: n }, "history")} />
      </section>
    </>
  );
}
