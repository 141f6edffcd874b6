import { z } from "zod";
import { INACTIVE_ACCOUNT, WRONG_CREDENTIALS, lockoutDelayMs, throttledMessage } from "../../lib/throttle";
import { appendAudit } from "../audit/append";
import type { Db } from "../db/client";
import { decoyHash, verifyPassword } from "./password";

export const credentialsSchema = z.object({
  email: z.string({ error: "Enter your email address" }).trim().toLowerCase().email("Enter an email address, like name@example.com").max(254),
  password: z.string({ error: "Enter your password" }).min(1, "Enter your password").max(1024),
});

export class SignInError extends Error {}

export type SignedInUser = { id: string; email: string; name: string };

/** Checks credentials, throttling failures per account; every outcome is audited. */
export async function signInWithPassword(db: Db, input: unknown, ip: string | null, now = new Date()): Promise<SignedInUser> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) throw new SignInError(parsed.error.issues[0]!.message);
  const { email, password } = parsed.data;

  const user = await db.user.findUnique({ where: { email } });
  if (!user || !user.passwordHash) {
    await verifyPassword(await decoyHash(), password);
    await db.$transaction((tx) => appendAudit(tx, { kind: "auth.sign_in_failed", actorId: null, data: { email, reason: "unknown_user" } }, { ip }));
    throw new SignInError(WRONG_CREDENTIALS);
  }
  const audit = { subject: `user:${user.id}`, ip };
  if (user.lockedUntil && user.lockedUntil > now) {
    await db.$transaction((tx) => appendAudit(tx, { kind: "auth.sign_in_failed", actorId: user.id, data: { email, reason: "throttled" } }, audit));
    throw new SignInError(throttledMessage(user.lockedUntil, now));
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    await db.$transaction(async (tx) => {
      // Increment in SQL so parallel failures all count.
      const updated = await tx.user.update({ where: { id: user.id }, data: { failedSignIns: { increment: 1 } }, select: { failedSignIns: true } });
      const delay = lockoutDelayMs(updated.failedSignIns);
      if (delay > 0) await tx.user.update({ where: { id: user.id }, data: { lockedUntil: new Date(now.getTime() + delay) } });
      await appendAudit(tx, { kind: "auth.sign_in_failed", actorId: user.id, data: { email, reason: "password" } }, audit);
    });
    throw new SignInError(WRONG_CREDENTIALS);
  }
  if (!user.active) {
    await db.$transaction((tx) => appendAudit(tx, { kind: "auth.sign_in_failed", actorId: user.id, data: { email, reason: "inactive" } }, audit));
    throw new SignInError(INACTIVE_ACCOUNT);
  }
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { failedSignIns: 0, lockedUntil: null, lastSignInAt: now } });
    await appendAudit(tx, { kind: "auth.sign_in", actorId: user.id, data: { email } }, audit);
  });
  return { id: user.id, email: user.email, name: user.name };
}
