import { z } from "zod";
import { WRONG_CREDENTIALS, lockoutDelayMs } from "@/lib/throttle";
import { appendAudit } from "@/server/audit/append";
import type { Db, Tx } from "@/server/db/client";
import { decoyHash, verifyPassword } from "./password";
import { startSession } from "./sessions";
import { must } from "@/lib/must";

export const credentialsSchema = z.object({
  email: z.string({ error: "Enter your email address" }).trim().toLowerCase().email("Enter an email address, like name@example.com").max(254),
  password: z.string({ error: "Enter your password" }).min(1, "Enter your password").max(1024),
});

export class SignInError extends Error {}

export type SignedInUser = { id: string; email: string; name: string; sessionId: string };

/**
 * Checks credentials, throttling failures per account; every outcome is audited and starts no
 * session unless it succeeds. Every failure gives the same message after the same work (one
 * argon2 verification), so neither the words nor the time tell whether the account exists.
 */
export async function signInWithPassword(db: Db, input: unknown, ip: string | null, now = new Date()): Promise<SignedInUser> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) throw new SignInError(must(parsed.error.issues[0], "parsed.error.issues[0]").message);
  const { email, password } = parsed.data;

  const user = await db.user.findUnique({ where: { email } });
  const passwordRight = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
  if (!user || !user.passwordHash) {
    await db.$transaction((tx) => appendAudit(tx, { kind: "auth.sign_in_failed", actorId: null, data: { email, reason: "unknown_user" } }, { ip }));
    throw new SignInError(WRONG_CREDENTIALS);
  }
  const audit = { subject: `user:${user.id}`, ip };
  if (user.lockedUntil && user.lockedUntil > now) {
    await db.$transaction((tx) => appendAudit(tx, { kind: "auth.sign_in_failed", actorId: user.id, data: { email, reason: "throttled" } }, audit));
    throw new SignInError(WRONG_CREDENTIALS);
  }
  if (!passwordRight) {
    await db.$transaction(async (tx) => {
      await recordFailedPassword(tx, user.id, now);
      await appendAudit(tx, { kind: "auth.sign_in_failed", actorId: user.id, data: { email, reason: "password" } }, audit);
    });
    throw new SignInError(WRONG_CREDENTIALS);
  }
  if (!user.active) {
    await db.$transaction((tx) => appendAudit(tx, { kind: "auth.sign_in_failed", actorId: user.id, data: { email, reason: "inactive" } }, audit));
    throw new SignInError(WRONG_CREDENTIALS);
  }
  const sessionId = await db.$transaction(async (tx) => {
    // Conditional on what was checked: a disable or password change that commits meanwhile (ending
    // every session) must not be followed by a session started on the old state.
    const { count } = await tx.user.updateMany({
      where: { id: user.id, active: true, passwordHash: user.passwordHash },
      data: { failedSignIns: 0, lockedUntil: null, lastSignInAt: now },
    });
    if (count !== 1) return null;
    const id = await startSession(tx, user.id, ip, now);
    await appendAudit(tx, { kind: "auth.sign_in", actorId: user.id, data: { email, sessionId: id } }, audit);
    return id;
  });
  if (!sessionId) throw new SignInError(WRONG_CREDENTIALS);
  return { id: user.id, email: user.email, name: user.name, sessionId };
}

/** Counts a wrong password against the account; from the sixth in a row it must wait. */
export async function recordFailedPassword(tx: Tx, userId: string, now: Date): Promise<void> {
  // Increment in SQL so parallel failures all count.
  const updated = await tx.user.update({ where: { id: userId }, data: { failedSignIns: { increment: 1 } }, select: { failedSignIns: true } });
  const delay = lockoutDelayMs(updated.failedSignIns);
  if (delay > 0) await tx.user.update({ where: { id: userId }, data: { lockedUntil: new Date(now.getTime() + delay) } });
}
