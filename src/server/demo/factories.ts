import { Readable } from "node:stream";
import type { RoleName } from "@/lib/roles";
import type { Actor } from "@/server/auth/actor";
import { hashPassword } from "@/server/auth/password";
import type { Db } from "@/server/db/client";
import { createEvidence } from "@/server/portfolio/evidence";
import { attachUpload } from "@/server/portfolio/files";
import { setMapping } from "@/server/portfolio/mapping";
import { getPlan, savePlan, signPlan } from "@/server/portfolio/plan";
import { submitEvidence } from "@/server/portfolio/submission";
import { receiveToTemp } from "@/server/storage/disk";
import { must } from "@/lib/must";

// One set of factories for the demo data and the tests (tests/support/builders.ts). Centres, users,
// grants and enrolments have no server function yet, so these write their rows; each is idempotent:
// it returns what exists and creates only what is missing, so loading twice duplicates nothing.
// Portfolios are made through the same server functions the app uses.

export async function ensureCentre(db: Db, slug: string, name: string) {
  return db.centre.upsert({ where: { slug }, update: {}, create: { slug, name } });
}

export type UserSpec = {
  email: string;
  name: string;
  /** null: an account that cannot sign in with a password. */
  password: string | null;
  grants: { centreId: string; role: RoleName; startsAt?: Date; endsAt?: Date }[];
};

export async function ensureUser(db: Db, spec: UserSpec) {
  const email = spec.email.toLowerCase();
  let user = await db.user.findUnique({ where: { email } });
  if (!user) user = await db.user.create({ data: { email, name: spec.name, passwordHash: spec.password === null ? null : await hashPassword(spec.password) } });
  if (spec.grants.length) {
    await db.roleGrant.createMany({
      data: spec.grants.map((g) => ({ userId: user.id, centreId: g.centreId, role: g.role, startsAt: g.startsAt ?? null, endsAt: g.endsAt ?? null })),
      skipDuplicates: true,
    });
  }
  return user;
}

/** The enrolments, made where missing. */
export async function ensureEnrolments(
  db: Db,
  rows: { centreId: string; learnerId: string; unitId: string; assessorId?: string | null; iqaId?: string | null }[],
) {
  await db.enrolment.createMany({
    data: rows.map((r) => ({ ...r, assessorId: r.assessorId ?? null, iqaId: r.iqaId ?? null })),
    skipDuplicates: true,
  });
  const enrolments = await db.enrolment.findMany({ where: { OR: rows.map(({ centreId, learnerId, unitId }) => ({ centreId, learnerId, unitId })) } });
  await startAssignmentHistory(
    db,
    enrolments.map((e) => e.id),
  );
  return enrolments;
}

/** The first row of each enrolment's assessor and IQA history, where it has none yet (as the app's enrolInTx writes it). */
export async function startAssignmentHistory(db: Db, enrolmentIds: string[]) {
  if (!enrolmentIds.length) return;
  await db.$executeRaw`INSERT INTO "EnrolmentAssignment" (id, "enrolmentId", role, "userId", "startedAt")
    SELECT gen_random_uuid(), e.id, r.role::"Role", CASE r.role WHEN 'ASSESSOR' THEN e."assessorId" ELSE e."iqaId" END, e."createdAt"
    FROM "Enrolment" e CROSS JOIN (VALUES ('ASSESSOR'), ('IQA')) r(role)
    WHERE e.id = ANY(${enrolmentIds}::uuid[]) AND CASE r.role WHEN 'ASSESSOR' THEN e."assessorId" ELSE e."iqaId" END IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM "EnrolmentAssignment" a WHERE a."enrolmentId" = e.id AND a.role = r.role::"Role")`;
}

/** The newest version of each unit code open to new enrolments. */
export async function latestUnits(db: Db) {
  const units = await db.unit.findMany({ where: { status: "PUBLISHED", retiredAt: null }, orderBy: [{ code: "asc" }, { version: "desc" }] });
  return units.filter((u, i) => units.findIndex((v) => v.code === u.code) === i);
}

export type PlanItemSpec = { criterionIds: string[]; method: string; task: string; targetDate: string };

/** The assessor drafts the plan; the learner, then the assessor, sign it: the plan is agreed. */
export async function agreePlan(learner: Actor, assessor: Actor, enrolmentId: string, items: PlanItemSpec[]) {
  await savePlan(assessor, enrolmentId, { items });
  const contentHash = must((await getPlan(learner, enrolmentId)).versions[0], "(await getPlan(learner, enrolmentId)).versions[0]").contentHash;
  await signPlan(learner, enrolmentId, { typedName: learner.name, contentHash });
  await signPlan(assessor, enrolmentId, { typedName: assessor.name, contentHash });
  return { contentHash };
}

export type ItemSpec = {
  input: Record<string, unknown>;
  files?: [name: string, bytes: Buffer][];
  links: { criterionId: string; note: string }[];
  scopeOptionIds?: string[];
  submit: boolean;
};

/** A learner's evidence item: described, its files uploaded, mapped, and submitted when asked. */
export async function addItem(learner: Actor, spec: ItemSpec): Promise<string> {
  const { id } = await createEvidence(learner, spec.input);
  for (const [name, bytes] of spec.files ?? []) await attachUpload(learner, id, await receiveToTemp(Readable.from([bytes]), bytes.length + 1), name);
  if (spec.links.length) await setMapping(learner, id, { links: spec.links, scopeOptionIds: spec.scopeOptionIds ?? [] });
  if (spec.submit) await submitEvidence(learner, id, { ownWork: true, workplace: true });
  return id;
}
