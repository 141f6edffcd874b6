import type { Metadata } from "next";
import Link from "next/link";
import { formatDate, formatDateTime } from "@/lib/format";
import { orNotFound, requireActor } from "@/server/edge/page";
import { actionScreen } from "@/server/quality/actions-read";
import { ActionForm } from "@/ui/action-form";
import { Facts, Status, TextAreaField } from "@/ui/kit";
import { closeActionAction, respondToActionAction } from "../actions";

export const metadata: Metadata = { title: "IQA action" };

export default async function ActionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/quality/actions/${encodeURIComponent(id)}`);
  const { action, enrolmentId, reviewId, verdict, decision, responses, canRespond, canClose, canReopen } = await orNotFound(actionScreen(actor, id));
  return (
    <>
      <p className="text-muted">
        <Link href="/quality/actions">IQA actions</Link>
      </p>
      <h1 className="hyphens-auto break-words">{action.title}</h1>
      <p>
        {action.closedAt ? <Status tone="neutral">Closed</Status> : <Status tone="info">Open</Status>} Due {formatDate(new Date(`${action.dueOn}T12:00:00Z`))}.
      </p>
      <Facts>
        <dt>Learner and unit</dt>
        <dd>
          {action.learnerName}, {action.unitCode}
          {action.criterionCode ? ` ${action.criterionCode}` : ""}
        </dd>
        <dt>For</dt>
        <dd>{action.assessorName}</dd>
        <dt>Raised by</dt>
        <dd>
          {action.raisedByName} on {formatDateTime(action.raisedAt)}
        </dd>
        <dt>What to do</dt>
        <dd>{action.detail}</dd>
        {verdict && (
          <>
            <dt>IQA feedback</dt>
            <dd>{verdict.feedback}</dd>
          </>
        )}
        {decision && (
          <>
            <dt>The decision</dt>
            <dd>
              {decision.outcome === "MET" ? "Met" : "Not yet met"}, signed by {decision.typedName} on {formatDateTime(new Date(decision.decidedAt))}
              {decision.feedback ? `. Feedback: ${decision.feedback}` : ""}
            </dd>
          </>
        )}
      </Facts>
      <p>
        {reviewId && <Link href={`/quality/reviews/${reviewId}`}>See the review</Link>}
        {canReopen && enrolmentId && (
          <>
            {" "}
            · <Link href={`/enrolments/${enrolmentId}/quality`}>Reopen a criterion on this unit</Link>
          </>
        )}
      </p>
      <h2>Responses</h2>
      {responses.length === 0 ? (
        <p>No responses yet.</p>
      ) : (
        <ol className="list-none ps-0">
          {responses.map((r) => (
            <li key={r.id} className="mb-3 border-l-4 border-line pl-3 break-words">
              <p className="mb-1 font-semibold">
                {r.authorName}, {formatDateTime(r.createdAt)}
              </p>
              <p className="mb-0 whitespace-pre-line">{r.body}</p>
            </li>
          ))}
        </ol>
      )}
      {canRespond && (
        <ActionForm action={respondToActionAction} submitLabel="Send response" pendingLabel="Sending…" resetOnSuccess>
          <input type="hidden" name="actionId" value={action.id} />
          <TextAreaField id="body" name="body" label="Your response" hint="Say what you have done or will do." rows={4} />
        </ActionForm>
      )}
      {action.closedAt ? (
        <>
          <h2>Closed</h2>
          <p className="break-words">
            Closed by {action.closedByName} on {formatDateTime(action.closedAt)}: {action.closingNote}
          </p>
        </>
      ) : (
        canClose && (
          <section aria-labelledby="close-heading">
            <h2 id="close-heading">Close the action</h2>
            <ActionForm action={closeActionAction} submitLabel="Close action" pendingLabel="Closing…">
              <input type="hidden" name="actionId" value={action.id} />
              <TextAreaField id="closingNote" name="closingNote" label="Closing note" hint="Why the action is done." rows={3} />
            </ActionForm>
          </section>
        )
      )}
    </>
  );
}
