import { z } from "zod";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import { assertHolds, authorize, grantsAllowing, scope } from "@/server/policy";
import { must } from "@/lib/must";

export const PAGE_SIZE = 20;
export const pageSchema = z.coerce.number().int().min(1).max(10_000).catch(1);

const enrolmentSummary = {
  id: true,
  status: true,
  startedAt: true,
  centre: { select: { name: true } },
  unit: { select: { id: true, code: true, version: true, displayCode: true, title: true } },
  learner: { select: { id: true, name: true, email: true } },
  assessor: { select: { name: true } },
  iqa: { select: { name: true } },
} as const;

/**
 * Page `n` of the enrolments matching `where`, by learner and unit. The page's ids are found first
 * and only those 20 rows loaded with their relations: loaded in one go, PostgreSQL would join the
 * relations of every matching enrolment (thousands at a large centre) before sorting them.
 */
async function enrolmentPage(where: Prisma.EnrolmentWhereInput, n: number) {
  const page = await db.enrolment.findMany({
    where,
    orderBy: [{ learner: { name: "asc" } }, { unit: { code: "asc" } }, { id: "asc" }],
    skip: (n - 1) * PAGE_SIZE,
    take: PAGE_SIZE,
    select: { id: true },
  });
  if (page.length === 0) return [];
  const rows = await db.enrolment.findMany({ where: { id: { in: page.map((e) => e.id) } }, select: enrolmentSummary });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return page.flatMap((e) => byId.get(e.id) ?? []);
}

/** A learner's units, each with its criteria counted by kind. */
export async function learnerHome(actor: Actor) {
  assertHolds(actor, "read:enrolment:own");
  const enrolments = await db.enrolment.findMany({
    where: scope(actor, "read:enrolment:own"),
    select: enrolmentSummary,
    orderBy: { unit: { code: "asc" } },
  });
  const counts = await db.criterion.groupBy({
    by: ["unitId", "kind"],
    where: { unitId: { in: enrolments.map((e) => e.unit.id) } },
    _count: { _all: true },
  });
  return enrolments.map((e) => {
    const mine = counts.filter((c) => c.unitId === e.unit.id);
    const of = (kind: string) => mine.find((c) => c.kind === kind)?._count._all ?? 0;
    return {
      ...e,
      criteria: { total: mine.reduce((n, c) => n + c._count._all, 0), performance: of("PERFORMANCE") + of("ASSESSMENT"), knowledge: of("KNOWLEDGE") },
    };
  });
}

type Summary = Awaited<ReturnType<typeof learnerHome>>[number];

function byLearner<T extends Pick<Summary, "learner" | "centre" | "unit" | "status">>(rows: T[]) {
  const learners = new Map<string, { id: string; name: string; email: string; centre: string; units: T[] }>();
  for (const r of rows) {
    const entry = learners.get(r.learner.id) ?? { ...r.learner, centre: r.centre.name, units: [] };
    entry.units.push(r);
    learners.set(r.learner.id, entry);
  }
  return [...learners.values()];
}

/**
 * A page of the assessor's learners (by name), each with the units they assess them on. Paged by
 * learner in the database, so the home stays the same size however large the caseload grows.
 */
export async function assessorHome(actor: Actor, page?: unknown) {
  assertHolds(actor, "read:enrolment:assessed");
  const n = pageSchema.parse(page);
  const assessed = scope(actor, "read:enrolment:assessed");
  const where = { enrolments: { some: assessed } };
  const [learners, total] = await Promise.all([
    db.user.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (n - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        name: true,
        email: true,
        enrolments: {
          where: assessed,
          orderBy: { unit: { code: "asc" } },
          select: { id: true, status: true, centre: { select: { name: true } }, unit: enrolmentSummary.unit },
        },
      },
    }),
    db.user.count({ where }),
  ]);
  return {
    learners: learners.map(({ enrolments, ...l }) => ({ ...l, centre: enrolments[0]?.centre.name ?? "", units: enrolments })),
    page: n,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    total,
  };
}

/** The assessors and learners an IQA covers (the first page of them). */
export async function iqaHome(actor: Actor) {
  return (await iqaCover(actor)).groups;
}

/** A page of the enrolments an IQA covers, by learner and unit, grouped by assessor and then learner. */
export async function iqaCover(actor: Actor, page?: unknown) {
  assertHolds(actor, "read:enrolment:sampled");
  const n = pageSchema.parse(page);
  const where = scope(actor, "read:enrolment:sampled");
  const [rows, total] = await Promise.all([enrolmentPage(where, n), db.enrolment.count({ where })]);
  const assessors = new Map<string, Summary[]>();
  for (const r of rows) {
    const name = r.assessor?.name ?? "No assessor assigned";
    assessors.set(name, [...(assessors.get(name) ?? []), r as Summary]);
  }
  const groups = [...assessors.entries()].map(([assessor, list]) => ({ assessor, learners: byLearner(list) }));
  return { groups, page: n, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)), total };
}

/** The centres a verifier may see now, with the size of each, when access ends, and a page of its enrolments. */
export async function verifierHome(actor: Actor, pages: { enrolments?: unknown } = {}) {
  assertHolds(actor, "verify:centre");
  const grants = grantsAllowing(actor, "verify:centre");
  const ids = grants.map((g) => g.centreId);
  const [learners, lists] = await Promise.all([
    db.enrolment.groupBy({ by: ["centreId", "learnerId"], where: { centreId: { in: ids } } }),
    Promise.all(grants.map((g) => centreEnrolments(actor, g.centreId, pages.enrolments))),
  ]);
  return grants.map((g, i) => ({
    centreId: g.centreId,
    name: g.centreName,
    accessEnds: g.endsAt,
    enrolments: must(lists[i], "lists[i]"),
    learners: learners.filter((l) => l.centreId === g.centreId).length,
  }));
}

/** A page of a centre's enrolments the actor may read, by learner and unit. */
async function centreEnrolments(actor: Actor, centreId: string, page: unknown) {
  const n = pageSchema.parse(page);
  const where = { AND: [scope(actor, "read:enrolment"), { centreId }] };
  const [rows, total] = await Promise.all([enrolmentPage(where, n), db.enrolment.count({ where })]);
  return { rows, page: n, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)), total };
}

/** A centre's users with their roles, and its enrolments, a page of each. */
export async function adminHome(actor: Actor, centreId: string, pages: { users?: unknown; enrolments?: unknown } = {}) {
  authorize(actor, "administer:account", { centreId });
  const usersPage = pageSchema.parse(pages.users);
  const userWhere = { AND: [scope(actor, "administer:account"), { roleGrants: { some: { centreId } } }] };
  const [users, userCount, enrolments] = await Promise.all([
    db.user.findMany({
      where: userWhere,
      orderBy: { name: "asc" },
      skip: (usersPage - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        name: true,
        email: true,
        active: true,
        lastSignInAt: true,
        roleGrants: { where: { centreId }, select: { role: true, endsAt: true } },
      },
    }),
    db.user.count({ where: userWhere }),
    centreEnrolments(actor, centreId, pages.enrolments),
  ]);
  return { users: { rows: users, page: usersPage, pages: Math.max(1, Math.ceil(userCount / PAGE_SIZE)), total: userCount }, enrolments };
}
