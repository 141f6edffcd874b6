import { z } from "zod";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import { NotFoundError, authorize } from "@/server/policy";

/** A version new enrolments may use: published and not retired (existing enrolments keep theirs whatever happens). */
export const openForEnrolment = { status: "PUBLISHED", retiredAt: null } as const satisfies Prisma.UnitWhereInput;

export const unitCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9]{1,20}$/, "A unit code is letters and digits, like CPC308 or AG26")
  .transform((s) => s.toUpperCase());

/** The newest published version of every unit, for the catalogue. */
export async function listUnits(actor: Actor) {
  authorize(actor, "read:unit");
  const units = await db.unit.findMany({
    where: openForEnrolment,
    orderBy: [{ code: "asc" }, { version: "desc" }],
    select: {
      code: true,
      version: true,
      displayCode: true,
      title: true,
      awardingBody: true,
      level: true,
      creditValue: true,
      guidedLearningHours: true,
      _count: { select: { criteria: true, sections: true } },
    },
  });
  return units
    .filter((u, i) => units.findIndex((v) => v.code === u.code) === i)
    .map(({ _count, ...u }) => ({ ...u, criteriaCount: _count.criteria, sectionCount: _count.sections }));
}

/** A unit's whole tree (newest published version unless one is named), or NotFoundError. */
export async function getUnitTree(actor: Actor, rawCode: unknown, rawVersion?: unknown) {
  authorize(actor, "read:unit");
  const code = unitCodeSchema.safeParse(rawCode);
  const version = rawVersion === undefined || rawVersion === null ? undefined : z.coerce.number().int().positive().safeParse(rawVersion);
  if (!code.success || (version && !version.success)) throw new NotFoundError("No unit has that code");
  return unitTree({ code: code.data, status: "PUBLISHED", ...(version ? { version: version.data } : {}) });
}

/** One version's tree, a draft included, as learners will see it: for an admin who may publish units. */
export async function unitVersionTree(actor: Actor, rawId: unknown) {
  authorize(actor, "publish:unit");
  const id = z.uuid().safeParse(rawId);
  if (!id.success) throw new NotFoundError("No unit has that code");
  return unitTree({ id: id.data });
}

async function unitTree(where: Prisma.UnitWhereInput) {
  const unit = await db.unit.findFirst({
    where,
    orderBy: { version: "desc" },
    omit: { id: true },
    include: {
      sections: {
        orderBy: { position: "asc" },
        select: {
          code: true,
          kind: true,
          title: true,
          preamble: true,
          criteria: {
            orderBy: { position: "asc" },
            select: {
              code: true,
              kind: true,
              text: true,
              terms: {
                orderBy: { term: "asc" },
                select: { term: true, scopeCategory: { select: { key: true, name: true } }, glossaryTerm: { select: { term: true } } },
              },
            },
          },
        },
      },
      scopeCategories: {
        orderBy: { position: "asc" },
        select: { key: true, name: true, guidance: true, options: { orderBy: { position: "asc" }, select: { text: true } } },
      },
      glossaryTerms: { orderBy: { position: "asc" }, select: { term: true, definition: true } },
      assessmentMethods: { orderBy: { position: "asc" }, select: { method: true, name: true, description: true } },
    },
  });
  if (!unit) throw new NotFoundError("No unit has that code");
  return {
    ...unit,
    sections: unit.sections.map((s) => ({
      ...s,
      criteria: s.criteria.map((c) => ({
        ...c,
        terms: c.terms.map((t) => ({ term: t.term, scope: t.scopeCategory?.key ?? null, glossary: t.glossaryTerm?.term ?? null })),
      })),
    })),
    scopeCategories: unit.scopeCategories.map((s) => ({ ...s, options: s.options.map((o) => o.text) })),
  };
}

export type UnitTree = Awaited<ReturnType<typeof unitTree>>;
