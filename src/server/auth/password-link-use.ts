import { z } from "zod";
import { anyText, email } from "@/lib/input";
import { appendAudit } from "@/server/audit/append";
import { issuePasswordLink, passwordLinkMail } from "@/server/centre/password-links";
import { db } from "@/server/db/client";
import { UserFacingError, parseInput } from "@/server/errors";
import { type Mail, sendMail } from "@/server/mail/send";
import { hashSecretToken } from "@/server/tokens/secret-token";
import { MIN_PASSWORD_LENGTH } from "./change-password";
import { hashPassword } from "./password";
import { endAllSessions } from "./sessions";

// The links themselves are made in src/server/centre/password-links.ts; here they are opened and used.

/** The one answer for a link that cannot be used: unknown, used, expired, replaced by a newer one, or its account deactivated. */
export const LINK_NOT_VALID = "This link to choose a password does not work: it has been used, has expired, or a newer link replaced it.";

export type PasswordLinkView = { state: "not-valid" } | { state: "open"; name: string; email: string; purpose: "INVITE" | "RESET" };

const tokenShape = /^[A-Za-z0-9_-]{20,100}$/;

/** Whose account a set-password link is for, while it may still be used. */
export async function passwordLinkView(token: string, now = new Date()): Promise<PasswordLinkView> {
  if (!tokenShape.test(token)) return { state: "not-valid" };
  const row = await db.passwordToken.findUnique({
    where: { tokenHash: hashSecretToken(token) },
    select: { usedAt: true, expiresAt: true, purpose: true, user: { select: { name: true, email: true, active: true } } },
  });
  if (!row || row.usedAt || row.expiresAt <= now || !row.user.active) return { state: "not-valid" };
  return { state: "open", name: row.user.name, email: row.user.email, purpose: row.purpose };
}

export const setPasswordSchema = z
  .object({
    newPassword: anyText(1024, "Enter a new password").min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters for the new password`),
    confirmPassword: anyText(1024, "Enter the new password again").min(1, "Enter the new password again"),
  })
  .refine((d) => d.newPassword === d.confirmPassword, { path: ["confirmPassword"], message: "The two new passwords are not the same" });

/**
 * Sets the password through a link: the link is marked used by a conditional update (so of two
 * uses at once only one succeeds), the account's other links stop working, and every session of
 * the account ends; the person then signs in with the new password.
 */
export async function setPasswordWithLink(token: unknown, input: unknown, ip: string | null = null, now = new Date()): Promise<{ email: string }> {
  const data = parseInput(setPasswordSchema, input);
  if (typeof token !== "string" || !tokenShape.test(token)) throw new UserFacingError(LINK_NOT_VALID);
  const passwordHash = await hashPassword(data.newPassword);
  return db.$transaction(async (tx) => {
    const used = await tx.$queryRaw<{ userId: string; purpose: "INVITE" | "RESET"; email: string }[]>`
      UPDATE "PasswordToken" t SET "usedAt" = ${now} FROM "User" u
      WHERE t."tokenHash" = ${hashSecretToken(token)} AND t."usedAt" IS NULL AND t."expiresAt" > ${now} AND u.id = t."userId" AND u.active
      RETURNING t."userId"::text AS "userId", t.purpose::text AS purpose, u.email`;
    const [link] = used;
    if (used.length !== 1 || !link) throw new UserFacingError(LINK_NOT_VALID);
    await tx.passwordToken.updateMany({ where: { userId: link.userId, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
    await tx.user.update({ where: { id: link.userId }, data: { passwordHash, failedSignIns: 0, lockedUntil: null } });
    const sessionsEnded = await endAllSessions(tx, link.userId, "password_changed", now);
    await appendAudit(
      tx,
      { kind: "auth.password_set", actorId: link.userId, data: { purpose: link.purpose, sessionsEnded } },
      { subject: `user:${link.userId}`, ip },
    );
    return { email: link.email };
  });
}

/** At most this many reset links a person may ask for in an hour, so the form cannot flood an inbox. */
export const RESETS_PER_HOUR = 3;

export const forgottenPasswordSchema = z.object({ email: email("Enter your email address, like name@example.com") });

/**
 * A person asks for a link to choose a new password. When the address belongs to an active
 * account that has not had three such links this hour, a RESET link is made and its mail
 * returned, to be sent after the commit. The caller answers the same whatever happened.
 */
export async function requestPasswordReset(input: unknown, ip: string | null = null, now = new Date()): Promise<Mail | null> {
  const { email: address } = parseInput(forgottenPasswordSchema, input);
  return db.$transaction(async (tx) => {
    // Locked, so two requests at once cannot both pass the hourly limit.
    const [user] = await tx.$queryRaw<{ id: string; name: string; active: boolean }[]>`
      SELECT id::text, name, active FROM "User" WHERE email = ${address} FOR UPDATE`;
    const audit = (outcome: "sent" | "unknown" | "inactive" | "limit") =>
      appendAudit(tx, { kind: "password_reset.requested", actorId: null, data: { email: address, outcome } }, { subject: user ? `user:${user.id}` : null, ip });
    if (!user) return audit("unknown").then(() => null);
    if (!user.active) return audit("inactive").then(() => null);
    const recent = await tx.passwordToken.count({
      where: { userId: user.id, purpose: "RESET", createdById: null, createdAt: { gt: new Date(now.getTime() - 3_600_000) } },
    });
    if (recent >= RESETS_PER_HOUR) return audit("limit").then(() => null);
    const link = await issuePasswordLink(tx, { userId: user.id, purpose: "RESET", createdById: null }, now);
    await audit("sent");
    return passwordLinkMail({ email: address, name: user.name }, link, "RESET", null);
  });
}

/**
 * The forgotten-password form's work. The mail goes out without being waited for, so the answer
 * takes as long whether or not the address has an account.
 */
export async function forgottenPassword(input: unknown, ip: string | null = null): Promise<void> {
  const mail = await requestPasswordReset(input, ip);
  if (mail) void sendMail(db, mail).catch((e: Error) => console.warn(`[attest] could not send a password reset link: ${e.message}`));
}
