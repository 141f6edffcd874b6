import type { ActionState } from "@/lib/action-state";
import { formatDate, formatDateTime } from "@/lib/format";
import { ActionForm } from "../action-form";
import { FieldError } from "../field-error";

type Request = { id: string; witnessName: string; witnessEmail: string; jobRole: string; relationship: string; statement: string; createdAt: Date; expiresAt: Date; respondedAt: Date | null; outcome: "CONFIRMED" | "DECLINED" | null; confirmedName: string | null };

function status(r: Request) {
  if (r.respondedAt) return `${r.outcome === "CONFIRMED" ? "Confirmed" : "Declined"} by ${r.confirmedName} on ${formatDateTime(r.respondedAt)}`;
  if (r.expiresAt <= new Date()) return `Expired on ${formatDate(r.expiresAt)} without an answer`;
  return `Awaiting an answer; the link expires on ${formatDate(r.expiresAt)}`;
}

export function Witnesses({ evidenceId, requests, canRequest, action }: { evidenceId: string; requests: Request[]; canRequest: boolean; action: (s: ActionState, f: FormData) => Promise<ActionState> }) {
  return (
    <section aria-labelledby="witnesses" id="witnesses-section">
      <h2 id="witnesses">Witness testimony</h2>
      {requests.length === 0 ? (
        <p>No witness has been asked yet.</p>
      ) : (
        <ul>
          {requests.map((r) => (
            <li key={r.id}>
              <strong>{r.witnessName}</strong> ({r.jobRole}, {r.relationship}): {status(r)}.
              <details>
                <summary>Statement sent to {r.witnessName}</summary>
                <p className="prose">{r.statement}</p>
              </details>
            </li>
          ))}
        </ul>
      )}
      {canRequest && (
        <details className="panel">
          <summary>Request witness testimony</summary>
          <ActionForm action={action} submitLabel="Request witness testimony" done="The witness has been sent a link.">
            <input type="hidden" name="evidenceId" value={evidenceId} />
            <div className="field">
              <label htmlFor="w-name">Witness&apos;s name</label>
              <FieldError name="witnessName" />
              <input id="w-name" name="witnessName" type="text" required />
            </div>
            <div className="field">
              <label htmlFor="w-email">Witness&apos;s email address</label>
              <FieldError name="witnessEmail" />
              <input id="w-email" name="witnessEmail" type="email" required />
            </div>
            <div className="field">
              <label htmlFor="w-role">Their job role</label>
              <FieldError name="jobRole" />
              <input id="w-role" name="jobRole" type="text" required />
            </div>
            <div className="field">
              <label htmlFor="w-rel">How they know the learner</label>
              <FieldError name="relationship" />
              <input id="w-rel" name="relationship" type="text" required />
            </div>
            <div className="field">
              <label htmlFor="w-statement">The statement to confirm</label>
              <FieldError name="statement" />
              <textarea id="w-statement" name="statement" rows={4} required />
            </div>
          </ActionForm>
        </details>
      )}
    </section>
  );
}
