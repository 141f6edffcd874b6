import type { CriterionLive } from "@/lib/assessment/review-state";
import { blockerOf } from "@/lib/assessment/review-state";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db/client";
import { can, enrolmentSubject, readableEnrolment } from "@/server/policy";
import { signOffsOf } from "@/server/quality/reopen-history";
import { currentDecision, currentDecisionSelect, evidenceItem, evidenceItemSelect, shownLinks } from "./review-parts";

/**
 * Items shown per criterion on the review screen; the rest are on the criterion's own page. Two, so
 * that a unit of some 45 criteria stays under 300 KB of HTML with all their decision controls.
 */
export const REVIEW_NEWEST_ITEMS = 2;

/**
 * The review screen for one enrolment: per criterion its current decision and only its newest few
 * items (with how many there are, and how many decisions it has had), so the screen is bounded
 * whatever the learner's size. One statement loads the unit's criteria with all of that.
 */
export async function reviewScreen(actor: Actor, enrolmentId: unknown) {
  const enrolment = await readableEnrolment(db, actor, enrolmentId);
  const links = shownLinks(enrolment.id);
  const [sections, signOffs] = await Promise.all([
    db.unitSection.findMany({
      where: { unitId: enrolment.unitId },
      orderBy: { position: "asc" },
      include: {
        criteria: {
          orderBy: { position: "asc" },
          select: {
            id: true,
            code: true,
            text: true,
            kind: true,
            judgements: {
              where: { enrolmentId: enrolment.id },
              select: { state: true, stale: true, revision: true, decision: { select: currentDecisionSelect }, ...reopenTally },
            },
            links: { where: links, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: REVIEW_NEWEST_ITEMS, select: evidenceItemSelect },
            _count: { select: { links: { where: links } } },
          },
        },
      },
    }),
    signOffsOf(db, actor, enrolment),
  ]);
  const { current: signOff, unlocked } = signOffs;
  const reopened = await reopenedCounts(
    enrolment.id,
    sections.flatMap((s) => s.criteria.map((c) => c.judgements[0])),
  );
  const shaped = sections.map(({ criteria, ...s }) => ({
    ...s,
    criteria: criteria.map(({ judgements, links: newest, _count, ...c }) => {
      return { ...c, ...liveOf(c, judgements[0], reopened.get(c.id)), evidenceCount: _count.links, evidence: newest.flatMap((l) => evidenceItem(l)) };
    }),
  }));
  const criteria = shaped.flatMap((s) => s.criteria);
  return {
    enrolment,
    live: criteria.map(({ criterionId, code, state, stale, revision, decision, decisions }): CriterionLive => ({
      criterionId,
      code,
      state,
      stale,
      revision,
      decision,
      decisions,
    })),
    signOff,
    unlocked,
    canQuality: can(actor, "reopen:criterion", enrolmentSubject(enrolment)),
    blocker: blockerOf(criteria),
    canDecide: can(actor, "decide:criterion", enrolmentSubject(enrolment)) && enrolment.status === "IN_PROGRESS" && !signOff,
    sections: shaped,
  };
}

export type ReviewScreen = Awaited<ReturnType<typeof reviewScreen>>;
export type ReviewCriterion = ReviewScreen["sections"][number]["criteria"][number];

type Judgement = { state: CriterionLive["state"]; stale: boolean; revision: number; decision: Parameters<typeof currentDecision>[0] | null };

/** With a judgement: how many reopenings its enrolment has had (joined, so no statement of its own). */
const reopenTally = { enrolment: { select: { _count: { select: { reopenings: true } } } } } as const;

/**
 * How many times each criterion of the enrolment was reopened (a reopening moves the revision on
 * too); read only when the enrolment has had a reopening at all, which most never have.
 */
async function reopenedCounts(enrolmentId: string, judgements: ({ enrolment: { _count: { reopenings: number } } } | undefined)[], criterionIds?: string[]) {
  if (!judgements.some((j) => j && j.enrolment._count.reopenings > 0)) return new Map<string, number>();
  const rows = await db.criterionReopening.groupBy({
    by: ["criterionId"],
    where: { enrolmentId, ...(criterionIds ? { criterionId: { in: criterionIds } } : {}) },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.criterionId, r._count._all]));
}

/**
 * What a decision changes about a criterion, from its judgement (none yet: not started, revision 0).
 * Each decision names the revision it was made on and moves it on by one, as each reopening does,
 * so the revision less the reopenings counts its decisions.
 */
export function liveOf(c: { id: string; code: string }, j: Judgement | undefined, reopenings = 0): CriterionLive {
  return {
    criterionId: c.id,
    code: c.code,
    state: j?.state ?? "NOT_STARTED",
    stale: j?.stale ?? false,
    revision: j?.revision ?? 0,
    decision: j?.decision ? currentDecision(j.decision) : null,
    decisions: Math.max(0, (j?.revision ?? 0) - reopenings),
  };
}

/**
 * The new state of criteria just decided, for the review screen to show in place of the old: only
 * these criteria, read back in one statement (after the enrolment, through the policy).
 */
export async function decidedCriteria(actor: Actor, enrolmentId: unknown, criterionIds: string[]): Promise<CriterionLive[]> {
  const enrolment = await readableEnrolment(db, actor, enrolmentId);
  const criteria = await db.criterion.findMany({
    where: { id: { in: criterionIds }, unitId: enrolment.unitId },
    orderBy: { position: "asc" },
    select: {
      id: true,
      code: true,
      judgements: {
        where: { enrolmentId: enrolment.id },
        select: { state: true, stale: true, revision: true, decision: { select: currentDecisionSelect }, ...reopenTally },
      },
    },
  });
  const reopened = await reopenedCounts(
    enrolment.id,
    criteria.map((c) => c.judgements[0]),
    criteria.map((c) => c.id),
  );
  return criteria.map((c) => liveOf(c, c.judgements[0], reopened.get(c.id)));
}

/** The criterion shown first: the first waiting for a decision, else the first. */
export const firstToReview = (criteria: Pick<CriterionLive, "code" | "state" | "stale">[]) =>
  (criteria.find((c) => c.state === "EVIDENCE_SUBMITTED" || c.state === "REOPENED" || c.stale) ?? criteria[0])?.code;
