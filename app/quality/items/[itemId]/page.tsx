import type { Metadata } from "next";
import Link from "next/link";
import { methodLabels } from "@/lib/portfolio/schemas";
import { orNotFound, requireActor } from "@/server/edge/page";
import { planItemScreen } from "@/server/quality/reviews-read";
import { ActionForm } from "@/ui/action-form";
import { Facts, Notice } from "@/ui/kit";
import { openPlanItemReviewAction } from "../../reviews/actions";

export const metadata: Metadata = { title: "Sampled item" };

export default async function PlanItemPage({ params }: { params: Promise<{ itemId: string }> }) {
  const { itemId } = await params;
  const actor = await requireActor(`/quality/items/${encodeURIComponent(itemId)}`);
  const { item, plan, enrolment, review, canOpen, ownWork } = await orNotFound(planItemScreen(actor, itemId));
  return (
    <>
      <p className="text-muted">Sample plan: {plan.title}</p>
      <h1 className="hyphens-auto">
        Sampled: {enrolment.learner.name}, {enrolment.unit.displayCode} {enrolment.unit.title}
      </h1>
      <Facts>
        <dt>Learner</dt>
        <dd>{enrolment.learner.name}</dd>
        <dt>Unit</dt>
        <dd>
          {enrolment.unit.displayCode} {enrolment.unit.title}
        </dd>
        <dt>Assessor</dt>
        <dd>{enrolment.assessor?.name ?? "None assigned"}</dd>
        <dt>Stage</dt>
        <dd>{item.stage === "INTERIM" ? "Interim" : "Summative"}</dd>
        <dt>Criteria</dt>
        <dd>{item.criteria.length ? item.criteria.join(", ") : "Every current decision"}</dd>
        <dt>Method</dt>
        <dd>{item.method ? methodLabels[item.method] : "Any"}</dd>
      </Facts>
      <h2>Why it is in the plan</h2>
      {item.reasons.length ? (
        <ul>
          {item.reasons.map((r, i) => (
            <li key={i}>{r}</li>
          ))}
        </ul>
      ) : (
        <p>No reason recorded.</p>
      )}
      <h2>Review</h2>
      {item.removed && <Notice>This item was removed from the plan.</Notice>}
      {review ? (
        <p>
          <Link href={`/quality/reviews/${review.id}`}>{review.completedAt ? "See the completed review" : "Continue the review"}</Link>
        </p>
      ) : ownWork ? (
        <p>You assess this learner on this unit, so you cannot review it: an IQA never samples their own decisions.</p>
      ) : canOpen ? (
        <ActionForm action={openPlanItemReviewAction} submitLabel="Open review" pendingLabel="Opening…">
          <p>Opening the review records what is sampled as it stands now; later changes to the portfolio do not change what you review.</p>
          <input type="hidden" name="planItemId" value={item.id} />
        </ActionForm>
      ) : (
        <p>Not opened yet.</p>
      )}
    </>
  );
}
