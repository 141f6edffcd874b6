import { z } from "zod";
import { email, id, optionalText, text } from "@/lib/input";
import { roleLabels } from "@/lib/roles";
import { appendAudit } from "@/server/audit/append";
import type { Actor } from "@/server/auth/actor";
import { endAllSessions } from "@/server/auth/sessions";
import { type Tx, db } from "@/server/db/client";
import { UserFacingError, parseInput } from "@/server/errors";
import { canSendMail, sendMail } from "@/server/mail/send";
import { NotFoundError, administeredCentre } from "@/server/policy";
import { type InvitableRole, invitableRoles, inviteInTx } from "./invitations";
import { issuePasswordLink, passwordLinkMail } from "./password-links";

const centreField = z.uuid().optional().catch(undefined);
const role = z.enum(invitableRoles, { error: "Choose a role" });

export const invitePersonSchema = z.object({
  centreId: centreField,
  name: text(120, "Enter the person's full name"),
  email: email("Enter an email address, like name@example.com"),
  roles: z.array(role, { error: "Choose at least one role" }).min(1, "Choose at least one role"),
});

const NO_MAIL = "Attest cannot send email here (no mail server is set up), so the invitation was not made. Ask whoever runs Attest to set SMTP_URL.";

/**
 * A centre admin invites a person with one or more roles; the invitation email goes after the
 * commit. Someone who already holds every role asked for is told so, and nothing changes.
 */
export async function invitePerson(actor: Actor, input: unknown, now = new Date()) {
  const data = parseInput(invitePersonSchema, input);
  const centreId = administeredCentre(actor, "administer:account", data.centreId);
  if (!canSendMail()) throw new UserFacingError(NO_MAIL);
  const result = await db.$transaction(async (tx) => {
    const invited = await inviteInTx(tx, { centreId, name: data.name, email: data.email, roles: data.roles, actorId: actor.userId, via: "web" }, now);
    if (!invited.created && invited.rolesAdded.length === 0)
      throw new UserFacingError(`${data.email} already holds ${data.roles.length > 1 ? "these roles" : "this role"} in this centre.`, {
        email: "This person already holds the roles you chose",
      });
    return invited;
  });
  if (result.mail) await sendMail(db, result.mail);
  return { userId: result.userId, created: result.created, rolesAdded: result.rolesAdded, mailed: Boolean(result.mail) };
}

export const personTarget = z.object({ centreId: centreField, userId: id("Choose a person from the list") });

/**
 * Locks the person's row and checks they hold or held a role in the centre the actor administers
 * (else "not found"). Then locks the centre's row (no-key update: it does not block new rows that
 * refer to the centre), so that checks of the centre's admins see each other's changes.
 */
async function lockPerson(tx: Tx, actor: Actor, requestedCentre: string | undefined, userId: string) {
  const centreId = administeredCentre(actor, "administer:account", requestedCentre);
  const [user] = await tx.$queryRaw<{ id: string; name: string; email: string; active: boolean; hasPassword: boolean }[]>`
    SELECT id::text, name, email, active, "passwordHash" IS NOT NULL AS "hasPassword" FROM "User" WHERE id = ${userId}::uuid FOR UPDATE`;
  if (!user || !(await tx.roleGrant.count({ where: { userId, centreId } }))) throw new NotFoundError();
  await tx.$queryRaw`SELECT id FROM "Centre" WHERE id = ${centreId}::uuid FOR NO KEY UPDATE`;
  return { centreId, user, context: { centreId, subject: `user:${userId}` } };
}

/** How many active people other than `userId` are current admins of the centre. */
async function otherAdmins(tx: Tx, centreId: string, userId: string, now: Date) {
  return tx.roleGrant.count({
    where: { centreId, role: "CENTRE_ADMIN", userId: { not: userId }, user: { active: true }, OR: [{ endsAt: null }, { endsAt: { gt: now } }] },
  });
}

/** A new invitation link for someone who has not chosen a password; the earlier link stops working. */
export async function resendInvitation(actor: Actor, input: unknown, now = new Date()) {
  const { centreId: requested, userId } = parseInput(personTarget, input);
  if (!canSendMail()) throw new UserFacingError(NO_MAIL.replace("the invitation was not made", "nothing was sent"));
  const mail = await db.$transaction(async (tx) => {
    const { centreId, user, context } = await lockPerson(tx, actor, requested, userId);
    if (user.hasPassword)
      throw new UserFacingError(`${user.name} has already chosen a password. If they have forgotten it, they can ask for a new one from the sign-in page.`);
    if (!user.active) throw new UserFacingError(`${user.name}'s account is deactivated. Reactivate it first.`);
    const link = await issuePasswordLink(tx, { userId, purpose: "INVITE", createdById: actor.userId }, now);
    await appendAudit(tx, { kind: "password_link.issued", actorId: actor.userId, data: { userId, purpose: "INVITE", via: "web" } }, context);
    const centre = await tx.centre.findUniqueOrThrow({ where: { id: centreId }, select: { id: true, name: true } });
    return passwordLinkMail({ email: user.email, name: user.name }, link, "INVITE", centre);
  });
  await sendMail(db, mail);
  return { sentTo: mail.to };
}

