import Link from "next/link";
import type { adminHome } from "@/server/home/queries";
import { formatDate } from "@/lib/format";
import { roleLabels } from "@/lib/roles";
import type { ActionState } from "@/lib/action-state";
import { ActionForm } from "../action-form";
import { DataTable, Pager } from "../kit";
import { EnrolmentTable } from "./enrolment-table";

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;
type Props = { centreName: string; data: Awaited<ReturnType<typeof adminHome>>; actorId: string; actions: { signOutEverywhere: Action; setAccountActive: Action } };

export function AdminHome({ centreName, data, actorId, actions }: Props) {
  const { users, enrolments } = data;
  return (
    <section aria-labelledby="admin-centre">
      <h2 id="admin-centre">{centreName}: users and enrolments</h2>
      <p>
        <Link href="/integrity">Record integrity</Link>: whether any signed record or audit entry has been changed outside Attest.
      </p>
      <DataTable stack label={`${centreName} users`} caption={`Users (${users.total}), page ${users.page} of ${users.pages}`}>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Roles</th>
            <th scope="col">Account</th>
            <th scope="col">Last signed in</th>
            <th scope="col">Sessions and access</th>
          </tr>
        </thead>
        <tbody>
          {users.rows.map((u) => (
            <tr key={u.id}>
              <th scope="row">{u.name}</th>
              <td className="email" data-label="Email">{u.email}</td>
              <td data-label="Roles">{u.roleGrants.map((g) => roleLabels[g.role] + (g.endsAt ? ` (until ${formatDate(g.endsAt)})` : "")).join(", ")}</td>
              <td data-label="Account">{u.active ? "Active" : "Disabled"}</td>
              <td data-label="Last signed in">{u.lastSignInAt ? formatDate(u.lastSignInAt) : "Never"}</td>
              <td data-label="Sessions and access">
                <div className="row-actions">
                  <ActionForm action={actions.signOutEverywhere} submitLabel="Sign out everywhere" done="Signed out everywhere." secondary aria-label={`Sign ${u.name} out everywhere`}>
                    <input type="hidden" name="userId" value={u.id} />
                  </ActionForm>
                  {u.id !== actorId && (
                    <ActionForm action={actions.setAccountActive} submitLabel={u.active ? "Disable account" : "Enable account"} secondary aria-label={`${u.active ? "Disable" : "Enable"} the account of ${u.name}`}>
                      <input type="hidden" name="userId" value={u.id} />
                      <input type="hidden" name="active" value={u.active ? "false" : "true"} />
                    </ActionForm>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <Pager label="Users pages" page={users.page} pages={users.pages} href={(n) => `?users=${n}&enrolments=${enrolments.page}`} />
      <EnrolmentTable label={`${centreName} enrolments`} enrolments={enrolments} href={(n) => `?users=${users.page}&enrolments=${n}`} />
    </section>
  );
}
