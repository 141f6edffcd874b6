import type { ActionState } from "@/lib/action-state";
import { formatDate, formatDateTime } from "@/lib/format";
import { ActionForm } from "@/ui/action-form";
import { Disclosure, TextAreaField, TextField } from "@/ui/kit";

type Request = {
  id: string;
  witnessName: string;
  witnessEmail: string;
  jobRole: string;
  relationship: string;
  statement: string;
  createdAt: Date;
  expiresAt: Date;
  respondedAt: Date | null;
  outcome: "CONFIRMED" | "DECLINED" | null;
  confirmedName: string | null;
};

function status(r: Request) {
  if (r.respondedAt) return `${r.outcome === "CONFIRMED" ? "Confirmed" : "Declined"} by ${r.confirmedName} on ${formatDateTime(r.respondedAt)}`;
  if (r.expiresAt <= new Date()) return `Expired on ${formatDate(r.expiresAt)} without an answer`;
  return `Awaiting an answer; the link expires on ${formatDate(r.expiresAt)}`;
}

export function Witnesses({
  evidenceId,
  requests,
  canRequest,
  action,
}: {
  evidenceId: string;
  requests: Request[];
  canRequest: boolean;
  action: (s: ActionState, f: FormData) => Promise<ActionState>;
}) {
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
                <p className="whitespace-pre-wrap">{r.statement}</p>
              </details>
            </li>
          ))}
        </ul>
      )}
      {canRequest && (
        <Disclosure summary="Request witness testimony">
          <ActionForm action={action} submitLabel="Request witness testimony" done="The witness has been sent a link.">
            <input type="hidden" name="evidenceId" value={evidenceId} />
            <TextField id="w-name" name="witnessName" label="Witness's name" required />
            <TextField id="w-email" name="witnessEmail" type="email" label="Witness's email address" required />
            <TextField id="w-role" name="jobRole" label="Their job role" required />
            <TextField id="w-rel" name="relationship" label="How they know the learner" required />
            <TextAreaField id="w-statement" name="statement" label="The statement to confirm" rows={4} required />
          </ActionForm>
        </Disclosure>
      )}
    </section>
  );
}
