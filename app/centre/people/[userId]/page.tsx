import type { Metadata } from "next";
import Link from "next/link";
import { formatDate } from "@/lib/format";
import { roleLabels } from "@/lib/roles";
import { invitableRoles } from "@/server/centre/invitations";
import { personInCentre } from "@/server/centre/people";
import { orNotFound, requireActor } from "@/server/edge/page";
import { ActionForm } from "@/ui/action-form";
import { Facts, Notice, SelectField, TextAreaField } from "@/ui/kit";
import { PersonHistory } from "@/ui/people/history";
import { PersonStatusBadge } from "@/ui/people/status";
import { deactivatePersonAction, endRoleAction, grantRoleAction, reactivatePersonAction, resendInvitationAction } from "../actions";

export const metadata: Metadata = { title: "Person" };

export default async function PersonPage({
  params,
  searchParams,
}: {
  params: Promise<{ userId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { userId } = await params;
  const actor = await requireActor(`/centre/people/${userId}`);
  const query = await searchParams;
  const view = await orNotFound(personInCentre(actor, typeof query.centre === "string" ? query.centre : null, userId));
  const { person, roles, endedRoles } = view;
  const held = new Set(roles.map((r) => r.role));
  const grantable = invitableRoles.filter((r) => !held.has(r));
  const endable = roles.filter((r) => r.role !== "EXTERNAL_VERIFIER");
  const hidden = (
    <>
      <input type="hidden" name="centreId" value={view.centreId} />
      <input type="hidden" name="userId" value={person.id} />
    </>
  );
  return (
    <>
      <p>
        <Link href="/centre/people">Back to people</Link>
      </p>
      <h1>{person.name}</h1>
      {query.invited === "new" && (
        <Notice tone="success" role="status" className="wrap-anywhere">
          Invitation sent to {person.email}.
        </Notice>
      )}
      {query.invited === "roles" && (
        <Notice tone="success" role="status">
          {person.name} already had an account: the new roles are theirs now{person.status === "invited" ? ", and a new invitation was sent" : ""}.
        </Notice>
      )}
      <Facts>
        <dt>Email</dt>
        <dd className="email">{person.email}</dd>
        <dt>Account</dt>
        <dd>
          <PersonStatusBadge status={person.status} />
          {person.status === "invited" &&
            (view.invitationExpiresAt ? ` Their link works until ${formatDate(view.invitationExpiresAt)}.` : " Their link has expired.")}
        </dd>
        <dt>Roles here</dt>
        <dd>{roles.length ? roles.map((r) => roleLabels[r.role] + (r.until ? ` (until ${formatDate(r.until)})` : "")).join(", ") : "No current role"}</dd>
        {endedRoles.length > 0 && (
          <>
            <dt>Ended roles</dt>
            <dd>{endedRoles.map((r) => `${roleLabels[r.role]} (ended ${formatDate(r.ended)})`).join(", ")}</dd>
          </>
        )}
        <dt>Last signed in</dt>
        <dd>{person.lastSignInAt ? formatDate(person.lastSignInAt) : "Never"}</dd>
      </Facts>

      {person.status === "invited" && (
        <section aria-labelledby="invitation">
          <h2 id="invitation">Invitation</h2>
          <p>They have not chosen a password yet. A new invitation replaces the old link, which stops working.</p>
          <ActionForm action={resendInvitationAction} submitLabel="Send a new invitation" done={`A new invitation has been sent to ${person.email}.`} secondary>
            {hidden}
          </ActionForm>
        </section>
      )}

      <section aria-labelledby="roles">
        <h2 id="roles">Roles</h2>
        {grantable.length > 0 && (
          <ActionForm action={grantRoleAction} submitLabel="Give role" done="Role given." aria-label="Give a role" className="mb-8">
            {hidden}
            <SelectField id="grant-role" name="role" label="Give a role">
              {grantable.map((r) => (
                <option key={r} value={r}>
                  {roleLabels[r]}
                </option>
              ))}
            </SelectField>
            <TextAreaField id="grant-reason" name="reason" label="Reason (optional)" rows={2} />
          </ActionForm>
        )}
        {endable.length > 0 && (
          <ActionForm action={endRoleAction} submitLabel="End role" done="Role ended." secondary aria-label="End a role">
            {hidden}
            <SelectField id="end-role" name="role" label="End a role">
              {endable.map((r) => (
                <option key={r.role} value={r.role}>
                  {roleLabels[r.role]}
                </option>
              ))}
            </SelectField>
            <TextAreaField id="end-reason" name="reason" label="Reason" hint="Kept in the centre's audit trail." rows={2} required />
          </ActionForm>
        )}
      </section>

      <section aria-labelledby="account">
        <h2 id="account">Account</h2>
        {view.isSelf ? (
          <p>This is your own account: another administrator can deactivate it.</p>
        ) : person.status === "deactivated" ? (
          <ActionForm
            key="reactivate"
            action={reactivatePersonAction}
            submitLabel="Reactivate account"
            done="Account reactivated: they can sign in again."
            aria-label="Reactivate"
          >
            {hidden}
            <p>Reactivating lets them sign in again with their password.</p>
            <TextAreaField id="reactivate-reason" name="reason" label="Reason (optional)" rows={2} />
          </ActionForm>
        ) : (
          <ActionForm
            key="deactivate"
            action={deactivatePersonAction}
            submitLabel="Deactivate account"
            done="Account deactivated."
            secondary
            aria-label="Deactivate"
          >
            {hidden}
            <p>Deactivating signs them out everywhere at once; they cannot sign in until the account is reactivated. Their records stay.</p>
            <TextAreaField id="deactivate-reason" name="reason" label="Reason" hint="Kept in the centre's audit trail." rows={2} required />
          </ActionForm>
        )}
      </section>

      <section aria-labelledby="history">
        <h2 id="history">History</h2>
        <PersonHistory events={view.history} />
      </section>
    </>
  );
}
