import Link from "next/link";
import { methodLabels } from "@/lib/portfolio/schemas";
import type { MethodName } from "@/lib/quality/strategy";
import type { ActionState } from "@/lib/action-state";
import { ActionForm } from "@/ui/action-form";
import { Badge, Card, CardList } from "@/ui/kit";

export type PlanItemView = {
  id: string;
  stage: "INTERIM" | "SUMMATIVE";
  method: MethodName | null;
  criterionCodes: string[];
  reasons: string[];
  addedBy: string;
  removedAt: Date | null;
  enrolment: { learner: { name: string }; assessor: { id: string; name: string } | null; unit: { displayCode: string } };
};

type Props = { planId: string; items: PlanItemView[]; remove?: (state: ActionState, form: FormData) => Promise<ActionState> };

/** A plan's live items, grouped by assessor, each with why it is in the plan; removable while a draft. */
export function PlanItems({ planId, items, remove }: Props) {
  const groups = new Map<string, PlanItemView[]>();
  for (const i of items) {
    const name = i.enrolment.assessor?.name ?? "No assessor";
    groups.set(name, [...(groups.get(name) ?? []), i]);
  }
  if (items.length === 0) return <p>No items: draw again, or add one.</p>;
  return (
    <>
      {[...groups.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([assessor, mine]) => (
          <section key={assessor} aria-labelledby={`assessor-${mine[0]?.id}`}>
            <h3 id={`assessor-${mine[0]?.id}`}>
              Assessor: {assessor} ({mine.length} {mine.length === 1 ? "item" : "items"})
            </h3>
            <CardList>
              {mine.map((i) => (
                <li key={i.id}>
                  <Card title={`${i.enrolment.learner.name}, ${i.enrolment.unit.displayCode}`} level={4}>
                    <p className="flex flex-wrap gap-2">
                      <Badge>{i.stage === "INTERIM" ? "Interim" : "Summative"}</Badge>
                      {i.method && <Badge>Method: {methodLabels[i.method]}</Badge>}
                      <Badge>{i.addedBy === "iqa" ? "Added by the IQA" : "Drawn by Attest"}</Badge>
                    </p>
                    {i.criterionCodes.length > 0 && <p>Criteria: {i.criterionCodes.join(", ")}</p>}
                    <p className="mb-1 font-semibold">Why it is in the plan</p>
                    <ul className="mt-0">
                      {i.reasons.map((r, n) => (
                        <li key={n} className="wrap-break-word">
                          {r}
                        </li>
                      ))}
                    </ul>
                    <p>
                      <Link href={`/quality/items/${i.id}`}>
                        Review {i.enrolment.learner.name}&apos;s {i.enrolment.unit.displayCode}
                      </Link>
                    </p>
                    {remove && (
                      <ActionForm
                        action={remove}
                        submitLabel="Remove from the plan"
                        pendingLabel="Removing…"
                        secondary
                        size="sm"
                        aria-label={`Remove ${i.enrolment.learner.name}, ${i.enrolment.unit.displayCode}`}
                      >
                        <input type="hidden" name="planId" value={planId} />
                        <input type="hidden" name="itemId" value={i.id} />
                      </ActionForm>
                    )}
                  </Card>
                </li>
              ))}
            </CardList>
          </section>
        ))}
    </>
  );
}
