import { z } from "zod";
import { id } from "@/lib/input";
import { appendAudit } from "@/server/audit/append";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db/client";
import { lockEnrolments } from "@/server/db/locks";
import { parseInput } from "@/server/errors";
import { NotFoundError, enrolmentAllowing } from "@/server/policy";
import { assertOpen } from "./open";
import { must } from "@/lib/must";

export const claimSchema = z.object({
  linkId: id("Reload the page and try again"),
  claim: z.enum(["CONFIRMED", "REJECTED"], { error: "Confirm or reject the claim" }),
});

/** The assessor confirms or rejects a learner's claim that an item shows a criterion. */
export async function reviewClaim(actor: Actor, enrolmentId: unknown, input: unknown): Promise<void> {
  const enrolment = await enrolmentAllowing(db, actor, enrolmentId, "review:claim");
  const { linkId, claim } = parseInput(claimSchema, input);
  await db.$transaction(async (tx) => {
    const [locked] = await lockEnrolments(tx, [enrolment.id]);
    await assertOpen(tx, { id: enrolment.id, status: must(locked, "locked").status });
    const changed = await tx.evidenceLink.updateMany({
      where: { id: linkId, enrolmentId: enrolment.id, removedAt: null, evidence: { status: "SUBMITTED" } },
      data: { claim, reviewedById: actor.userId, reviewedAt: new Date() },
    });
    if (changed.count !== 1) throw new NotFoundError("No claim has that id");
    await appendAudit(
      tx,
      { kind: "claim.reviewed", actorId: actor.userId, data: { linkId, claim } },
      { centreId: enrolment.centreId, subject: `enrolment:${enrolment.id}` },
    );
  });
}
