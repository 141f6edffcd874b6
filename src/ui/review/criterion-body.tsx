"use client";
import type { EvidenceItem } from "@/server/assessment/review-parts";
import { DecisionControls } from "./decision-controls";
import { EvidenceList } from "./evidence-list";
import { LiveDecision } from "./review-live";

type Props = { criterionId: string; code: string; items: EvidenceItem[]; itemCount: number; canDecide: boolean; ownHref: string };

/**
 * A criterion's evidence and current decision and, beside them on wide screens, its decision
 * controls: rendered here from the items' data (sent once, for both), which is far smaller than
 * their markup would be in the page's React data, as a unit has many criteria.
 */
export function CriterionBody({ criterionId, code, items, itemCount, canDecide, ownHref }: Props) {
  return (
    <div data-part="focus">
      <div data-part="evidence">
        <h4>{`Evidence for ${code}`}</h4>
        <EvidenceList items={items} code={code} canDecide={canDecide} />
        {itemCount > 0 && (
          <p>
            {itemCount > items.length && `The newest ${items.length} are shown. `}
            <a href={ownHref}>{`All ${itemCount} item${itemCount === 1 ? "" : "s"} for ${code}`}</a>
          </p>
        )}
        <LiveDecision criterionId={criterionId} historyHref={`${ownHref}#history`} />
      </div>
      {canDecide && (
        <DecisionControls
          criterionId={criterionId}
          code={code}
          options={items.map((e) => ({ versionId: e.versionId, label: `${e.title}, version ${e.version}`, checked: e.claim !== "REJECTED" }))}
          hint={itemCount > items.length ? `The newest ${items.length} of ${itemCount} items.` : undefined}
        />
      )}
    </div>
  );
}
