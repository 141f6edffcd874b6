import { z } from "zod";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import { NotFoundError, administeredCentre } from "@/server/policy";

export const ENROLMENTS_PAGE_SIZE = 25;
export const enrolmentStatuses = ["IN_PROGRESS", "COMPLETED", "VERIFIED", "CERTIFICATED", "WITHDRAWN"] as const;

const filterSchema = z.object({
  centre: z.string().trim().max(40).catch(""),
  unit: z.string().trim().max(20).catch(""),
  assessor: z
    .union([z.uuid(), z.literal("none")])
    .catch("" as never)
    .optional(),
  status: z.enum(enrolmentStatuses).optional().catch(undefined),
  q: z.string().trim().max(100).catch(""),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

const person = { select: { id: true, name: true, email: true } } as const;

/** The centre's assessors and IQAs (current grants, active accounts), for the form selects. */
async function staffOf(centreId: string, now: Date) {
  const grants = await db.roleGrant.findMany({
    where: {
      centreId,
      role: { in: ["ASSESSOR", "IQA"] },
      user: { active: true },
      AND: [{ OR: [{ startsAt: null }, { startsAt: { lte: now } }] }, { OR: [{ endsAt: null }, { endsAt: { gt: now } }] }],
    },
    select: { role: true, user: person },
    orderBy: { user: { name: "asc" } },
  });
  return {
    assessors: grants.filter((g) => g.role === "ASSESSOR").map((g) => g.user),
    iqas: grants.filter((g) => g.role === "IQA").map((g) => g.user),
  };
}

/** Published versions new enrolments may use (not retired), newest first per code. */
async function enrollableUnits() {
  return db.unit.findMany({
    where: { status: "PUBLISHED", retiredAt: null },
    select: { id: true, code: true, version: true, displayCode: true, title: true },
    orderBy: [{ code: "asc" }, { version: "desc" }],
  });
}

/** The centre's enrolments, filtered by unit code, assessor, status and learner name or email; a page of them. */
export async function listEnrolments(actor: Actor, params: unknown) {
  const f = filterSchema.parse(params ?? {});
  const centreId = administeredCentre(actor, "administer:enrolment", f.centre || null);
  const where: Prisma.EnrolmentWhereInput = {
    centreId,
    ...(f.unit ? { unit: { code: f.unit.toUpperCase() } } : {}),
    ...(f.assessor === "none" ? { assessorId: null } : f.assessor ? { assessorId: f.assessor } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.q ? { learner: { OR: [{ name: { contains: f.q, mode: "insensitive" } }, { email: { contains: f.q.toLowerCase() } }] } } : {}),
  };
  const now = new Date();
  const [total, rows, staff, units, centre] = await Promise.all([
    db.enrolment.count({ where }),
    db.enrolment.findMany({
      where,
      orderBy: [{ learner: { name: "asc" } }, { unit: { code: "asc" } }, { id: "asc" }],
      skip: (f.page - 1) * ENROLMENTS_PAGE_SIZE,
      take: ENROLMENTS_PAGE_SIZE,
      select: {
        id: true,
        status: true,
        startedAt: true,
        learner: person,
        assessor: person,
        iqa: person,
        unit: { select: { code: true, version: true, displayCode: true } },
      },
    }),
    staffOf(centreId, now),
    enrollableUnits(),
    db.centre.findUniqueOrThrow({ where: { id: centreId }, select: { id: true, name: true } }),
  ]);
  const unitCodes = [...new Map(units.map((u) => [u.code, u.displayCode])).entries()];
  return { centre, rows, total, page: f.page, pages: Math.max(1, Math.ceil(total / ENROLMENTS_PAGE_SIZE)), filters: f, assessors: staff.assessors, unitCodes };
}

/** What the "Enrol a learner" form offers: units that take new enrolments, the centre's assessors and IQAs. */
export async function enrolmentFormOptions(actor: Actor, requestedCentre?: string | null) {
  const centreId = administeredCentre(actor, "administer:enrolment", requestedCentre || null);
  const [units, staff, centre] = await Promise.all([
    enrollableUnits(),
    staffOf(centreId, new Date()),
    db.centre.findUniqueOrThrow({ where: { id: centreId }, select: { id: true, name: true } }),
  ]);
  return { centre, units, ...staff };
}

/** One enrolment for its admin page: who, what, its assignment and version history, and what may be done next. */
export async function enrolmentDetail(actor: Actor, enrolmentId: string) {
  if (!z.uuid().safeParse(enrolmentId).success) throw new NotFoundError();
  const enrolment = await db.enrolment.findUnique({
    where: { id: enrolmentId },
    include: {
      learner: person,
      assessor: person,
      iqa: person,
      unit: { select: { id: true, code: true, version: true, displayCode: true, title: true } },
      signOff: { select: { assessorSignedAt: true, learnerSignedAt: true } },
      assignments: { orderBy: [{ startedAt: "desc" }, { id: "desc" }], take: 50 },
      unitChanges: { orderBy: { at: "desc" }, take: 20 },
    },
  });
  if (!enrolment) throw new NotFoundError();
  administeredCentre(actor, "administer:enrolment", enrolment.centreId);
  const peopleIds = [
    ...new Set(enrolment.assignments.flatMap((a) => [a.userId, a.assignedById]).concat(enrolment.unitChanges.map((c) => c.changedById))),
  ].filter((v): v is string => !!v);
  const unitIds = [...new Set(enrolment.unitChanges.flatMap((c) => [c.fromUnitId, c.toUnitId]))];
  const [people, changeUnits, versions, staff] = await Promise.all([
    db.user.findMany({ where: { id: { in: peopleIds } }, select: { id: true, name: true } }),
    db.unit.findMany({ where: { id: { in: unitIds } }, select: { id: true, version: true } }),
    db.unit.findMany({
      where: { code: enrolment.unit.code, status: "PUBLISHED", retiredAt: null, id: { not: enrolment.unitId } },
      select: { id: true, version: true, publishedAt: true },
      orderBy: { version: "desc" },
    }),
    staffOf(enrolment.centreId, new Date()),
  ]);
  const name = new Map(people.map((p) => [p.id, p.name]));
  const version = new Map(changeUnits.map((u) => [u.id, u.version]));
  const open = enrolment.status === "IN_PROGRESS";
  return {
    enrolment,
    assignments: enrolment.assignments.map((a) => ({
      ...a,
      name: a.userId ? (name.get(a.userId) ?? "Unknown") : null,
      by: a.assignedById ? name.get(a.assignedById) : null,
    })),
    unitChanges: enrolment.unitChanges.map((c) => ({
      ...c,
      from: version.get(c.fromUnitId),
      to: version.get(c.toUnitId),
      by: c.changedById ? name.get(c.changedById) : null,
    })),
    otherVersions: versions,
    ...staff,
    can: {
      assign: enrolment.status !== "WITHDRAWN",
      withdraw: open,
      certificate: enrolment.status === "COMPLETED" || enrolment.status === "VERIFIED",
      changeVersion: open && !enrolment.signOff && versions.length > 0,
    },
  };
}
