import type { Actor } from "@/server/auth/actor";
import { type Tx, db } from "@/server/db/client";
import { Prisma } from "@/server/db/generated/client";

export type NewNotification = { userId: string; centreId: string; kind: string; message: string; link: string };

export async function notify(tx: Tx, notes: NewNotification[]): Promise<void> {
  if (notes.length) await tx.notification.createMany({ data: notes });
}

/** The INSERT of these notices, for a write that does its work in one statement (a WITH query). */
export function notificationsInsert(notes: NewNotification[]): Prisma.Sql {
  const column = <K extends keyof NewNotification>(key: K) => notes.map((n) => n[key]);
  // "createdAt" goes as UTC text to a column without a time zone, as Prisma writes DateTime.
  return Prisma.sql`INSERT INTO "Notification" ("id", "userId", "centreId", "kind", "message", "link", "createdAt")
    SELECT gen_random_uuid(), n.*, ${new Date().toISOString()}::timestamp
    FROM unnest(${column("userId")}::uuid[], ${column("centreId")}::uuid[], ${column("kind")}::text[], ${column("message")}::text[], ${column("link")}::text[]) AS n`;
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