export const deactivateSchema = personTarget.extend({ reason: text(500, "Give the reason for deactivating") });
export const reactivateSchema = personTarget.extend({ reason: optionalText(500) });

/** Deactivates an account: its sessions end at once and it cannot sign in. Not one's own, nor the centre's last admin. */
export async function deactivatePerson(actor: Actor, input: unknown, now = new Date()) {
  const { centreId: requested, userId, reason } = parseInput(deactivateSchema, input);
  return db.$transaction(async (tx) => {
    const { centreId, user, context } = await lockPerson(tx, actor, requested, userId);
    if (userId === actor.userId) throw new UserFacingError("You cannot deactivate your own account. Ask another administrator.");
    if (!user.active) return { sessionsEnded: 0, changed: false };
    const isAdmin = await tx.roleGrant.count({ where: { userId, centreId, role: "CENTRE_ADMIN", OR: [{ endsAt: null }, { endsAt: { gt: now } }] } });
    if (isAdmin && !(await otherAdmins(tx, centreId, userId, now)))
      throw new UserFacingError("This is the centre's last admin: make someone else an admin first.");
    await tx.user.update({ where: { id: userId }, data: { active: false } });
    const sessionsEnded = await endAllSessions(tx, userId, "account_disabled", now);
    await appendAudit(tx, { kind: "person.deactivated", actorId: actor.userId, data: { userId, reason, sessionsEnded } }, context);
    return { sessionsEnded, changed: true };
  });
}

/** Lets a deactivated account sign in again (with its password; no session comes back). */
export async function reactivatePerson(actor: Actor, input: unknown) {
  const { centreId: requested, userId, reason } = parseInput(reactivateSchema, input);
  return db.$transaction(async (tx) => {
    const { user, context } = await lockPerson(tx, actor, requested, userId);
    if (user.active) return { changed: false };
    await tx.user.update({ where: { id: userId }, data: { active: true } });
    await appendAudit(tx, { kind: "person.reactivated", actorId: actor.userId, data: { userId, reason: reason ?? null } }, context);
    return { changed: true };
  });
}

export const grantRoleSchema = personTarget.extend({ role, reason: optionalText(500) });
export const endRoleSchema = personTarget.extend({ role, reason: text(500, "Give the reason for ending the role") });

/** Gives the person a role in the centre (or opens an ended one again). */
export async function grantRole(actor: Actor, input: unknown, now = new Date()) {
  const { centreId: requested, userId, role, reason } = parseInput(grantRoleSchema, input);
  return db.$transaction(async (tx) => {
    const { centreId, user, context } = await lockPerson(tx, actor, requested, userId);
    const rows = await tx.$queryRaw<{ role: string }[]>`
      INSERT INTO "RoleGrant" (id, "userId", "centreId", role, "createdAt") VALUES (gen_random_uuid(), ${userId}::uuid, ${centreId}::uuid, ${role}::"Role", ${now})
      ON CONFLICT ("userId", "centreId", role) DO UPDATE SET "endsAt" = NULL, "startsAt" = NULL
        WHERE "RoleGrant"."endsAt" IS NOT NULL AND "RoleGrant"."endsAt" <= ${now}
      RETURNING role::text`;
    if (!rows.length)
      throw new UserFacingError(`${user.name} is already ${article(role)} ${roleLabels[role].toLowerCase()} here.`, { role: "They already hold this role" });
    await appendAudit(tx, { kind: "role.granted", actorId: actor.userId, data: { userId, role, reason: reason ?? null, via: "web" } }, context);
    return { role };
  });
}

/**
 * Ends the person's role in the centre. The grant is kept with its end, so the history shows it;
 * the person loses what the role gave on their next request. The centre keeps at least one admin,
 * and an admin does not end their own admin role.
 */
export async function endRole(actor: Actor, input: unknown, now = new Date()) {
  const { centreId: requested, userId, role, reason } = parseInput(endRoleSchema, input);
  return db.$transaction(async (tx) => {
    const { centreId, user, context } = await lockPerson(tx, actor, requested, userId);
    if (role === "CENTRE_ADMIN") {
      if (userId === actor.userId) throw new UserFacingError("You cannot end your own admin role. Ask another administrator.");
      if (!(await otherAdmins(tx, centreId, userId, now))) throw new UserFacingError("This is the centre's last admin: make someone else an admin first.");
    }
    const { count } = await tx.roleGrant.updateMany({
      where: { userId, centreId, role, OR: [{ endsAt: null }, { endsAt: { gt: now } }] },
      data: { endsAt: now },
    });
    if (count !== 1) throw new UserFacingError(`${user.name} does not hold this role here now.`, { role: "They do not hold this role" });
    await appendAudit(tx, { kind: "role.ended", actorId: actor.userId, data: { userId, role, reason } }, context);
    return { role };
  });
}

const article = (role: InvitableRole) => (role === "IQA" || role === "ASSESSOR" ? "an" : "a");
