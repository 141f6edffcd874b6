import { z } from "zod";
import { withDayParts } from "@/lib/day-parts";
import { anyText, day } from "@/lib/input";
import type { AssessorRecord } from "@/lib/portfolio/records";
import { assessmentMethods } from "@/lib/standards/unit-file";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import { evidenceSubject, holds, permissionsOn, readableEvidence, scope } from "@/server/policy";
import { planAgreed } from "./plan";
import { must } from "@/lib/must";

/** Everything the evidence page shows: every version, the claims, and what the actor may do now. */
export async function evidenceDetail(actor: Actor, evidenceId: unknown) {
  const evidence = await readableEvidence(db, actor, evidenceId);
  const [versions, links, scopeLinks, learner, subject] = await Promise.all([
    db.evidenceVersion.findMany({ where: { evidenceId: evidence.id }, orderBy: { version: "desc" }, include: { files: { orderBy: { position: "asc" } } } }),
    db.evidenceLink.findMany({
      where: { evidenceId: evidence.id, removedAt: null },
      include: {
        criterion: { select: { id: true, code: true, text: true, position: true } },
        enrolment: { select: { id: true, unit: { select: { code: true, displayCode: true } } } },
      },
    }),
    db.evidenceScopeLink.findMany({
      where: { evidenceId: evidence.id, removedAt: null },
      include: { scopeOption: { include: { category: { select: { name: true, unit: { select: { displayCode: true } } } } } } },
    }),
    db.user.findUniqueOrThrow({ where: { id: evidence.learnerId }, select: { id: true, name: true } }),
    evidenceSubject(db, evidence),
  ]);
  const latest = must(versions[0], "versions[0]");
  // Withdrawal is about the current submission: decisions on earlier versions do not block it.
  const decided = latest.submittedAt ? await db.decisionEvidence.count({ where: { evidenceVersionId: latest.id } }) : 0;
  const allowed = permissionsOn(actor, subject, ["update:evidence", "submit:evidence", "withdraw:evidence", "comment:evidence", "request:testimony"]);
  const editor = allowed.has("update:evidence");
  const record = latest.record as AssessorRecord | null;
  const everSubmitted = versions.some((v) => v.submittedAt);
  return {
    evidence,
    learner,
    versions,
    latest,
    links: links.sort((a, b) => a.enrolment.unit.code.localeCompare(b.enrolment.unit.code) || a.criterion.position - b.criterion.position),
    scopeLinks,
    record,
    can: {
      edit: editor && !latest.submittedAt,
      submit: allowed.has("submit:evidence") && !latest.submittedAt && (!record || Boolean(record.ready)),
      sendForCountersign: editor && Boolean(record) && !record?.ready && !latest.submittedAt,
      revise: editor && Boolean(latest.submittedAt),
      withdraw: allowed.has("withdraw:evidence") && evidence.status === "SUBMITTED" && decided === 0,
      delete: editor && !everSubmitted,
      comment: allowed.has("comment:evidence"),
      requestTestimony: allowed.has("request:testimony"),
    },
  };
}

/** What the owner can map an item to: their units' criteria by section, scope options, and each unit's gates. */
export async function mappingChoices(learnerId: string, centreId: string) {
  const enrolments = await db.enrolment.findMany({
    where: { learnerId, centreId, status: { not: "WITHDRAWN" } },
    orderBy: { unit: { code: "asc" } },
    include: {
      unit: {
        select: {
          code: true,
          displayCode: true,
          title: true,
          simulationAllowed: true,
          planRequiredFirst: true,
          sections: {
            orderBy: { position: "asc" },
            select: { code: true, title: true, kind: true, criteria: { orderBy: { position: "asc" }, select: { id: true, code: true, text: true } } },
          },
          scopeCategories: {
            orderBy: { position: "asc" },
            select: { name: true, options: { orderBy: { position: "asc" }, select: { id: true, text: true } } },
          },
        },
      },
    },
  });
  return Promise.all(
    enrolments.map(async (e) => ({ enrolmentId: e.id, unit: e.unit, planAgreed: e.unit.planRequiredFirst ? await planAgreed(db, e.id) : true })),
  );
}

const optional = <T extends z.ZodType>(s: T) => z.preprocess((v) => (v === "" || v === null ? undefined : v), s.optional());
export const libraryFilterSchema = z.object({
  learner: optional(z.uuid()),
  unit: optional(
    z
      .string()
      .regex(/^[A-Za-z0-9]{1,20}$/)
      .transform((s) => s.toUpperCase()),
  ),
  criterion: optional(z.uuid()),
  code: optional(
    z
      .string()
      .trim()
      .regex(/^[A-Za-z]?\d+(\.\d+)?$/)
      .transform((s) => s.toUpperCase()),
  ),
  method: optional(z.enum(assessmentMethods)),
  state: optional(z.enum(["DRAFT", "SUBMITTED", "WITHDRAWN"])),
  from: optional(day("the first date")),
  to: optional(day("the last date")),
  q: optional(anyText(200).trim()),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export const LIBRARY_PAGE_SIZE = 20;

/** The evidence library: the actor's readable items, filtered, searched and a page at a time. */
export async function evidenceLibrary(actor: Actor, rawFilters: Record<string, unknown> | undefined) {
  const parsed = libraryFilterSchema.safeParse(withDayParts({ ...(rawFilters ?? {}) }, ["from", "to"]));
  const f = parsed.success ? parsed.data : { page: 1 };
  const and: Prisma.EvidenceWhereInput[] = [scope(actor, "read:evidence")];
  if (f.learner) and.push({ learnerId: f.learner });
  if (f.unit) and.push({ links: { some: { removedAt: null, enrolment: { unit: { code: f.unit } } } } });
  if (f.criterion) and.push({ links: { some: { removedAt: null, criterionId: f.criterion } } });
  if (f.code) and.push({ links: { some: { removedAt: null, criterion: { code: f.code }, ...(f.unit ? { enrolment: { unit: { code: f.unit } } } : {}) } } });
  if (f.method) and.push({ method: f.method });
  if (f.state) and.push({ status: f.state });
  if (f.from) and.push({ activityFrom: { gte: new Date(`${f.from}T00:00:00Z`) } });
  if (f.to) and.push({ activityFrom: { lte: new Date(`${f.to}T00:00:00Z`) } });
  if (f.q) and.push({ OR: [{ title: { contains: f.q, mode: "insensitive" } }, { versions: { some: { account: { contains: f.q, mode: "insensitive" } } } }] });
  const where = { AND: and };
  const [rows, total] = await Promise.all([
    db.evidence.findMany({
      where,
      orderBy: [{ activityFrom: "desc" }, { createdAt: "desc" }],
      skip: (f.page - 1) * LIBRARY_PAGE_SIZE,
      take: LIBRARY_PAGE_SIZE,
      include: {
        learner: { select: { name: true } },
        links: {
          where: { removedAt: null },
          select: { criterion: { select: { code: true } }, enrolment: { select: { unit: { select: { displayCode: true } } } } },
        },
      },
    }),
    db.evidence.count({ where }),
  ]);
  return {
    rows,
    total,
    page: f.page,
    pages: Math.max(1, Math.ceil(total / LIBRARY_PAGE_SIZE)),
    filters: f,
    invalid: !parsed.success,
    can: { create: holds(actor, "create:evidence") },
  };
}
