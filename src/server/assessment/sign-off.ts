import { signOffBlockerText } from "@/lib/assessment/review-state";
import { z } from "zod";
import { anyText, text } from "@/lib/input";
import { appendAudit } from "@/server/audit/append";
import type { Actor } from "@/server/auth/actor";
import { type Db, type Tx, db } from "@/server/db/client";
import { UserFacingError, parseInput } from "@/server/errors";
import { enrolmentAllowing } from "@/server/policy";
import { lockEnrolments } from "@/server/db/locks";
import { notify } from "@/server/notifications/notifications";
import { assertOpen } from "./open";
import { confirmSigner } from "./identity";
import { signOffContentHash } from "./sign-off-hash";
import { must } from "@/lib/must";

export const signOffSchema = z.object({
  summativeComment: text(10_000, "Write a summative comment"),
  typedName: text(200, "Type your full name to sign"),
  password: anyText(1024, "Enter your password").optional(),
});
export const countersignSchema = z.object({ typedName: text(200, "Type your full name to countersign") });

/** Why a unit cannot be signed off yet, or null when every criterion (knowledge included) is met and current. */
export async function signOffBlocker(tx: Db | Tx, enrolment: { id: string; unitId: string }): Promise<string | null> {
  const [criteria, met, stale] = await Promise.all([
    tx.criterion.count({ where: { unitId: enrolment.unitId } }),
    tx.criterionJudgement.count({ where: { enrolmentId: enrolment.id, state: "MET", stale: false } }),
    tx.criterionJudgement.count({ where: { enrolmentId: enrolment.id, stale: true } }),
  ]);
  return signOffBlockerText({ criteria, met, stale });
}

async function signOffHash(tx: Db | Tx, enrolmentId: string, summativeComment: string) {
  const judgements = await tx.criterionJudgement.findMany({
    where: { enrolmentId },
    select: { criterionId: true, decision: { select: { signatureHash: true } } },
  });
  return signOffContentHash(
    enrolmentId,
    summativeComment,
    judgements.map((j) => ({ criterionId: j.criterionId, signatureHash: j.decision?.signatureHash ?? null })),
  );
}

/** "Sign off unit": the assessor's summative sign-off; it locks the unit's decisions. */
export async function signOffUnit(actor: Actor, enrolmentId: unknown, input: unknown): Promise<void> {
  const enrolment = await enrolmentAllowing(db, actor, enrolmentId, "signoff:enrolment");
  const data = parseInput(signOffSchema, input);
  await confirmSigner(actor, data.typedName, data.password, actor.signedInAt ?? null);
  await db.$transaction(async (tx) => {
    // Under the enrolment's lock, which decisions and submissions take before they change a
    // judgement: what is checked and hashed here is what the unit is signed off on.
    const [locked] = await lockEnrolments(tx, [enrolment.id]);
    await assertOpen(tx, { id: enrolment.id, status: must(locked, "locked").status });
    const blocker = await signOffBlocker(tx, enrolment);
    if (blocker) throw new UserFacingError(`The unit cannot be signed off yet: ${blocker}`);
    const contentHash = await signOffHash(tx, enrolment.id, data.summativeComment);
    await tx.unitSignOff.create({
      data: {
        enrolmentId: enrolment.id,
        currentOfId: enrolment.id,
        assessorId: actor.userId,
        assessorTypedName: data.typedName,
        summativeComment: data.summativeComment,
        assessorSignedAt: new Date(),
        contentHash,
      },
    });
    await notify(tx, [
      {
        userId: enrolment.learnerId,
        centreId: enrolment.centreId,
        kind: "unit.signed_off",
        message: `${enrolment.unit.displayCode} has been signed off by your assessor. Countersign it to complete the unit.`,
        link: `/enrolments/${enrolment.id}/progress#sign-off`,
      },
    ]);
    await appendAudit(
      tx,
      { kind: "unit.signed_off", actorId: actor.userId, data: { enrolmentId: enrolment.id, contentHash } },
      { centreId: enrolment.centreId, subject: `enrolment:${enrolment.id}` },
    );
  });
}

/** "Countersign unit": the learner confirms the sign-off; the enrolment becomes completed. */
export async function countersignUnit(actor: Actor, enrolmentId: unknown, input: unknown): Promise<void> {
  const enrolment = await enrolmentAllowing(db, actor, enrolmentId, "countersign:enrolment");
  const { typedName } = parseInput(countersignSchema, input);
  await confirmSigner(actor, typedName, undefined, new Date());
  await db.$transaction(async (tx) => {
    // Under the lock an IQA's unlock takes: the sign-off read here is still current when it is signed.
    const [locked] = await lockEnrolments(tx, [enrolment.id]);
    const status = must(locked, "locked").status;
    if (status !== "IN_PROGRESS" && status !== "COMPLETED") throw new UserFacingError("This unit is no longer open for countersigning.");
    const signOff = await tx.unitSignOff.findUnique({ where: { currentOfId: enrolment.id } });
    if (!signOff) throw new UserFacingError("Your assessor has not signed this unit off yet.");
    const now = new Date();
    const signed = await tx.unitSignOff.updateMany({
      where: { id: signOff.id, learnerSignedAt: null },
      data: { learnerTypedName: typedName, learnerSignedAt: now },
    });
    if (signed.count !== 1) throw new UserFacingError("You have already countersigned this unit.");
    await tx.enrolment.update({ where: { id: enrolment.id }, data: { status: "COMPLETED", completedAt: now } });
    if (enrolment.assessorId)
      await notify(tx, [
        {
          userId: enrolment.assessorId,
          centreId: enrolment.centreId,
          kind: "unit.countersigned",
          message: `${actor.name} countersigned ${enrolment.unit.displayCode}; the unit is completed.`,
          link: `/enrolments/${enrolment.id}/review`,
        },
      ]);
    await appendAudit(
      tx,
      { kind: "unit.countersigned", actorId: actor.userId, data: { enrolmentId: enrolment.id, contentHash: signOff.contentHash } },
      { centreId: enrolment.centreId, subject: `enrolment:${enrolment.id}` },
    );
  });
}
