import type { Metadata } from "next";
import Link from "next/link";
import { formatDate, formatDateTime } from "@/lib/format";
import { methodLabels } from "@/lib/portfolio/schemas";
import { orNotFound, requireActor } from "@/server/edge/page";
import { reviewScreen } from "@/server/quality/reviews-read";
import { Card, Facts, Notice, Status } from "@/ui/kit";
import { SnapshotDecisionFacts, SnapshotSignOffFacts } from "@/ui/quality/snapshot-view";
import { VerdictForm } from "@/ui/quality/verdict-form";
import { recordVerdictAction } from "../actions";

export const metadata: Metadata = { title: "IQA review" };

type Verdict = Awaited<ReturnType<typeof reviewScreen>>["verdicts"][number];

function VerdictWords({ v }: { v: Verdict }) {
  return (
    <div className="break-words">
      <p className="mb-1">
        <Status tone={v.agrees ? "success" : "warning"}>{v.agrees ? "Agreed" : "Disagreed"}</Status> signed by {v.typedName} on {formatDateTime(v.signedAt)}.
      </p>
      <p className="mb-1">Feedback: {v.feedback}</p>
      {v.action && (
        <p className="mb-1">
          Action: <Link href={`/quality/actions/${v.action.id}`}>{v.action.title}</Link>, due {formatDate(v.action.dueOn)}
          {v.action.closedAt ? " (closed)" : " (open)"}.
        </p>
      )}
    </div>
  );
}

export default async function ReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/quality/reviews/${encodeURIComponent(id)}`);
  const { review, plan, snapshot, verdicts, progress, canSign, canReadFiles, defaultDue } = await orNotFound(reviewScreen(actor, id));
  const e = snapshot.enrolment;
  const verdictOn = (itemId: string) => verdicts.find((v) => v.decisionId === itemId || v.signOffId === itemId);
  const scope = [
    snapshot.scope.criterionCodes.length ? `criteria ${snapshot.scope.criterionCodes.join(", ")}` : null,
    snapshot.scope.method ? `decisions relying on ${methodLabels[snapshot.scope.method as keyof typeof methodLabels] ?? snapshot.scope.method}` : null,
  ].filter(Boolean);
  return (
    <>
      <p className="text-muted">
        <Link href="/quality/actions">IQA actions</Link>
        {plan && (
          <>
            {" "}
            · <Link href={`/quality/items/${plan.itemId}`}>Sampled item of “{plan.title}”</Link>
          </>
        )}
      </p>
      <h1 className="hyphens-auto">
        IQA review: {e.learnerName}, {e.unitCode} {e.unitTitle}
      </h1>
      <Facts>
        <dt>Stage</dt>
        <dd>{review.stage === "INTERIM" ? "Interim" : "Summative"}</dd>
        <dt>Reviewer</dt>
        <dd>{review.iqaName}</dd>
        <dt>Opened</dt>
        <dd>{formatDateTime(review.openedAt)}</dd>
        <dt>Sample</dt>
        <dd>{scope.length ? scope.join("; ") : "every current decision"}</dd>
        <dt>Progress</dt>
        <dd>
          {progress.reviewed} of {progress.total} {progress.total === 1 ? "item" : "items"} reviewed
          {review.completedAt ? `; completed on ${formatDateTime(review.completedAt)}` : ""}
        </dd>
        <dt>Snapshot hash</dt>
        <dd className="text-sm break-all">{review.snapshotHash}</dd>
      </Facts>
      <Notice>
        What follows is the portfolio as it was when the review was opened on {formatDateTime(new Date(snapshot.takenAt))}. Later changes to the evidence or
        decisions do not change it.
      </Notice>
      {snapshot.ownLeftOut > 0 && canSign && (
        <p>
          {snapshot.ownLeftOut} {snapshot.ownLeftOut === 1 ? "decision you made is" : "decisions you made are"} left out: an IQA never samples their own
          decisions.
        </p>
      )}
      <h2>Decisions sampled</h2>
      {snapshot.decisions.length === 0 && <p>No decisions to show.</p>}
      {snapshot.decisions.map((d) => {
        const verdict = verdictOn(d.id);
        return (
          <Card key={d.id} as="section" level={3} title={`${e.unitCode} ${d.criterionCode}`} className="mb-4">
            <SnapshotDecisionFacts d={d} evidence={snapshot.evidence} fileLinks={canReadFiles} />
            <h4 className="mt-3 mb-1 text-base">IQA verdict</h4>
            {verdict ? (
              <VerdictWords v={verdict} />
            ) : canSign ? (
              <VerdictForm
                action={recordVerdictAction}
                reviewId={review.id}
                itemId={d.id}
                idPrefix={`v-${d.id.slice(0, 8)}`}
                subject={`${e.unitCode} ${d.criterionCode}`}
                defaultDue={defaultDue}
              />
            ) : (
              <p>No verdict yet.</p>
            )}
          </Card>
        );
      })}
      {snapshot.signOff && (
        <Card as="section" level={2} title="Unit sign-off" className="mb-4">
          <SnapshotSignOffFacts s={snapshot.signOff} />
          <h3 className="mt-3 mb-1 text-base">IQA verdict</h3>
          {verdictOn(snapshot.signOff.id) ? (
            <VerdictWords v={verdictOn(snapshot.signOff.id) as Verdict} />
          ) : canSign ? (
            <VerdictForm
              action={recordVerdictAction}
              reviewId={review.id}
              itemId={snapshot.signOff.id}
              idPrefix="v-signoff"
              subject={`the sign-off of ${e.unitCode}`}
              defaultDue={defaultDue}
            />
          ) : (
            <p>No verdict yet.</p>
          )}
        </Card>
      )}
    </>
  );
}
