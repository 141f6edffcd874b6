import { appendAudit } from "@/server/audit/append";
import { db } from "@/server/db/client";
import type { Actor } from "./actor";
import { endAllSessions } from "./sessions";

/** A person ends every session of their own (a lost phone, a shared computer), this one included. */
export async function signOutMyselfEverywhere(actor: Actor, ip: string | null = null, now = new Date()): Promise<{ sessionsEnded: number }> {
  return db.$transaction(async (tx) => {
    const sessionsEnded = await endAllSessions(tx, actor.userId, "signed_out_everywhere", now);
    await appendAudit(tx, { kind: "auth.signed_out_everywhere", actorId: actor.userId, data: { sessionsEnded } }, { subject: `user:${actor.userId}`, ip });
    return { sessionsEnded };
  });
}
