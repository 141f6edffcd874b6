import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime } from "@/lib/format";
import { requireActor } from "@/server/edge/page";
import { listNotifications } from "@/server/notifications/notifications";
import { ActionForm } from "@/ui/action-form";
import { EmptyState, Status } from "@/ui/kit";
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
        <EmptyState>Nothing yet.</EmptyState>
      ) : (
        <ul className="mb-4 list-none p-0">
          {notes.map((n) => (
            <li key={n.id} className="border-t border-line py-2 break-words">
              {!n.readAt && (
                <>
                  <Status tone="info">New</Status>{" "}
                </>
              )}
              <Link href={n.link}>{n.message}</Link> <span className="text-muted">{formatDateTime(n.createdAt)}</span>
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
