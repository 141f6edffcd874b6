import { db } from "@/server/db/client";
import { z } from "zod";
import { anyText } from "@/lib/input";
import { appendAudit } from "@/server/audit/append";
import type { Db } from "@/server/db/client";
import { UserFacingError, parseInput } from "@/server/errors";
import { UnauthenticatedError } from "@/server/policy";
import type { Actor } from "./actor";
import { hashPassword, verifyPassword } from "./password";
import { endAllSessions } from "./sessions";
import { recordFailedPassword } from "./sign-in";

export const MIN_PASSWORD_LENGTH = 12;

export const changePasswordSchema = z
  .object({
    currentPassword: anyText(1024, "Enter your current password").min(1, "Enter your current password"),
    newPassword: anyText(1024, "Enter a new password").min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters for the new password`),
    confirmPassword: anyText(1024, "Enter the new password again").min(1, "Enter the new password again"),
  })
  .refine((d) => d.newPassword === d.confirmPassword, { path: ["confirmPassword"], message: "The two new passwords are not the same" })
  .refine((d) => d.newPassword !== d.currentPassword, { path: ["newPassword"], message: "Choose a new password that is not your current one" });

/**
 * Changes the actor's own password and ends every session they have, this one included, so a
 * cookie taken before the change no longer works. A wrong current password counts towards the
 * account's sign-in throttling, so a borrowed session cannot be used to guess it.
 */
export async function changePassword(actor: Actor, input: unknown, ip: string | null = null, now = new Date()): Promise<{ sessionsEnded: number }> {
  const data = parseInput(changePasswordSchema, input);
  const newHash = await hashPassword(data.newPassword);
  const outcome = await db.$transaction(async (tx) => {
    const [user] = await tx.$queryRaw<{ passwordHash: string | null; lockedUntil: Date | null }[]>`
      SELECT "passwordHash", "lockedUntil" FROM "User" WHERE id = ${actor.userId}::uuid FOR UPDATE`;
    if (!user) throw new UnauthenticatedError();
    const right = user.passwordHash !== null && (await verifyPassword(user.passwordHash, data.currentPassword));
    if (user.lockedUntil && user.lockedUntil > now) return "throttled" as const;
    if (!right) {
      // Committed with the refusal, so each wrong guess counts.
      await recordFailedPassword(tx, actor.userId, now);
      return "wrong" as const;
    }
    await tx.user.update({ where: { id: actor.userId }, data: { passwordHash: newHash, failedSignIns: 0, lockedUntil: null } });
    const sessionsEnded = await endAllSessions(tx, actor.userId, "password_changed", now);
    await appendAudit(tx, { kind: "auth.password_changed", actorId: actor.userId, data: { sessionsEnded } }, { subject: `user:${actor.userId}`, ip });
    return { sessionsEnded };
  });
  if (outcome === "throttled") throw new UserFacingError("Too many wrong passwords for this account. Wait up to 15 minutes and try again.");
  if (outcome === "wrong") throw new UserFacingError("Your current password is not right.", { currentPassword: "Enter the password you use to sign in now" });
  return outcome;
}
