import type { Metadata } from "next";
import { formatDateTime } from "@/lib/format";
import { integrityStatus } from "@/server/audit/status";
import { orNotFound, requireActor } from "@/server/edge/page";
import { ActionForm } from "@/ui/action-form";
import { Card, cn } from "@/ui/kit";
import { checkIntegrityAction } from "./actions";

export const metadata: Metadata = { title: "Record integrity" };

const sources = { cli: "an operator (attest audit verify)", admin: "a centre admin", schedule: "the daily check" } as Record<string, string>;

export default async function IntegrityPage() {
  const actor = await requireActor("/integrity");
  const status = await orNotFound(integrityStatus(actor));
  const { verification: v, checkpoint } = status;
  return (
    <>
      <h1>Record integrity</h1>
      <p className="text-lg text-muted">
        Every change that matters is written to an audit trail in which each entry seals the one before it, and the trail is signed with a key kept outside the
        database. The check below walks the whole trail and re-checks every signed decision, plan, sign-off and submitted item against what was signed.
      </p>
      <section aria-labelledby="last-check" className="my-4">
        <Card>
          <h2 id="last-check" className="mt-0">
            Last check
          </h2>
          {!v ? (
            <p>The records have not been checked yet.</p>
          ) : (
            <>
              <p
                className={cn(
                  "border-l-[6px] px-4 py-2 font-semibold",
                  v.ok ? "border-success bg-success-tint text-success" : "border-danger bg-danger-tint text-danger",
                )}
              >
                {v.ok
                  ? "Intact: nothing has been changed outside Attest."
                  : "Not intact: a record was changed outside Attest. Tell your Attest operator at once."}
              </p>
              {v.problem && (
                <p className="break-words">
                  <strong>First problem found:</strong> {v.problem}
                </p>
              )}
              <dl>
                <dt className="mt-2 font-bold">Checked</dt>
                <dd className="ml-4">
                  {formatDateTime(v.finishedAt)}, by {v.checkedBy ?? sources[v.source] ?? v.source}
                </dd>
                <dt className="mt-2 font-bold">What was checked</dt>
                <dd className="ml-4">
                  {v.eventsChecked.toLocaleString("en-GB")} audit entries and {v.recordsChecked.toLocaleString("en-GB")} signed records
                </dd>
              </dl>
            </>
          )}
          <p className="mb-0">
            {checkpoint
              ? `The audit trail was last signed on ${formatDateTime(checkpoint.signedAt)} (entry ${checkpoint.eventId}).`
              : "The audit trail has not been signed yet."}
          </p>
        </Card>
      </section>
      <ActionForm action={checkIntegrityAction} submitLabel="Check now" pendingLabel="Checking…" done="Checked: the result is above.">
        <></>
      </ActionForm>
    </>
  );
}
