import { formatDateTime } from "@/lib/format";
import { type RoleName, roleLabels } from "@/lib/roles";
import { DataTable } from "@/ui/kit";

type Event = { id: string; at: Date; kind: string; by: string; data: Record<string, unknown> };

const roleOf = (data: Record<string, unknown>) => roleLabels[data.role as RoleName] ?? String(data.role);

function describe(e: Event): string {
  switch (e.kind) {
    case "person.invited":
      return `Invited as ${((e.data.roles as RoleName[] | undefined) ?? []).map((r) => roleLabels[r]).join(", ")}`;
    case "role.granted":
      return `Given the role ${roleOf(e.data)}`;
    case "role.ended":
      return `Role ${roleOf(e.data)} ended`;
    case "person.deactivated":
    case "user.disabled":
      return "Account deactivated; sessions ended";
    case "person.reactivated":
    case "user.enabled":
      return "Account reactivated";
    case "password_link.issued":
      return e.data.purpose === "INVITE" ? "Invitation sent again" : "Password link made";
    case "user.sessions_ended":
      return "Signed out everywhere";
    default:
      return e.kind;
  }
}

/** The centre's audit events about one person, newest first: what, when, by whom, and the reason given. */
export function PersonHistory({ events }: { events: Event[] }) {
  return (
    <DataTable stack label="History" caption="What has changed, newest first" isEmpty={events.length === 0} empty="Nothing recorded yet.">
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">What</th>
          <th scope="col">By</th>
          <th scope="col">Reason</th>
        </tr>
      </thead>
      <tbody>
        {events.map((e) => (
          <tr key={e.id}>
            <th scope="row">{formatDateTime(e.at)}</th>
            <td data-label="What">{describe(e)}</td>
            <td data-label="By">{e.by}</td>
            <td data-label="Reason">{typeof e.data.reason === "string" ? e.data.reason : "—"}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
