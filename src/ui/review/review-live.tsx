"use client";
import { type ReactNode, createContext, useContext, useState } from "react";
import { type CriterionLive, blockerOf } from "@/lib/assessment/review-state";
import { decisionControl, decisionsFormId } from "@/lib/assessment/decision-form";
import { CriterionStateText } from "@/ui/progress/criterion-state";
import { DecisionWords } from "./decision-words";

// What a decision changes on the review screen (each criterion's state, revision, current decision
// and count of decisions), held once for the page: the server renders it from the first load, and a
// decision's answer replaces only the decided criteria, so the screen updates in place.

type Live = { byId: ReadonlyMap<string, CriterionLive>; all: readonly CriterionLive[] };
const LiveContext = createContext<Live | null>(null);

function useLive(): Live {
  const live = useContext(LiveContext);
  if (!live) throw new Error("Review parts belong inside ReviewLive");
  return live;
}

export function useLiveCriterion(criterionId: string): CriterionLive | undefined {
  return useLive().byId.get(criterionId);
}

export function useLiveCriteria(): readonly CriterionLive[] {
  return useLive().all;
}

const liveFrom = (all: CriterionLive[]): Live => ({ byId: new Map(all.map((c) => [c.criterionId, c])), all });

/**
 * Holds the criteria's states: the page's, and each new answer's criteria (`decided`) in place of
 * theirs. When the page is rendered anew (another form's change), its states are the newest.
 */
export function ReviewLive({ initial, decided, children }: { initial: CriterionLive[]; decided: CriterionLive[] | undefined; children: ReactNode }) {
  const [live, setLive] = useState<Live>(() => liveFrom(initial));
  const [page, setPage] = useState(initial);
  const [seen, setSeen] = useState(decided);
  if (initial !== page) {
    setPage(initial);
    setLive(liveFrom(initial));
  } else if (decided !== seen) {
    setSeen(decided);
    if (decided?.length) {
      const byId = new Map(live.byId);
      for (const c of decided) byId.set(c.criterionId, c);
      setLive({ byId, all: live.all.map((c) => byId.get(c.criterionId) ?? c) });
    }
  }
  return <LiveContext.Provider value={live}>{children}</LiveContext.Provider>;
}

/** The criterion's state under its heading: a shape and words, and a warning when its decision is stale. */
export function LiveState({ criterionId }: { criterionId: string }) {
  const c = useLiveCriterion(criterionId);
  if (!c) return null;
  return (
    <p>
      <CriterionStateText state={c.state} plain />
      {c.stale && <strong className="text-danger"> Stale: the evidence this decision relied on has a newer version. Decide again.</strong>}
      {c.state === "REOPENED" && <strong> Quality assurance asks for a new decision; the decision history says who reopened it and when.</strong>}
    </p>
  );
}

/** The revision the assessor decides on, sent with the decision (a decision made meanwhile is refused). */
export function LiveRevision({ criterionId }: { criterionId: string }) {
  const c = useLiveCriterion(criterionId);
  return <input type="hidden" form={decisionsFormId} name={decisionControl.revision(criterionId)} value={c?.revision ?? 0} />;
}

/** The criterion's current decision in words, and the link to all its decisions. */
export function LiveDecision({ criterionId, historyHref }: { criterionId: string; historyHref: string }) {
  const c = useLiveCriterion(criterionId);
  const d = c?.decision;
  if (!c || !d) return <p data-part="current">No decision yet.</p>;
  return (
    <p data-part="current" className="wrap-anywhere">
      Current decision: <DecisionWords d={d} /> <a href={historyHref}>{`Decision history (${c.decisions})`}</a>
    </p>
  );
}

/** The unit's sign-off form, shown once every criterion is met and current; until then, what is missing. */
export function SignOffGate({ children }: { children: ReactNode }) {
  const blocker = blockerOf(useLiveCriteria());
  return blocker ? <p>Not yet: {blocker}</p> : children;
}
