import { z } from "zod";
import { day, id, text } from "@/lib/input";
import { isoDay } from "@/lib/format";
import { appendAudit } from "@/server/audit/append";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db/client";
import { UserFacingError, parseInput } from "@/server/errors";
import { lockAdministeredEnrolment } from "./lock";

export const certificateInput = z.object({
  enrolmentId: id("Choose an enrolment"),
  certificateNumber: text(100, "Enter the certificate number"),
  certificatedOn: day("the certificate date"),
});

/**
 * Records the awarding body's certificate. Only once verified (decision 0032): until external
 * verification is recorded in Attest, "verified" means the unit is completed, signed off by the
 * assessor and countersigned by the learner (COMPLETED), or VERIFIED when that exists.
 */
export async function markCertificated(actor: Actor, input: unknown, now = new Date()): Promise<void> {
  const data = parseInput(certificateInput, input);
  await db.$transaction(async (tx) => {
    const enrolment = await lockAdministeredEnrolment(tx, actor, data.enrolmentId);
    if (enrolment.status === "CERTIFICATED") throw new UserFacingError(`This unit was already certificated (certificate ${enrolment.certificateNumber}).`);
    if (enrolment.status !== "COMPLETED" && enrolment.status !== "VERIFIED")
      throw new UserFacingError("A unit is certificated only once it is completed: signed off by the assessor and countersigned by the learner.");
    const fields: Record<string, string> = {};
    if (data.certificatedOn > isoDay(now)) fields.certificatedOn = "The certificate date cannot be in the future";
    else if (enrolment.completedAt && data.certificatedOn < isoDay(enrolment.completedAt))
      fields.certificatedOn = "The certificate date cannot be before the unit was completed";
    if (Object.keys(fields).length) throw new UserFacingError(`Check the form: ${Object.values(fields).join(". ")}`, fields);
    await tx.enrolment.update({
      where: { id: enrolment.id },
      data: { status: "CERTIFICATED", certificateNumber: data.certificateNumber, certificatedOn: new Date(`${data.certificatedOn}T00:00:00Z`) },
    });
    await appendAudit(
      tx,
      {
        kind: "enrolment.certificated",
        actorId: actor.userId,
        data: { enrolmentId: enrolment.id, certificateNumber: data.certificateNumber, certificatedOn: data.certificatedOn },
      },
      { centreId: enrolment.centreId, subject: `enrolment:${enrolment.id}` },
    );
  });
}
