import { isoDay, ukDay } from "@/lib/format";
import type { ReviewSnapshot } from "@/lib/quality/review-snapshot";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import { can, centresAllowing, grantsAllowing, holds } from "@/server/policy";
import { actionSubject, readableAction } from "./actions-loop";

export const ACTIONS_PAGE_SIZE = 20;

type Row = Prisma.IqaActionGetPayload<object>;

/** Names for a page of actions: learners, units, criteria and people, in four queries whatever the page's length. */
async function described(rows: Row[]) {
  const enrolments = await db.enrolment.findMany({
    where: { id: { in: rows.flatMap((r) => (r.enrolmentId ? [r.enrolmentId] : [])) } },
    select: { id: true, learner: { select: { name: true } }, unit: { select: { displayCode: true } } },
  });
  const criteria = await db.criterion.findMany({
    where: { id: { in: rows.flatMap((r) => (r.criterionId ? [r.criterionId] : [])) } },
    select: { id: true, code: true },
  });
  const people = await db.user.findMany({ where: { id: { in: rows.flatMap((r) => [r.assessorId, r.raisedById]) } }, select: { id: true, name: true } });
  const name = (id: string) => people.find((p) => p.id === id)?.name ?? "";
  return rows.map((r) => {
    const e = enrolments.find((x) => x.id === r.enrolmentId);
    return {
      id: r.id,
      title: r.title,
      dueOn: isoDay(r.dueOn),
      raisedAt: r.raisedAt,
      closedAt: r.closedAt,
      learnerName: e?.learner.name ?? "",
      unitCode: e?.unit.displayCode ?? "",
      criterionCode: criteria.find((c) => c.id === r.criterionId)?.code ?? null,
      assessorName: name(r.assessorId),
      raisedByName: name(r.raisedById),
    };
  });
}

export type ActionRow = Awaited<ReturnType<typeof described>>[number];

async function page(where: Prisma.IqaActionWhereInput, orderBy: Prisma.IqaActionOrderByWithRelationInput[], pageNo: number) {
  const total = await db.iqaAction.count({ where });
  const pages = Math.max(1, Math.ceil(total / ACTIONS_PAGE_SIZE));
  const current = Math.min(Math.max(1, pageNo), pages);
  const rows = await db.iqaAction.findMany({ where, orderBy, skip: (current - 1) * ACTIONS_PAGE_SIZE, take: ACTIONS_PAGE_SIZE });
  return { rows: await described(rows), total, page: current, pages };
}

const openFirst: Prisma.IqaActionOrderByWithRelationInput[] = [{ closedAt: { sort: "desc", nulls: "first" } }, { dueOn: "asc" }, { raisedAt: "asc" }];

/**
 * The actions page: for an IQA the actions they raised (open first); for an assessor the open
 * actions for them (the page groups them by when they are due) and those closed; for a centre
 * admin the centre's. Each list is paged on its own.
 */
export async function actionsPage(actor: Actor, pages: { raised?: number; mine?: number; closed?: number; centre?: number } = {}) {
  const iqaCentres = centresAllowing(actor, "sample:enrolment");
  const assessorCentres = centresAllowing(actor, "respond:action");
  const adminCentres = [
    ...new Set(
      grantsAllowing(actor, "read:quality")
        .filter((g) => g.role === "CENTRE_ADMIN")
        .map((g) => g.centreId),
    ),
  ];
  const raised = iqaCentres.length ? await page({ raisedById: actor.userId, centreId: { in: iqaCentres } }, openFirst, pages.raised ?? 1) : null;
  const mine = assessorCentres.length
    ? await page({ assessorId: actor.userId, centreId: { in: assessorCentres }, closedAt: null }, [{ dueOn: "asc" }, { raisedAt: "asc" }], pages.mine ?? 1)
    : null;
  const closed = assessorCentres.length
    ? await page({ assessorId: actor.userId, centreId: { in: assessorCentres }, closedAt: { not: null } }, [{ closedAt: "desc" }], pages.closed ?? 1)
    : null;
  const centre = adminCentres.length ? await page({ centreId: { in: adminCentres } }, openFirst, pages.centre ?? 1) : null;
  return { today: ukDay(new Date()), raised, mine, closed, centre };
}

/** One action with its thread, the decision it is about (from the review's snapshot) and what the viewer may do. */
export async function actionScreen(actor: Actor, actionId: unknown) {
  const action = await readableAction(db, actor, actionId);
  const [rows, responses, review] = await Promise.all([
    described([action]),
    db.iqaActionResponse.findMany({ where: { actionId: action.id }, orderBy: { createdAt: "asc" } }),
    action.reviewId ? db.iqaReview.findUnique({ where: { id: action.reviewId }, select: { id: true, snapshot: true } }) : null,
  ]);
  const verdict = action.verdictId
    ? await db.iqaVerdict.findUnique({ where: { id: action.verdictId }, select: { feedback: true, decisionId: true, signedAt: true } })
    : null;
  const authors = await db.user.findMany({ where: { id: { in: [...new Set(responses.map((r) => r.authorId))] } }, select: { id: true, name: true } });
  const snapshot = review?.snapshot as unknown as ReviewSnapshot | undefined;
  const decision = snapshot?.decisions.find((d) => d.id === verdict?.decisionId) ?? null;
  const closedBy = action.closedById ? await db.user.findUnique({ where: { id: action.closedById }, select: { name: true } }) : null;
  const subject = actionSubject(action);
  const isAssessor = action.assessorId === actor.userId && can(actor, "respond:action", subject);
  const isRaiser = action.raisedById === actor.userId && can(actor, "sample:enrolment", subject);
  return {
    action: { ...(rows[0] as NonNullable<(typeof rows)[0]>), detail: action.detail, closingNote: action.closingNote, closedByName: closedBy?.name ?? null },
    enrolmentId: action.enrolmentId,
    reviewId: review?.id ?? null,
    verdict,
    decision,
    responses: responses.map((r) => ({ id: r.id, body: r.body, createdAt: r.createdAt, authorName: authors.find((a) => a.id === r.authorId)?.name ?? "" })),
    canRespond: isAssessor && !action.closedAt,
    canClose: isRaiser && !action.closedAt,
    canReopen: isRaiser && holds(actor, "reopen:criterion:sampled") && Boolean(action.enrolmentId),
  };
}
