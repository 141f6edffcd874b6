import type { RoleName } from "@/lib/roles";
import { appendAudit } from "@/server/audit/append";
import { type Db, type Tx, db as appDb } from "@/server/db/client";
import { type Mail, sendMail } from "@/server/mail/send";
import { issuePasswordLink, passwordLinkMail } from "./password-links";

/** The roles a centre admin may give by invitation. External verifiers come with issue 13 (their access has a window). */
export const invitableRoles = ["LEARNER", "ASSESSOR", "IQA", "CENTRE_ADMIN"] as const satisfies readonly RoleName[];
export type InvitableRole = (typeof invitableRoles)[number];

export type Via = "web" | "cli" | "api" | "import";

export type Invitation = { centreId: string; name: string; email: string; roles: readonly InvitableRole[]; actorId: string | null; via?: Via };

export type InvitationResult = {
  userId: string;
  created: boolean;
  rolesAdded: InvitableRole[];
  mail: Mail | null;
  link: { url: string; expiresAt: Date } | null;
};

/**
 * Invites a person to a centre inside the caller's transaction: finds them by (lower-cased) email
 * or creates them without a password, grants the roles they do not hold there yet (an ended grant
 * is opened again; a current one is left as it is), audits, and, while they have no password,
 * issues a new set-password link (earlier ones stop working). The caller sends `mail` after its
 * transaction commits (sendInvitationMails): a mail cannot be taken back if the transaction fails.
 */
export async function inviteInTx(tx: Tx, invitation: Invitation, now = new Date()): Promise<InvitationResult> {
  const email = invitation.email.trim().toLowerCase();
  const via = invitation.via ?? "web";
  // One statement: a concurrent invitation of the same address finds the row this one made (and waits on its lock).
  const [user] = await tx.$queryRaw<{ id: string; name: string; created: boolean; hasPassword: boolean }[]>`
    INSERT INTO "User" (id, email, name, "createdAt", "updatedAt") VALUES (gen_random_uuid(), ${email}, ${invitation.name.trim()}, ${now}, ${now})
    ON CONFLICT (email) DO UPDATE SET email = EXCLUDED.email
    RETURNING id::text, name, (xmax = 0) AS created, "passwordHash" IS NOT NULL AS "hasPassword"`;
  if (!user) throw new Error("The user was neither found nor created");
  const rolesAdded: InvitableRole[] = [];
  for (const role of [...new Set(invitation.roles)]) {
    const rows = await tx.$queryRaw<{ role: string }[]>`
      INSERT INTO "RoleGrant" (id, "userId", "centreId", role, "createdAt") VALUES (gen_random_uuid(), ${user.id}::uuid, ${invitation.centreId}::uuid, ${role}::"Role", ${now})
      ON CONFLICT ("userId", "centreId", role) DO UPDATE SET "endsAt" = NULL, "startsAt" = NULL
        WHERE "RoleGrant"."endsAt" IS NOT NULL AND "RoleGrant"."endsAt" <= ${now}
      RETURNING role::text`;
    if (rows.length) rolesAdded.push(role);
  }
  const context = { centreId: invitation.centreId, subject: `user:${user.id}` };
  const link = user.hasPassword ? null : await issuePasswordLink(tx, { userId: user.id, purpose: "INVITE", createdById: invitation.actorId }, now);
  if (user.created) {
    await appendAudit(
      tx,
      {
        kind: "person.invited",
        actorId: invitation.actorId,
        data: { userId: user.id, email, roles: rolesAdded, created: true, linkIssued: Boolean(link), via },
      },
      context,
    );
  } else {
    for (const role of rolesAdded)
      await appendAudit(tx, { kind: "role.granted", actorId: invitation.actorId, data: { userId: user.id, role, reason: null, via } }, context);
    if (link)
      await appendAudit(
        tx,
        { kind: "password_link.issued", actorId: invitation.actorId, data: { userId: user.id, purpose: "INVITE", via: via === "cli" ? "cli" : "web" } },
        context,
      );
  }
  let mail: Mail | null = null;
  if (link) {
    const centre = await tx.centre.findUniqueOrThrow({ where: { id: invitation.centreId }, select: { id: true, name: true } });
    mail = passwordLinkMail({ email, name: user.name }, link, "INVITE", centre);
  }
  return { userId: user.id, created: user.created, rolesAdded, mail, link };
}

/**
 * Sends invitation mails after their transaction committed. A failure to send one does not stop
 * the others (the invitation stands; the admin can resend it); returns the addresses not sent.
 */
export async function sendInvitationMails(mails: (Mail | null)[], client: Db = appDb): Promise<string[]> {
  const failed: string[] = [];
  for (const mail of mails) {
    if (!mail) continue;
    try {
      await sendMail(client, mail);
    } catch (e) {
      console.warn(`[attest] could not send an invitation: ${(e as Error).message}`);
      failed.push(mail.to);
    }
  }
  return failed;
}
