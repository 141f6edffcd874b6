import { z } from "zod";
import { anyText, id, optionalDay, optionalText, text } from "@/lib/input";
import { isId } from "@/lib/ids";
import { ukDay } from "@/lib/format";
import { dueDayProblem } from "@/lib/quality/due-day";
import { type ReviewSnapshot, sampledItems } from "@/lib/quality/review-snapshot";
import { appendAudit } from "@/server/audit/append";
import type { Actor } from "@/server/auth/actor";
import { confirmSigner } from "@/server/assessment/identity";
import { type Db, type Tx, db } from "@/server/db/client";
import { Prisma } from "@/server/db/generated/client";
import { lockEnrolments } from "@/server/db/locks";
import { UserFacingError, parseInput } from "@/server/errors";
import { notify } from "@/server/notifications/notifications";
import { NotFoundError, authorize, enrolmentSubject } from "@/server/policy";
import { verdictHash } from "./reviews-hash";

export const verdictFields = z.object({
  itemId: id("Choose a decision to give a verdict on"),
  verdict: z.enum(["AGREE", "DISAGREE"], { error: "Choose agree or disagree" }),
  feedback: text(10_000, "Write feedback for the assessor"),
  actionTitle: optionalText(200),
  actionDetail: optionalText(10_000),
  dueOn: optionalDay("the due date"),
  typedName: text(200, "Type your full name to sign"),
  password: anyText(1024, "Enter your password").optional(),
});
export const verdictSchema = verdictFields.superRefine((v, ctx) => {
  if (v.verdict !== "DISAGREE") return;
  if (!v.actionTitle) ctx.addIssue({ code: "custom", path: ["actionTitle"], message: "Give the action a title" });
  if (!v.actionDetail) ctx.addIssue({ code: "custom", path: ["actionDetail"], message: "Say what the assessor should do" });
  if (!v.dueOn) ctx.addIssue({ code: "custom", path: ["dueOn"], message: "Enter the due date" });
});

const noReview = "No review has that id";

/** The review, if the actor is the IQA who opened it and still the enrolment's IQA; else NotFoundError. */
export async function ownReview(client: Db | Tx, actor: Actor, reviewId: unknown) {
  if (!isId(reviewId)) throw new NotFoundError(noReview);
  const review = await client.iqaReview.findFirst({
    where: { id: reviewId, iqaId: actor.userId },
    include: { enrolment: { select: { id: true, centreId: true, learnerId: true, assessorId: true, iqaId: true, unit: { select: { displayCode: true } } } } },
  });
  if (!review) throw new NotFoundError(noReview);
  authorize(actor, "sample:enrolment", enrolmentSubject(review.enrolment), noReview);
  return review;
}

/**
 * The IQA's signed agreement or disagreement with one sampled decision (or the sign-off). A
 * disagreement raises an action for that decision's assessor, with a due date, in the same
 * transaction. The review is completed when its last item has a verdict.
 */
