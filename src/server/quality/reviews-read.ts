import { isId } from "@/lib/ids";
import { isoDay, ukDay } from "@/lib/format";
import { workingDayAfter } from "@/lib/quality/due-day";
import { type ReviewSnapshot, sampledItems, snapshotAssessors } from "@/lib/quality/review-snapshot";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db/client";
import { NotFoundError, authorize, can, enrolmentAllowing, enrolmentSubject, scope } from "@/server/policy";

const noReview = "No review has that id";
const noItem = "No sampled item has that id";

/**
 * A review as it was frozen: the snapshot (never live data), the verdicts so far, and what the
 * viewer may do. The IQAs and admins of the centre see all of it; an assessor only their own
 * decisions and the verdicts on them. Learners and verifiers are refused.
 */
export async function reviewScreen(actor: Actor, reviewId: unknown) {
  if (!isId(reviewId)) throw new NotFoundError(noReview);
  const review = await db.iqaReview.findUnique({
    where: { id: reviewId },
    include: {
      enrolment: { select: { id: true, centreId: true, learnerId: true, assessorId: true, iqaId: true } },
      verdicts: { orderBy: { signedAt: "asc" } },
      actions: { select: { id: true, verdictId: true, closedAt: true, dueOn: true, title: true } },
      planItem: { select: { id: true, plan: { select: { id: true, title: true } } } },
    },
  });
  if (!review) throw new NotFoundError(noReview);
  const snapshot = review.snapshot as unknown as ReviewSnapshot;
  const subject = { centreId: review.centreId, assessorIds: snapshotAssessors(snapshot), iqaIds: [review.iqaId] };
  authorize(actor, "read:quality", subject, noReview);
  const whole = can(actor, "read:quality", { centreId: review.centreId });
  const mine = (assessorId: string) => whole || assessorId === actor.userId;
  const decisions = snapshot.decisions.filter((d) => mine(d.assessorId));
  const relied = new Set(decisions.flatMap((d) => d.evidence));
  const iqa = await db.user.findUnique({ where: { id: review.iqaId }, select: { name: true } });
  const items = sampledItems(snapshot);
  const closures = await db.centreClosure.findMany({ where: { centreId: review.centreId, day: { gte: new Date() } }, select: { day: true } });
  return {
    review: {
      id: review.id,
      stage: review.stage,
      openedAt: review.openedAt,
      completedAt: review.completedAt,
      snapshotHash: review.snapshotHash,
      iqaName: iqa?.name ?? "",
    },
    plan: review.planItem ? { itemId: review.planItem.id, title: review.planItem.plan.title } : null,
    snapshot: {
      ...snapshot,
      decisions,
      evidence: snapshot.evidence.filter((e) => relied.has(e.id)),
      signOff: snapshot.signOff && mine(snapshot.signOff.assessorId) ? snapshot.signOff : null,
    },
    verdicts: review.verdicts.filter((v) => mine(v.assessorId)).map((v) => ({ ...v, action: review.actions.find((a) => a.verdictId === v.id) ?? null })),
    progress: { reviewed: review.verdicts.length, total: items.length },
    canSign: review.iqaId === actor.userId && can(actor, "sample:enrolment", enrolmentSubject(review.enrolment)) && !review.completedAt,
    canReadFiles: can(actor, "read:evidence", enrolmentSubject(review.enrolment)),
    defaultDue: workingDayAfter(ukDay(new Date()), 14, new Set(closures.map((c) => isoDay(c.day)))),
  };
}

/** A sampled item of a plan: who, what, why, and its review if opened. The plan's IQA and the centre's IQAs and admins may read it. */
export async function planItemScreen(actor: Actor, itemId: unknown) {
  if (!isId(itemId)) throw new NotFoundError(noItem);
  const item = await db.samplePlanItem.findUnique({
    where: { id: itemId },
    include: {
      plan: { select: { id: true, title: true, centreId: true, iqaId: true, status: true } },
      enrolment: {
        select: {
          id: true,
          centreId: true,
          learnerId: true,
          iqaId: true,
          assessorId: true,
          learner: { select: { name: true } },
          assessor: { select: { name: true } },
          unit: { select: { displayCode: true, title: true } },
        },
      },
      review: { select: { id: true, completedAt: true } },
    },
  });
  if (!item) throw new NotFoundError(noItem);
  const own = item.plan.iqaId === actor.userId && can(actor, "plan:sample", { centreId: item.plan.centreId });
  if (!own) authorize(actor, "read:quality", { centreId: item.plan.centreId }, noItem);
  const criteria = item.criterionIds.length
    ? await db.criterion.findMany({ where: { id: { in: item.criterionIds } }, select: { code: true }, orderBy: { position: "asc" } })
    : [];
  return {
    item: {
      id: item.id,
      stage: item.stage,
      method: item.method,
      reasons: item.reasons,
      removed: Boolean(item.removedAt),
      criteria: criteria.map((c) => c.code),
    },
    plan: item.plan,
    enrolment: item.enrolment,
    review: item.review,
    canOpen:
      own && !item.removedAt && !item.review && item.enrolment.assessorId !== actor.userId && can(actor, "sample:enrolment", enrolmentSubject(item.enrolment)),
    ownWork: item.enrolment.assessorId === actor.userId,
  };
}

/** The ad hoc review form: the enrolments the actor may sample (not those they assess), and the one chosen if any. */
export async function newReviewScreen(actor: Actor, enrolmentId: unknown) {
  const chosen = isId(enrolmentId) ? await enrolmentAllowing(db, actor, enrolmentId, "sample:enrolment") : null;
  const enrolments = await db.enrolment.findMany({
    where: { AND: [scope(actor, "sample:enrolment"), { status: { not: "WITHDRAWN" }, NOT: { assessorId: actor.userId } }] },
    select: { id: true, learner: { select: { name: true } }, unit: { select: { displayCode: true } } },
    orderBy: [{ learner: { name: "asc" } }, { unit: { displayCode: "asc" } }],
    take: 200,
  });
  const reviews = chosen
    ? await db.iqaReview.findMany({
        where: { enrolmentId: chosen.id, iqaId: actor.userId },
        orderBy: { openedAt: "desc" },
        take: 10,
        select: { id: true, stage: true, openedAt: true, completedAt: true },
      })
    : [];
  return {
    chosen: chosen ? { id: chosen.id, learnerName: chosen.learner.name, unitCode: chosen.unit.displayCode, ownWork: chosen.assessorId === actor.userId } : null,
    enrolments: enrolments.map((e) => ({ id: e.id, label: `${e.learner.name}, ${e.unit.displayCode}` })),
    reviews,
  };
}
