import { z } from "zod";
import { id } from "@/lib/input";
import { appendAudit } from "@/server/audit/append";
import type { Actor } from "@/server/auth/actor";
import { endAllSessions } from "@/server/auth/sessions";
import { type Tx, db } from "@/server/db/client";
import { UserFacingError, parseInput } from "@/server/errors";
import { NotFoundError, manageableCentres } from "@/server/policy";

export const accountTarget = z.object({ userId: id("Choose a user from the list") });

/**
 * Locks the target user's row and returns the centre the actor administers it through; "not
 * found" when the actor is not a centre admin where the user holds a role.
 */
async function lockManagedUser(tx: Tx, actor: Actor, userId: string): Promise<{ centreId: string; active: boolean }> {
  const [user] = await tx.$queryRaw<{ active: boolean }[]>`SELECT active FROM "User" WHERE id = ${userId}::uuid FOR UPDATE`;
  if (!user) throw new NotFoundError();
  const grants = await tx.roleGrant.findMany({ where: { userId }, select: { centreId: true } });
  const [centreId] = manageableCentres(
    actor,
    grants.map((g) => g.centreId),
  );
  if (!centreId) throw new NotFoundError();
  return { centreId, active: user.active };
}

/** A centre admin ends every session of a user of their centre (a lost laptop, a shared computer). */
export async function signOutEverywhere(actor: Actor, input: unknown, now = new Date()): Promise<{ sessionsEnded: number }> {
  const { userId } = parseInput(accountTarget, input);
  return db.$transaction(async (tx) => {
    const { centreId } = await lockManagedUser(tx, actor, userId);
    const sessionsEnded = await endAllSessions(tx, userId, "signed_out_everywhere", now);
    await appendAudit(tx, { kind: "user.sessions_ended", actorId: actor.userId, data: { userId, sessionsEnded } }, { centreId, subject: `user:${userId}` });
    return { sessionsEnded };
  });
}

export const accountActiveInput = accountTarget.extend({
  active: z.enum(["true", "false"], { error: "Choose enable or disable" }).transform((v) => v === "true"),
});

/**
 * Disables (ending every session) or enables a user's account. Enabling does not bring back
 * sessions: the user signs in again. Admins cannot disable themselves, so a centre keeps one.
 */
export async function setAccountActive(actor: Actor, input: unknown, now = new Date()): Promise<{ active: boolean; sessionsEnded: number }> {
  const { userId, active } = parseInput(accountActiveInput, input);
  return db.$transaction(async (tx) => {
    const { centreId, active: wasActive } = await lockManagedUser(tx, actor, userId);
    if (userId === actor.userId && !active) throw new UserFacingError("You cannot disable your own account. Ask another administrator.");
    if (wasActive === active) return { active, sessionsEnded: 0 };
    await tx.user.update({ where: { id: userId }, data: { active } });
    if (!active) {
      const sessionsEnded = await endAllSessions(tx, userId, "account_disabled", now);
      await appendAudit(tx, { kind: "user.disabled", actorId: actor.userId, data: { userId, sessionsEnded } }, { centreId, subject: `user:${userId}` });
      return { active, sessionsEnded };
    }
    await appendAudit(tx, { kind: "user.enabled", actorId: actor.userId, data: { userId } }, { centreId, subject: `user:${userId}` });
    return { active, sessionsEnded: 0 };
  });
}