export async function recordVerdict(
  actor: Actor,
  reviewId: unknown,
  input: unknown,
): Promise<{ verdictId: string; actionId: string | null; completed: boolean }> {
  const review = await ownReview(db, actor, reviewId);
  const v = parseInput(verdictSchema, input);
  const snapshot = review.snapshot as unknown as ReviewSnapshot;
  const items = sampledItems(snapshot);
  const item = items.find((i) => i.id === v.itemId);
  if (!item) throw new UserFacingError("That decision is not part of this review.", { itemId: "Choose a decision from this review" });
  if (v.dueOn) {
    const closures = await db.centreClosure.findMany({ where: { centreId: review.centreId, day: new Date(`${v.dueOn}T00:00:00Z`) }, select: { day: true } });
    const problem = dueDayProblem(v.dueOn, ukDay(new Date()), new Set(closures.length ? [v.dueOn] : []));
    if (problem) throw new UserFacingError(problem, { dueOn: problem });
  }
  await confirmSigner(actor, v.typedName, v.password, actor.signedInAt ?? null);
  const signedAt = new Date();
  const agrees = v.verdict === "AGREE";
  const signatureHash = verdictHash({
    reviewId: review.id,
    snapshotHash: review.snapshotHash,
    itemId: item.id,
    kind: item.kind,
    judgedHash: item.signatureHash,
    agrees,
    feedback: v.feedback,
    iqaId: actor.userId,
    typedName: v.typedName,
    signedAt,
  });
  const audit = { centreId: review.centreId, subject: `enrolment:${review.enrolmentId}` };
  try {
    return await db.$transaction(async (tx) => {
      // Verdicts on one enrolment's reviews take turns, so exactly one of them sees the review complete.
      await lockEnrolments(tx, [review.enrolmentId]);
      const verdict = await tx.iqaVerdict.create({
        data: {
          reviewId: review.id,
          decisionId: item.kind === "decision" ? item.id : null,
          signOffId: item.kind === "signOff" ? item.id : null,
          assessorId: item.assessorId,
          agrees,
          feedback: v.feedback,
          iqaId: actor.userId,
          typedName: v.typedName,
          signatureHash,
          signedAt,
        },
        select: { id: true },
      });
      await appendAudit(
        tx,
        {
          kind: "quality.verdict_signed",
          actorId: actor.userId,
          data: {
            reviewId: review.id,
            verdictId: verdict.id,
            decisionId: item.kind === "decision" ? item.id : null,
            signOffId: item.kind === "signOff" ? item.id : null,
            agrees,
            signatureHash,
          },
        },
        audit,
      );
      const actionId = agrees ? null : await raiseAction(tx, actor, review, snapshot, item, verdict.id, v);
      const completed = await completeIfDone(tx, actor, review, snapshot, items.length);
      return { verdictId: verdict.id, actionId, completed };
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002")
      throw new UserFacingError("You have already recorded a verdict on this decision in this review; a signed verdict is not changed.", {
        itemId: "This decision already has your verdict",
      });
    throw e;
  }
}

type Review = Awaited<ReturnType<typeof ownReview>>;
type Item = ReturnType<typeof sampledItems>[number];

async function raiseAction(tx: Tx, actor: Actor, review: Review, snapshot: ReviewSnapshot, item: Item, verdictId: string, v: z.infer<typeof verdictSchema>) {
  const decision = snapshot.decisions.find((d) => d.id === item.id);
  const dueOn = v.dueOn ?? "";
  const action = await tx.iqaAction.create({
    data: {
      centreId: review.centreId,
      reviewId: review.id,
      verdictId,
      enrolmentId: review.enrolmentId,
      criterionId: decision?.criterionId ?? null,
      assessorId: item.assessorId,
      raisedById: actor.userId,
      title: v.actionTitle ?? "",
      detail: v.actionDetail ?? "",
      dueOn: new Date(`${dueOn}T00:00:00Z`),
    },
    select: { id: true },
  });
  const what = decision ? `${snapshot.enrolment.unitCode} ${decision.criterionCode}` : `the sign-off of ${snapshot.enrolment.unitCode}`;
  await notify(tx, [
    {
      userId: item.assessorId,
      centreId: review.centreId,
      kind: "quality.action_raised",
      message: `${actor.name} disagreed with your decision on ${what} for ${snapshot.enrolment.learnerName} and raised an action: ${v.actionTitle}.`,
      link: `/quality/actions/${action.id}`,
    },
  ]);
  await appendAudit(
    tx,
    { kind: "quality.action_raised", actorId: actor.userId, data: { actionId: action.id, reviewId: review.id, verdictId, assessorId: item.assessorId, dueOn } },
    { centreId: review.centreId, subject: `enrolment:${review.enrolmentId}` },
  );
  return action.id;
}

async function completeIfDone(tx: Tx, actor: Actor, review: Review, snapshot: ReviewSnapshot, total: number) {
  const verdicts = await tx.iqaVerdict.findMany({ where: { reviewId: review.id }, select: { agrees: true } });
  if (verdicts.length < total) return false;
  const done = await tx.iqaReview.updateMany({ where: { id: review.id, completedAt: null }, data: { completedAt: new Date() } });
  if (done.count !== 1) return false;
  const disagreements = verdicts.filter((x) => !x.agrees).length;
  const assessors = [...new Set(sampledItems(snapshot).map((i) => i.assessorId))];
  await notify(
    tx,
    assessors.map((userId) => ({
      userId,
      centreId: review.centreId,
      kind: "quality.review_completed",
      message: `${actor.name} finished an IQA review of ${snapshot.enrolment.learnerName}, ${snapshot.enrolment.unitCode}.`,
      link: `/quality/reviews/${review.id}`,
    })),
  );
  await appendAudit(
    tx,
    { kind: "quality.review_completed", actorId: actor.userId, data: { reviewId: review.id, verdicts: verdicts.length, disagreements } },
    { centreId: review.centreId, subject: `enrolment:${review.enrolmentId}` },
  );
  return true;
}
