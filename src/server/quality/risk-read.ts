import { z } from "zod";
import { isoDay, ukDay } from "@/lib/format";
import type { MethodName, RiskLevelName } from "@/lib/quality/strategy";
import { type RiskSuggestion, suggestRisk } from "@/lib/quality/suggest-risk";
import type { Actor } from "@/server/auth/actor";
import { type Db, db } from "@/server/db/client";
import { NotFoundError, can } from "@/server/policy";
import { qualityCentre, qualityCentres } from "./risk-centres";
import { riskSignals } from "./risk-signals";
import { enrolledUnitCodes } from "./strategy-write";

// The assessors of a centre with their risk ratings and Attest's suggestion, for IQAs (who rate)
// and centre admins (who read). A constant number of queries per page of assessors.

export const ASSESSORS_PAGE_SIZE = 25;
export const HISTORY_PAGE_SIZE = 25;
const pageQuery = z.coerce.number().int().min(1).max(10_000).catch(1);
const currentGrant = (now: Date) => ({ AND: [{ OR: [{ startsAt: null }, { startsAt: { lte: now } }] }, { OR: [{ endsAt: null }, { endsAt: { gt: now } }] }] });

export type Rating = {
  id: string;
  level: RiskLevelName;
  unitCode: string | null;
  method: MethodName | null;
  reason: string;
  reviewOn: string;
  reviewOverdue: boolean;
  ratedAt: Date;
  ratedBy: string | null;
};

const ratingSelect = {
  id: true,
  assessorId: true,
  unitCode: true,
  method: true,
  level: true,
  reason: true,
  reviewOn: true,
  ratedAt: true,
  ratedById: true,
} as const;
type RatingRow = {
  id: string;
  assessorId: string;
  unitCode: string;
  method: MethodName | null;
  level: RiskLevelName;
  reason: string;
  reviewOn: Date;
  ratedAt: Date;
  ratedById: string | null;
};

async function raterNames(client: Db, rows: RatingRow[]) {
  const ids = [...new Set(rows.map((r) => r.ratedById).filter((x): x is string => Boolean(x)))];
  const users = ids.length ? await client.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }) : [];
  return new Map(users.map((u) => [u.id, u.name]));
}

const toRating = (r: RatingRow, names: Map<string, string>, today: string): Rating => ({
  id: r.id,
  level: r.level,
  unitCode: r.unitCode || null,
  method: r.method,
  reason: r.reason,
  reviewOn: isoDay(r.reviewOn),
  reviewOverdue: isoDay(r.reviewOn) < today,
  ratedAt: r.ratedAt,
  ratedBy: r.ratedById ? (names.get(r.ratedById) ?? null) : null,
});

/** A page of the centre's assessors: current ratings (overall, per unit, per method), review dates and the suggestion. */
export async function assessorsWithRisk(actor: Actor, requested: string | null | undefined, query: { page?: unknown }, now = new Date()) {
  const centreId = qualityCentre(actor, requested);
  const page = pageQuery.parse(query.page);
  const where = { roleGrants: { some: { centreId, role: "ASSESSOR" as const, ...currentGrant(now) } } };
  const [assessors, total] = await Promise.all([
    db.user.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (page - 1) * ASSESSORS_PAGE_SIZE,
      take: ASSESSORS_PAGE_SIZE,
      select: { id: true, name: true, email: true },
    }),
    db.user.count({ where }),
  ]);
  const ids = assessors.map((a) => a.id);
  const [current, signals] = await Promise.all([
    db.assessorRiskRating.findMany({
      where: { centreId, assessorId: { in: ids } },
      orderBy: [{ ratedAt: "desc" }, { id: "desc" }],
      distinct: ["assessorId", "unitCode", "method"],
      select: ratingSelect,
    }),
    riskSignals(db, centreId, ids, now),
  ]);
  const names = await raterNames(db, current);
  const today = ukDay(now);
  const rows = assessors.map((a) => {
    const mine = current.filter((r) => r.assessorId === a.id).map((r) => toRating(r, names, today));
    return {
      ...a,
      overall: mine.find((r) => !r.unitCode && !r.method) ?? null,
      scoped: mine.filter((r) => r.unitCode || r.method).sort((x, y) => (x.unitCode ?? x.method ?? "").localeCompare(y.unitCode ?? y.method ?? "")),
      suggestion: suggestRisk(signals.get(a.id) as NonNullable<ReturnType<typeof signals.get>>, now),
    };
  });
  const centres = qualityCentres(actor);
  return {
    centreId,
    centreName: centres.find((c) => c.id === centreId)?.name ?? "",
    centres,
    canRate: can(actor, "rate:assessor", { centreId }),
    page,
    pages: Math.max(1, Math.ceil(total / ASSESSORS_PAGE_SIZE)),
    total,
    rows,
  };
}

/** One assessor of a centre the actor may read: current ratings, the suggestion, and a page of the rating history (newest first). */
export async function assessorRisk(actor: Actor, assessorId: string, requested: string | null | undefined, query: { page?: unknown }, now = new Date()) {
  if (!z.uuid().safeParse(assessorId).success) throw new NotFoundError();
  const allowed = requested ? [qualityCentre(actor, requested)] : qualityCentres(actor).map((c) => c.id);
  const grant = await db.roleGrant.findFirst({
    where: { userId: assessorId, role: "ASSESSOR", centreId: { in: allowed } },
    orderBy: { createdAt: "asc" },
    select: { centreId: true, user: { select: { id: true, name: true, email: true } } },
  });
  if (!grant) throw new NotFoundError();
  const { centreId, user } = grant;
  const page = pageQuery.parse(query.page);
  const where = { centreId, assessorId };
  const [history, total, current, signals, units] = await Promise.all([
    db.assessorRiskRating.findMany({
      where,
      orderBy: [{ ratedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * HISTORY_PAGE_SIZE,
      take: HISTORY_PAGE_SIZE,
      select: ratingSelect,
    }),
    db.assessorRiskRating.count({ where }),
    db.assessorRiskRating.findMany({ where, orderBy: [{ ratedAt: "desc" }, { id: "desc" }], distinct: ["unitCode", "method"], select: ratingSelect }),
    riskSignals(db, centreId, [assessorId], now),
    enrolledUnitCodes(db, centreId),
  ]);
  const names = await raterNames(db, [...history, ...current]);
  const today = ukDay(now);
  const ratings = current.map((r) => toRating(r, names, today));
  const centres = qualityCentres(actor);
  return {
    centreId,
    centreName: centres.find((c) => c.id === centreId)?.name ?? "",
    multiCentre: centres.length > 1,
    assessor: user,
    canRate: can(actor, "rate:assessor", { centreId }) && actor.userId !== assessorId,
    overall: ratings.find((r) => !r.unitCode && !r.method) ?? null,
    scoped: ratings.filter((r) => r.unitCode || r.method),
    suggestion: suggestRisk(signals.get(assessorId) as NonNullable<ReturnType<typeof signals.get>>, now) satisfies RiskSuggestion,
    history: history.map((r) => toRating(r, names, today)),
    page,
    pages: Math.max(1, Math.ceil(total / HISTORY_PAGE_SIZE)),
    units,
  };
}
