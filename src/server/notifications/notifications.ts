import type { Actor } from "@/server/auth/actor";
import { type Tx, db } from "@/server/db/client";

export type NewNotification = { userId: string; centreId: string; kind: string; message: string; link: string };

export async function notify(tx: Tx, notes: NewNotification[]): Promise<void> {
  if (notes.length) await tx.notification.createMany({ data: notes });
}

export async function unreadCount(actor: Actor): Promise<number> {
  return db.notification.count({ where: { userId: actor.userId, readAt: null } });
}

export async function listNotifications(actor: Actor) {
  return db.notification.findMany({ where: { userId: actor.userId }, orderBy: { createdAt: "desc" }, take: 50 });
}

/** Marks the actor's own notifications read; another user's ids match nothing. */
export async function markNotificationsRead(actor: Actor): Promise<void> {
  await db.notification.updateMany({ where: { userId: actor.userId, readAt: null }, data: { readAt: new Date() } });
}
