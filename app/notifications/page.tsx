import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime } from "@/lib/format";
import { requireActor } from "@/server/edge/page";
import { listNotifications } from "@/server/notifications/notifications";
import { ActionForm } from "@/ui/action-form";
import { markNotificationsReadAction } from "./actions";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const actor = await requireActor("/notifications");
  const notes = await listNotifications(actor);
  const unread = notes.filter((n) => !n.readAt).length;
  return (
    <>
      <h1>Notifications</h1>
      {notes.length === 0 ? (
        <p>Nothing yet.</p>
      ) : (
        <ul className="notifications">
          {notes.map((n) => (
            <li key={n.id}>
              {!n.readAt && <strong>New: </strong>}
              <Link href={n.link}>{n.message}</Link> <span className="muted">{formatDateTime(n.createdAt)}</span>
            </li>
          ))}
        </ul>
      )}
      {unread > 0 && (
        <ActionForm action={markNotificationsReadAction} submitLabel="Mark all as read" secondary>
          <></>
        </ActionForm>
      )}
    </>
  );
}
