import Link from "next/link";
import type { adminHome } from "@/server/home/queries";
import type { adminSummary } from "@/server/home/staff-dashboards";
import { formatDate } from "@/lib/format";
import { roleLabels } from "@/lib/roles";
import type { ActionState } from "@/lib/action-state";
import { ActionForm } from "@/ui/action-form";
import { DataTable, Pager } from "@/ui/kit";
import { CountCards } from "./count-cards";
import { EnrolmentTable } from "./enrolment-table";

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;
type Props = {
  centreId: string;
  centreName: string;
  data: Awaited<ReturnType<typeof adminHome>>;
  summary: Awaited<ReturnType<typeof adminSummary>>;
  actorId: string;
  actions: { signOutEverywhere: Action; setAccountActive: Action };
};

export function AdminHome({ centreId, centreName, data, summary, actorId, actions }: Props) {
  const { users, enrolments } = data;
  const [usersId, enrolmentsId] = [`users-${centreId}`, `enrolments-${centreId}`];
  return (
    <section aria-labelledby={`admin-${centreId}`}>
      <h2 id={`admin-${centreId}`}>{centreName}: users and enrolments</h2>
      <h3>To put right</h3>
      <CountCards
        label={`What to put right in ${centreName}`}
        counts={[
          { label: "Enrolments with no assessor", value: summary.noAssessor, href: `#${enrolmentsId}`, tone: "danger" },
          { label: "Enrolments with no IQA", value: summary.noIqa, href: `#${enrolmentsId}`, tone: "warning" },
          { label: "Learners with no unit", value: summary.learnersWithoutUnit, href: `#${usersId}`, tone: "warning" },
          { label: "Disabled accounts", value: summary.disabled, href: `#${usersId}`, tone: "info" },
          { label: "Users", value: users.total, href: `#${usersId}` },
          { label: "Enrolments", value: enrolments.total, href: `#${enrolmentsId}` },
        ]}
      />
      <p>
        <Link href="/integrity">Record integrity</Link>: whether any signed record or audit entry has been changed outside Attest.
      </p>
      <div id={usersId}>
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
                <td className="email" data-label="Email">
                  {u.email}
                </td>
                <td data-label="Roles">{u.roleGrants.map((g) => roleLabels[g.role] + (g.endsAt ? ` (until ${formatDate(g.endsAt)})` : "")).join(", ")}</td>
                <td data-label="Account">{u.active ? "Active" : "Disabled"}</td>
                <td data-label="Last signed in">{u.lastSignInAt ? formatDate(u.lastSignInAt) : "Never"}</td>
                <td data-label="Sessions and access">
                  <div className="row-actions">
                    <ActionForm
                      action={actions.signOutEverywhere}
                      submitLabel="Sign out everywhere"
                      done="Signed out everywhere."
                      secondary
                      aria-label={`Sign ${u.name} out everywhere`}
                    >
                      <input type="hidden" name="userId" value={u.id} />
                    </ActionForm>
                    {u.id !== actorId && (
                      <ActionForm
                        action={actions.setAccountActive}
                        submitLabel={u.active ? "Disable account" : "Enable account"}
                        secondary
                        aria-label={`${u.active ? "Disable" : "Enable"} the account of ${u.name}`}
                      >
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
      </div>
      <div id={enrolmentsId}>
        <EnrolmentTable label={`${centreName} enrolments`} enrolments={enrolments} href={(n) => `?users=${users.page}&enrolments=${n}`} />
      </div>
    </section>
  );
}
