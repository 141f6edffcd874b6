import { formatDateTime } from "@/lib/format";
import type { Tx } from "@/server/db/client";
import type { PasswordTokenPurpose } from "@/server/db/generated/client";
import { appUrl } from "@/server/env";
import type { Mail } from "@/server/mail/send";
import { hashSecretToken, newSecretToken } from "@/server/tokens/secret-token";

export const PASSWORD_LINK_DAYS = 7;

/**
 * A single-use link to choose a password, valid for 7 days. Issuing one cancels the user's earlier
 * unused links, so only the newest works. The caller writes the audit event in the same transaction
 * and sends the mail after the commit.
 */
export async function issuePasswordLink(
  tx: Tx,
  link: { userId: string; purpose: PasswordTokenPurpose; createdById: string | null },
  now = new Date(),
): Promise<{ url: string; expiresAt: Date }> {
  const token = newSecretToken();
  const expiresAt = new Date(now.getTime() + PASSWORD_LINK_DAYS * 86_400_000);
  await tx.passwordToken.updateMany({ where: { userId: link.userId, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
  await tx.passwordToken.create({ data: { ...link, tokenHash: hashSecretToken(token), expiresAt, createdAt: now } });
  return { url: `${appUrl()}/set-password/${token}`, expiresAt };
}

/** The email carrying a password link: an invitation to a centre, or a reset the person asked for. */
export function passwordLinkMail(
  to: { email: string; name: string },
  link: { url: string; expiresAt: Date },
  purpose: PasswordTokenPurpose,
  centre: { id: string; name: string } | null,
): Mail {
  const expiry = `The link works once and expires on ${formatDateTime(link.expiresAt)} (UK time).`;
  const lines =
    purpose === "INVITE"
      ? [
          `Dear ${to.name},`,
          "",
          `You have been given an account on Attest${centre ? ` by ${centre.name}` : ""}, where your vocational qualification work is kept and assessed.`,
          "",
          "Open this link to choose your password and sign in:",
          link.url,
          "",
          expiry,
        ]
      : [
          `Dear ${to.name},`,
          "",
          "Someone asked to reset the password of your Attest account. If it was you, open this link to choose a new one:",
          link.url,
          "",
          expiry,
          "If it was not you, ignore this email: your password has not changed.",
        ];
  return {
    to: to.email,
    centreId: centre?.id ?? null,
    subject: purpose === "INVITE" ? "Your Attest account: choose a password" : "Reset your Attest password",
    text: lines.join("\n"),
  };
}
