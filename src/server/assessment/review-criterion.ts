import { z } from "zod";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db/client";
import { NotFoundError, can, enrolmentSubject, readableEnrolment } from "@/server/policy";
import { reopeningsOf } from "@/server/quality/reopen-history";
import { currentDecision, currentDecisionSelect, evidenceItem, evidenceItemSelect, shownLinks } from "./review-parts";

/** Items and decisions per page on a criterion's own page. */
export const CRITERION_PAGE_SIZE = 20;

const pageNumber = z.coerce.number().int().min(1).max(100_000).catch(1);
const codeSchema = z.string().min(1).max(40);

const pageOf = (asked: number, total: number) => {
  const pages = Math.max(1, Math.ceil(total / CRITERION_PAGE_SIZE));
  const page = Math.min(asked, pages);
  return { page, pages, total, first: (page - 1) * CRITERION_PAGE_SIZE + 1 };
};

/**
 * One criterion of an enrolment on its own page: all its items and every decision on it, each a
 * page at a time (newest first), for whoever may read the review screen. An unknown code, like an
 * enrolment the actor may not read, is not found.
 */
export async function criterionReview(actor: Actor, enrolmentId: unknown, code: unknown, params: { items?: unknown; history?: unknown }) {
  const enrolment = await readableEnrolment(db, actor, enrolmentId);
  const parsedCode = codeSchema.safeParse(code);
  if (!parsedCode.success) throw new NotFoundError("No such criterion.");
  const links = shownLinks(enrolment.id);
  const [versions, signOff] = await Promise.all([
    // The criterion with this code in every version of the unit: decisions made before a move to
    // another version (decision 0032) name the old version's criterion.
    db.criterion.findMany({
      where: { code: parsedCode.data, unit: { code: enrolment.unit.code } },
      select: {
        id: true,
        unitId: true,
        code: true,
        text: true,
        section: true,
        judgements: {
          where: { enrolmentId: enrolment.id },
          select: {
            state: true,
            stale: true,
            revision: true,
            decision: { select: currentDecisionSelect },
            enrolment: { select: { _count: { select: { reopenings: true } } } },
          },
        },
        _count: { select: { links: { where: links } } },
      },
    }),
    db.unitSignOff.findUnique({ where: { currentOfId: enrolment.id }, select: { id: true } }),
  ]);
  const criterion = versions.find((c) => c.unitId === enrolment.unitId);
  if (!criterion) throw new NotFoundError("No such criterion.");
  const j = criterion.judgements[0];
  const items = pageOf(pageNumber.parse(params.items), criterion._count.links);
  const criterionIds = versions.length > 1 ? { in: versions.map((c) => c.id) } : criterion.id;
  // The revision counts the decisions (each moves it on by one) unless the enrolment has had a
  // reopening, which moves it on too (decision 0040): then they are counted.
  const everReopened = (j?.enrolment._count.reopenings ?? 0) > 0;
  const decisionCount = everReopened ? await db.decision.count({ where: { enrolmentId: enrolment.id, criterionId: criterionIds } }) : (j?.revision ?? 0);
  const history = pageOf(pageNumber.parse(params.history), decisionCount);
  const [itemRows, decisionRows] = await Promise.all([
    db.evidenceLink.findMany({
      where: { ...links, criterionId: criterion.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (items.page - 1) * CRITERION_PAGE_SIZE,
      take: CRITERION_PAGE_SIZE,
      select: evidenceItemSelect,
    }),
    db.decision.findMany({
      where: { enrolmentId: enrolment.id, criterionId: criterionIds },
      orderBy: [{ decidedAt: "desc" }, { judgementRevision: "desc" }],
      skip: (history.page - 1) * CRITERION_PAGE_SIZE,
      take: CRITERION_PAGE_SIZE,
      select: { id: true, signatureHash: true, criterionId: true, judgementRevision: true, ...currentDecisionSelect },
    }),
  ]);
  // The reopenings of the decisions on this page: each reopened the decision made on the revision before it.
  const reopenings =
    everReopened && decisionRows.length
      ? await reopeningsOf(db, actor, enrolment, {
          criterionIds: versions.map((c) => c.id),
          fromRevisions: decisionRows.map((d) => d.judgementRevision + 1),
        })
      : [];
  return {
    enrolment,
    criterion: { id: criterion.id, code: criterion.code, text: criterion.text, section: criterion.section },
    state: j?.state ?? "NOT_STARTED",
    stale: j?.stale ?? false,
    current: j?.decision ? currentDecision(j.decision) : null,
    canDecide: can(actor, "decide:criterion", enrolmentSubject(enrolment)) && enrolment.status === "IN_PROGRESS" && !signOff,
    items: { ...items, rows: itemRows.flatMap((l) => evidenceItem(l)) },
    history: {
      ...history,
      rows: decisionRows.map((d) => ({
        id: d.id,
        signature: d.signatureHash.slice(0, 16),
        ...currentDecision(d),
        reopenedBy: reopenings.filter((r) => r.criterionId === d.criterionId && r.fromRevision === d.judgementRevision + 1),
      })),
    },
    reopenings,
  };
}

export type CriterionReviewPage = Awaited<ReturnType<typeof criterionReview>>;
