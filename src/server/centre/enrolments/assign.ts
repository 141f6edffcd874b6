import { z } from "zod";
import { id, optionalText } from "@/lib/input";
import { appendAudit } from "@/server/audit/append";
import type { Actor } from "@/server/auth/actor";
import { type Tx, db } from "@/server/db/client";
import { UserFacingError, parseInput } from "@/server/errors";
import { rolesInCentre, roleWords } from "./holders";
import { lockAdministeredEnrolment } from "./lock";

export const assignInput = z.object({
  enrolmentId: id("Choose an enrolment"),
  role: z.enum(["ASSESSOR", "IQA"], { error: "Choose assessor or internal quality assurer" }),
  userId: z.preprocess((v) => (v === "" || v == null ? null : v), id("Choose a person from the list").nullable()),
  reason: optionalText(500),
});

type Assignment = {
  enrolmentId: string;
  centreId: string;
  role: "ASSESSOR" | "IQA";
  userId: string | null;
  current: string | null;
  reason?: string;
  actorId: string | null;
};

/**
 * Makes `userId` (or nobody) the enrolment's assessor or IQA, in the caller's transaction, with the
 * enrolment locked: the current assignment row ends and a new one starts, so the history keeps
 * who it was and when. The caseload reads Enrolment.assessorId, so the new assessor sees the
 * learner at once. Returns false when it was already so (nothing written).
 */
export async function assignInTx(tx: Tx, a: Assignment, now = new Date()): Promise<boolean> {
  if (a.current === a.userId) return false;
  if (a.userId) {
    const held = await rolesInCentre(tx, a.centreId, [a.userId], now);
    if (!held.get(a.userId)?.has(a.role))
      throw new UserFacingError(`Choose ${roleWords[a.role]} of this centre`, { userId: `Choose ${roleWords[a.role]} of this centre` });
  }
  await tx.enrolmentAssignment.updateMany({ where: { enrolmentId: a.enrolmentId, role: a.role, endedAt: null }, data: { endedAt: now } });
  await tx.enrolmentAssignment.create({
    data: { enrolmentId: a.enrolmentId, role: a.role, userId: a.userId, startedAt: now, assignedById: a.actorId, reason: a.reason ?? null },
  });
  await tx.enrolment.update({ where: { id: a.enrolmentId }, data: a.role === "ASSESSOR" ? { assessorId: a.userId } : { iqaId: a.userId } });
  await appendAudit(
    tx,
    {
      kind: a.role === "ASSESSOR" ? "enrolment.assessor_assigned" : "enrolment.iqa_assigned",
      actorId: a.actorId,
      data: { enrolmentId: a.enrolmentId, from: a.current, to: a.userId, reason: a.reason ?? null },
    },
    { centreId: a.centreId, subject: `enrolment:${a.enrolmentId}` },
  );
  return true;
}

/**
 * Assigns in the caller's transaction, with every rule of "Change assessor": the enrolment is one
 * the actor administers, not withdrawn, the person is not already assigned nor the other role's
 * holder. `actorId` is who the audit names (an API token's maker, or null).
 */
export async function assignEnrolmentInTx(
  tx: Tx,
  actor: Actor,
  data: z.infer<typeof assignInput>,
  actorId: string | null,
  now = new Date(),
): Promise<{ changed: boolean }> {
  const enrolment = await lockAdministeredEnrolment(tx, actor, data.enrolmentId);
  if (enrolment.status === "WITHDRAWN") throw new UserFacingError("This enrolment was withdrawn, so nobody can be assigned to it.");
  const current = data.role === "ASSESSOR" ? enrolment.assessorId : enrolment.iqaId;
  if (current === data.userId) {
    const message = data.userId ? "This person is already assigned. Choose someone else." : "Nobody is assigned now.";
    throw new UserFacingError(message, { userId: message });
  }
  const other = data.role === "ASSESSOR" ? enrolment.iqaId : enrolment.assessorId;
  if (data.userId && data.userId === other) {
    const message = "The assessor and the internal quality assurer must be different people";
    throw new UserFacingError(message, { userId: message });
  }
  const changed = await assignInTx(
    tx,
    { enrolmentId: enrolment.id, centreId: enrolment.centreId, role: data.role, userId: data.userId, current, reason: data.reason, actorId },
    now,
  );
  return { changed };
}

/** "Change assessor" / "Change IQA" on an enrolment's page. */
export async function assignEnrolment(actor: Actor, input: unknown, now = new Date()): Promise<{ changed: boolean }> {
  const data = parseInput(assignInput, input);
  return db.$transaction((tx) => assignEnrolmentInTx(tx, actor, data, actor.userId, now));
}
