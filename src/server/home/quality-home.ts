import { isoDay, ukDay } from "@/lib/format";
import { type DueGroup, dueGroup } from "@/lib/quality/action-due";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db/client";
import { centresAllowing } from "@/server/policy";
import { PAGE_SIZE, pageSchema } from "./queries";

// Quality assurance on the homes: the IQA's queue of work ready to sample, their draft plans and
// open actions; the assessor's actions and the IQA's feedback on their decisions.

type ReadyRow = {
  id: string;
  learner: string;
  unit: string;
  assessor: string | null;
  unsampled: number;
  signOffUnsampled: boolean;
  latest: Date | null;
  total: number;
};

/**
 * Enrolments the IQA covers with current decisions no IQA has given a verdict on, or a current
 * sign-off with none: newest decision first, a page at a time. Never the IQA's own decisions.
 */
export async function ivReadyQueue(actor: Actor, pageParam?: unknown) {
  const centres = centresAllowing(actor, "sample:enrolment");
  const page = pageSchema.parse(pageParam);
  if (centres.length === 0) return { rows: [], total: 0, page: 1, pages: 1 };
  const rows = await db.$queryRaw<ReadyRow[]>`
    WITH ready AS (
      SELECT e.id, e."learnerId", e."unitId", e."assessorId",
        count(d.id) FILTER (WHERE NOT EXISTS (SELECT 1 FROM "IqaVerdict" v WHERE v."decisionId" = d.id))::int AS unsampled,
        max(d."decidedAt") AS latest
      FROM "Enrolment" e
      LEFT JOIN "CriterionJudgement" j ON j."enrolmentId" = e.id AND j."decisionId" IS NOT NULL
      LEFT JOIN "Decision" d ON d.id = j."decisionId" AND d."assessorId" <> ${actor.userId}::uuid
      WHERE e."iqaId" = ${actor.userId}::uuid AND e."centreId" = ANY(${centres}::uuid[])
        AND e."assessorId" IS DISTINCT FROM ${actor.userId}::uuid AND e.status IN ('IN_PROGRESS', 'COMPLETED')
      GROUP BY e.id
    )
    SELECT r.id, l.name AS learner, u."displayCode" AS unit, a.name AS assessor, r.unsampled, r.latest,
      (s.id IS NOT NULL AND s."assessorId" <> ${actor.userId}::uuid AND NOT EXISTS (SELECT 1 FROM "IqaVerdict" v WHERE v."signOffId" = s.id)) AS "signOffUnsampled",
      count(*) OVER ()::int AS total
    FROM ready r
    JOIN "User" l ON l.id = r."learnerId"
    JOIN "Unit" u ON u.id = r."unitId"
    LEFT JOIN "User" a ON a.id = r."assessorId"
    LEFT JOIN "UnitSignOff" s ON s."currentOfId" = r.id
    WHERE r.unsampled > 0 OR (s.id IS NOT NULL AND s."assessorId" <> ${actor.userId}::uuid AND NOT EXISTS (SELECT 1 FROM "IqaVerdict" v WHERE v."signOffId" = s.id))
    ORDER BY r.latest DESC NULLS LAST, r.id
    LIMIT ${PAGE_SIZE} OFFSET ${(page - 1) * PAGE_SIZE}`;
  const total = rows[0]?.total ?? 0;
  return { rows: rows.map(({ total: _, ...r }) => r), total, page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

/** The IQA's sample plans not yet signed, and the actions they raised that are still open. */
export async function iqaQualitySummary(actor: Actor, now = new Date()) {
  const centres = centresAllowing(actor, "plan:sample");
  const today = new Date(`${ukDay(now)}T00:00:00Z`);
  const mine = { centreId: { in: centres }, raisedById: actor.userId, closedAt: null };
  const [drafts, draftCount, openActions, overdueActions] = await Promise.all([
    db.samplePlan.findMany({
      where: { centreId: { in: centres }, iqaId: actor.userId, status: "DRAFT" },
      orderBy: { updatedAt: "desc" },
      take: 5,
      select: { id: true, title: true, periodStart: true, periodEnd: true },
    }),
    db.samplePlan.count({ where: { centreId: { in: centres }, iqaId: actor.userId, status: "DRAFT" } }),
    db.iqaAction.count({ where: mine }),
    db.iqaAction.count({ where: { ...mine, dueOn: { lt: today } } }),
  ]);
  return { drafts, draftCount, openActions, overdueActions };
}

const FEEDBACK_DAYS = 30;
const ACTIONS_SHOWN = 50;

/** The assessor's open IQA actions by when they are due, and the IQA's verdicts on their decisions lately. */
export async function assessorQuality(actor: Actor, now = new Date()) {
  const centres = centresAllowing(actor, "respond:action");
  const where = { centreId: { in: centres }, assessorId: actor.userId, closedAt: null };
  const [actions, openTotal, verdicts] = await Promise.all([
    db.iqaAction.findMany({
      where,
      orderBy: [{ dueOn: "asc" }, { raisedAt: "asc" }],
      take: ACTIONS_SHOWN,
      select: { id: true, title: true, dueOn: true, raisedAt: true, _count: { select: { responses: true } } },
    }),
    db.iqaAction.count({ where }),
    db.iqaVerdict.findMany({
      where: { assessorId: actor.userId, signedAt: { gte: new Date(now.getTime() - FEEDBACK_DAYS * 86_400_000) }, review: { centreId: { in: centres } } },
      orderBy: { signedAt: "desc" },
      take: 5,
      select: {
        id: true,
        agrees: true,
        feedback: true,
        signedAt: true,
        review: { select: { id: true, enrolment: { select: { learner: { select: { name: true } }, unit: { select: { displayCode: true } } } } } },
      },
    }),
  ]);
  const byBucket: Record<DueGroup, typeof actions> = { Overdue: [], "Due today": [], "Next 7 days": [], Later: [] };
  const today = ukDay(now);
  for (const a of actions) byBucket[dueGroup(isoDay(a.dueOn), today)].push(a);
  return { actions: byBucket, openTotal, shown: actions.length, verdicts, feedbackDays: FEEDBACK_DAYS };
}
