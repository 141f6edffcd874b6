import { z } from "zod";
import { id } from "@/lib/input";
import { isId } from "@/lib/ids";
import { appendAudit } from "@/server/audit/append";
import type { Actor } from "@/server/auth/actor";
import { type Tx, db } from "@/server/db/client";
import { Prisma } from "@/server/db/generated/client";
import { lockEnrolments } from "@/server/db/locks";
import { UserFacingError, parseInput } from "@/server/errors";
import { NotFoundError, authorize, enrolmentAllowing, enrolmentSubject } from "@/server/policy";
import { snapshotHash, takeSnapshot } from "./reviews-snapshot";

export const adHocReviewSchema = z.object({
  enrolmentId: id("Choose an enrolment"),
  stage: z.enum(["INTERIM", "SUMMATIVE"], { error: "Choose interim or summative" }),
});

const noItem = "No sampled item has that id";

/** An IQA never samples their own work: not an enrolment they assess (their decisions are left out of any other). */
export function assertNotOwnWork(actor: Actor, enrolment: { assessorId: string | null }) {
  if (enrolment.assessorId === actor.userId)
    throw new UserFacingError("You assess this learner on this unit, so you cannot review it: an IQA never samples their own decisions.");
}

/**
 * Opens the review of a sampled item of the actor's own plan, or returns the one already open
 * (a plan item has one review, however many times it is opened).
 */
export async function openReview(actor: Actor, input: { planItemId: unknown } | { enrolmentId: unknown; stage: unknown }): Promise<{ reviewId: string }> {
  if ("planItemId" in input) return openPlanItem(actor, input.planItemId);
  const { enrolmentId, stage } = parseInput(adHocReviewSchema, input);
  const enrolment = await enrolmentAllowing(db, actor, enrolmentId, "sample:enrolment");
  assertNotOwnWork(actor, enrolment);
  return open(actor, { enrolmentId: enrolment.id, centreId: enrolment.centreId, planItemId: null, stage, criterionIds: [], method: null });
}

async function openPlanItem(actor: Actor, planItemId: unknown) {
  if (!isId(planItemId)) throw new NotFoundError(noItem);
  const item = await db.samplePlanItem.findFirst({
    where: { id: planItemId, removedAt: null, plan: { iqaId: actor.userId } },
    include: {
      plan: { select: { centreId: true } },
      enrolment: { select: { id: true, centreId: true, learnerId: true, assessorId: true, iqaId: true } },
      review: { select: { id: true } },
    },
  });
  if (!item || item.enrolment.centreId !== item.plan.centreId) throw new NotFoundError(noItem);
  authorize(actor, "plan:sample", { centreId: item.plan.centreId }, noItem);
  // Still the enrolment's IQA: a review they could never sign would block the item for good.
  authorize(actor, "sample:enrolment", enrolmentSubject(item.enrolment), noItem);
  if (item.review) return { reviewId: item.review.id };
  assertNotOwnWork(actor, item.enrolment);
  try {
    return await open(actor, {
      enrolmentId: item.enrolment.id,
      centreId: item.plan.centreId,
      planItemId: item.id,
      stage: item.stage,
      criterionIds: item.criterionIds,
      method: item.method,
    });
  } catch (e) {
    // Opened twice at once: the unique plan item keeps one review; the second answers with it.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      const review = await db.iqaReview.findUnique({ where: { planItemId: item.id }, select: { id: true } });
      if (review) return { reviewId: review.id };
    }
    throw e;
  }
}

type Opening = Parameters<typeof takeSnapshot>[3] & { enrolmentId: string; centreId: string; planItemId: string | null };

async function open(actor: Actor, o: Opening): Promise<{ reviewId: string }> {
  return db.$transaction(async (tx: Tx) => {
    // Under the enrolment's lock no decision or sign-off changes, so the snapshot is one moment's.
    await lockEnrolments(tx, [o.enrolmentId]);
    const assessor = await tx.enrolment.findUniqueOrThrow({ where: { id: o.enrolmentId }, select: { assessorId: true } });
    assertNotOwnWork(actor, assessor);
    if (o.stage === "SUMMATIVE" && (await tx.unitSignOff.count({ where: { currentOfId: o.enrolmentId } })) === 0)
      throw new UserFacingError("This unit has not been signed off, so there is nothing summative to review yet. Choose interim.", { stage: "Choose interim" });
    const snapshot = await takeSnapshot(tx, o.enrolmentId, actor.userId, o);
    if (snapshot.decisions.length === 0 && !snapshot.signOff)
      throw new UserFacingError(
        snapshot.ownLeftOut
          ? "Every decision here is one you made, and an IQA never samples their own decisions: there is nothing for you to review."
          : "There are no decisions to review yet on this sample.",
      );
    const hash = snapshotHash(snapshot);
    const review = await tx.iqaReview.create({
      data: {
        centreId: o.centreId,
        planItemId: o.planItemId,
        enrolmentId: o.enrolmentId,
        iqaId: actor.userId,
        stage: o.stage,
        snapshot: snapshot as unknown as Prisma.InputJsonValue,
        snapshotHash: hash,
      },
      select: { id: true },
    });
    await appendAudit(
      tx,
      {
        kind: "quality.review_opened",
        actorId: actor.userId,
        data: {
          reviewId: review.id,
          enrolmentId: o.enrolmentId,
          planItemId: o.planItemId,
          stage: o.stage,
          snapshotHash: hash,
          decisions: snapshot.decisions.length,
        },
      },
      { centreId: o.centreId, subject: `enrolment:${o.enrolmentId}` },
    );
    return { reviewId: review.id };
  });
}
