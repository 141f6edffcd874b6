import type { Db, Tx } from "@/server/db/client";
import { sessionLimits } from "@/server/env";

// A sign-in is a row in "Session"; the cookie only names it. A cookie whose row has ended,
// expired or sat idle too long is refused, whatever the cookie's own expiry says.

export type EndReason = "sign_out" | "password_changed" | "signed_out_everywhere" | "account_disabled";

// lastSeenAt is written at most this often, so a busy user costs one UPDATE a minute, not one per request.
const TOUCH_EVERY_MS = 60_000;

export async function startSession(tx: Tx, userId: string, ip: string | null, now = new Date()): Promise<string> {
  const { lifetimeMs } = sessionLimits();
  const row = await tx.session.create({
    data: { userId, ip, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + lifetimeMs) },
    select: { id: true },
  });
  return row.id;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether the session is live for this user now; if so, and it was last seen over a minute ago,
 * marks it seen. One statement: the check and the touch cannot disagree.
 */
export async function touchLiveSession(db: Db, sessionId: unknown, userId: unknown, now = new Date()): Promise<boolean> {
  if (typeof sessionId !== "string" || typeof userId !== "string" || !UUID.test(sessionId) || !UUID.test(userId)) return false;
  const idleSince = new Date(now.getTime() - sessionLimits().idleMs);
  const touchBefore = new Date(now.getTime() - TOUCH_EVERY_MS);
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH live AS (
      SELECT id, "lastSeenAt" FROM "Session"
      WHERE id = ${sessionId}::uuid AND "userId" = ${userId}::uuid AND "endedAt" IS NULL AND "expiresAt" > ${now} AND "lastSeenAt" > ${idleSince}
    ), touched AS (
      UPDATE "Session" s SET "lastSeenAt" = ${now} FROM live
      WHERE s.id = live.id AND live."lastSeenAt" < ${touchBefore} AND s."endedAt" IS NULL
      RETURNING s.id
    )
    SELECT id::text FROM live`;
  return rows.length === 1;
}

/** Ends one session (sign-out); false when it had already ended. */
export async function endSession(tx: Tx, sessionId: string, userId: string, reason: EndReason, now = new Date()): Promise<boolean> {
  const { count } = await tx.session.updateMany({ where: { id: sessionId, userId, endedAt: null }, data: { endedAt: now, endReason: reason } });
  return count === 1;
}

/** Ends every session of a user; returns how many were still open. */
export async function endAllSessions(tx: Tx, userId: string, reason: EndReason, now = new Date()): Promise<number> {
  const { count } = await tx.session.updateMany({ where: { userId, endedAt: null }, data: { endedAt: now, endReason: reason } });
  return count;
}
