import { z } from "zod";
import { id, text } from "@/lib/input";
import { appendAudit } from "@/server/audit/append";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db/client";
import { UserFacingError, parseInput } from "@/server/errors";
import { lockAdministeredEnrolment } from "./lock";

export const withdrawInput = z.object({ enrolmentId: id("Choose an enrolment"), reason: text(500, "Enter the reason for withdrawing") });

/**
 * Withdraws an enrolment in progress (decision 0032): it stays readable as a record, leaves the
 * caseload, and takes no new decisions, sign-off, plans, records or evidence links; it is not
 * reopened here. A completed or certificated unit is not withdrawn.
 */
export async function withdrawEnrolment(actor: Actor, input: unknown, now = new Date()): Promise<void> {
  const data = parseInput(withdrawInput, input);
  await db.$transaction(async (tx) => {
    const enrolment = await lockAdministeredEnrolment(tx, actor, data.enrolmentId);
    if (enrolment.status !== "IN_PROGRESS") throw new UserFacingError("Only an enrolment in progress can be withdrawn.");
    await tx.enrolment.update({ where: { id: enrolment.id }, data: { status: "WITHDRAWN", withdrawnAt: now, withdrawalReason: data.reason } });
    await appendAudit(
      tx,
      { kind: "enrolment.withdrawn", actorId: actor.userId, data: { enrolmentId: enrolment.id, reason: data.reason } },
      { centreId: enrolment.centreId, subject: `enrolment:${enrolment.id}` },
    );
  });
}
