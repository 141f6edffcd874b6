// Builders for integration tests (`import * as build from "../support/builders"`): each makes one
// thing a test needs and returns what later steps need (ids, and Actors to act as). They run on the
// test file's database (freshDatabase points the app's client at it), which starts with the units
// published and nobody in it. Centres, people, their roles and enrolments have no server function
// yet, so they are written here, and only here, with the demo's factories; everything a person does
// (evidence, plans, decisions) goes through the app's own server functions.
import { randomUUID } from "node:crypto";
import type { RoleName } from "@/lib/roles";
import { decideCriterion } from "@/server/assessment/decide";
import { type Actor, loadActor } from "@/server/auth/actor";
import { db } from "@/server/db/client";
import { addItem, agreePlan, ensureCentre, ensureEnrolments, ensureUser, latestUnits, startAssignmentHistory } from "@/server/demo/factories";
import { pdf } from "@/server/demo/sample-files";
import { evidenceInput } from "./actors";
import { must } from "@/lib/must";

/** Every built user's password (hashed with the app's own function). */
export const PASSWORD = "builder-password";

let made = 0;
const nextNumber = () => ++made;

export type Centre = { id: string; name: string };
export type Enrolment = { id: string; centreId: string; unitId: string; unitCode: string; learner: Actor; assessor: Actor | null; iqa: Actor | null };

export async function centre({ name }: { name?: string } = {}): Promise<Centre> {
  const n = nextNumber();
  const row = await ensureCentre(db, `centre-${n}-${randomUUID().slice(0, 8)}`, name ?? `Centre ${n}`);
  return { id: row.id, name: row.name };
}

/**
 * A person holding `roles` in `centre`, signed in as far as server functions care. `window` limits
 * the grants in time (an external verifier's access). `password: null` makes an account without one.
 */
export async function user(spec: {
  centre?: Centre;
  roles?: RoleName[];
  name?: string;
  email?: string;
  password?: string | null;
  window?: { startsAt: Date; endsAt: Date };
}): Promise<Actor> {
  const n = nextNumber();
  const roles = spec.roles ?? [];
  if (roles.length && !spec.centre) throw new Error("A role is held in a centre: pass the centre.");
  const row = await ensureUser(db, {
    email: spec.email ?? `user${n}-${randomUUID().slice(0, 8)}@test.example`,
    name: spec.name ?? `Person ${n}`,
    password: spec.password === undefined ? PASSWORD : spec.password,
    grants: roles.map((role) => ({ centreId: must(spec.centre, "spec.centre").id, role, ...spec.window })),
  });
  return actor(row.id);
}

/** The user as the app loads them now (after a test changed their grants or account). */
export async function actor(userId: string): Promise<Actor> {
  const loaded = await loadActor(db, userId);
  if (!loaded) throw new Error(`User ${userId} cannot act: missing or disabled`);
  return loaded;
}

/** The learner on the newest published version of `unit` (by code), in the centre where they are a learner. */
export async function enrolment(spec: { learner: Actor; assessor?: Actor; iqa?: Actor; unit: "CPC308" | "AG26" | (string & {}) }): Promise<Enrolment> {
  const centreId = spec.learner.grants.find((g) => g.role === "LEARNER")?.centreId;
  if (!centreId) throw new Error(`${spec.learner.name} is not a learner anywhere`);
  const unit = (await latestUnits(db)).find((u) => u.code === spec.unit);
  if (!unit) throw new Error(`No published unit ${spec.unit}`);
  const [row] = await ensureEnrolments(db, [
    { centreId, learnerId: spec.learner.userId, unitId: unit.id, assessorId: spec.assessor?.userId, iqaId: spec.iqa?.userId },
  ]);
  return {
    id: must(row, "row").id,
    centreId,
    unitId: unit.id,
    unitCode: unit.code,
    learner: spec.learner,
    assessor: spec.assessor ?? null,
    iqa: spec.iqa ?? null,
  };
}

/** The criteria of the enrolment's unit with these codes, in that order. */
export async function criteria(of: Pick<Enrolment, "unitId">, codes: string[]) {
  const found = await db.criterion.findMany({ where: { unitId: of.unitId, code: { in: codes } } });
  return codes.map((code) => {
    const c = found.find((f) => f.code === code);
    if (!c) throw new Error(`No criterion ${code} in that unit`);
    return c;
  });
}

/** A plan the enrolment's assessor drafted and both signed: one item over `codes` (every criterion by default). */
export async function agreedPlan(of: Enrolment, { codes, method = "WORK_PRODUCT" }: { codes?: string[]; method?: string } = {}) {
  if (!of.assessor) throw new Error("Only an enrolment with an assessor has a plan");
  const ids = codes
    ? (await criteria(of, codes)).map((c) => c.id)
    : (await db.criterion.findMany({ where: { unitId: of.unitId }, select: { id: true } })).map((c) => c.id);
  return agreePlan(of.learner, of.assessor, of.id, [{ criterionIds: ids, method, task: "Evidence every criterion at work", targetDate: "2027-06-30" }]);
}

type ItemSpec = {
  learner: Actor;
  /** Criteria codes, found among the units the learner is enrolled on (name `unit` when a code is in several). */
  criteria?: string[];
  unit?: string;
  title?: string;
  input?: Record<string, unknown>;
  /** One small PDF by default; [] for none. */
  files?: [name: string, bytes: Buffer][];
};

async function itemLinks(learner: Actor, codes: string[], unit?: string) {
  const found = await db.criterion.findMany({
    where: { code: { in: codes }, unit: { ...(unit ? { code: unit } : {}), enrolments: { some: { learnerId: learner.userId } } } },
    include: { unit: { select: { code: true } } },
  });
  return codes.map((code) => {
    const matches = found.filter((c) => c.code === code);
    if (matches.length !== 1) throw new Error(`${matches.length} of ${learner.name}'s units have criterion ${code}${matches.length ? ": name the unit" : ""}`);
    return must(matches[0], "matches[0]");
  });
}

async function item(spec: ItemSpec, submit: boolean) {
  const title = spec.title ?? `Evidence ${nextNumber()}`;
  const mapped = await itemLinks(spec.learner, spec.criteria ?? [], spec.unit);
  const id = await addItem(spec.learner, {
    input: evidenceInput({ title, ...spec.input }),
    // Unique bytes, so no two items share a stored file unless a test means them to.
    files: spec.files ?? [["evidence.pdf", pdf(`${title} ${randomUUID()}`)]],
    links: mapped.map((c) => ({ criterionId: c.id, note: `Shows ${c.code}` })),
    submit,
  });
  const version = await db.evidenceVersion.findFirstOrThrow({ where: { evidenceId: id }, orderBy: { version: "desc" } });
  return { id, versionId: version.id, contentHash: version.contentHash, criteria: mapped };
}

/** A learner's draft item with its files, mapped to `criteria` (if any), not submitted. */
export const draftItem = (spec: ItemSpec) => item(spec, false);

/** A learner's item submitted for assessment (AG26 needs an agreed plan first: see agreedPlan). */
export const submittedItem = (spec: ItemSpec & { criteria: string[] }) => item(spec, true);

/** A signed decision by the enrolment's assessor, relying on every current submitted item mapped to the criterion unless `evidence` names versions. */
export async function signedDecision(spec: {
  enrolment: Enrolment;
  criterion: string;
  outcome?: "MET" | "NOT_YET_MET";
  feedback?: string;
  evidence?: string[];
  assessor?: Actor;
}) {
  const assessor = spec.assessor ?? spec.enrolment.assessor;
  if (!assessor) throw new Error("Only an enrolment's assessor decides");
  const [criterion] = await criteria(spec.enrolment, [spec.criterion]);
  const evidence = spec.evidence ?? (await currentVersions(spec.enrolment.id, must(criterion, "criterion").id));
  const judgement = await db.criterionJudgement.findUnique({
    where: { enrolmentId_criterionId: { enrolmentId: spec.enrolment.id, criterionId: must(criterion, "criterion").id } },
  });
  const outcome = spec.outcome ?? "MET";
  const signed = await decideCriterion({ ...assessor, signedInAt: new Date() }, spec.enrolment.id, {
    criterionId: must(criterion, "criterion").id,
    outcome,
    evidenceVersionIds: outcome === "MET" ? evidence : [],
    feedback: spec.feedback ?? (outcome === "MET" ? "" : "Say more about what you did."),
    typedName: assessor.name,
    revision: judgement?.revision ?? 0,
  });
  return { ...signed, criterionId: must(criterion, "criterion").id };
}

/** The newest submitted version of each item (not withdrawn) mapped to the criterion. */
async function currentVersions(enrolmentId: string, criterionId: string) {
  const items = await db.evidence.findMany({
    where: { status: "SUBMITTED", links: { some: { enrolmentId, criterionId, removedAt: null } } },
    select: { versions: { where: { submittedAt: { not: null } }, orderBy: { version: "desc" }, take: 1, select: { id: true } } },
  });
  return items.flatMap((i) => i.versions.map((v) => v.id));
}

/**
 * Many learners of one centre, each enrolled on every published unit with `assessor`, written in bulk
 * (no passwords: they never sign in). For tests of scale; everyone else is made one at a time above.
 */
export async function manyLearners({ centre: where, assessor, count }: { centre: Centre; assessor: Actor; count: number }) {
  const first = nextNumber();
  const learners = Array.from({ length: count }, (_, i) => ({
    id: randomUUID(),
    email: `bulk${first}-${i}@test.example`,
    name: `Bulk Learner ${String(i).padStart(3, "0")}`,
  }));
  await db.user.createMany({ data: learners });
  await db.roleGrant.createMany({ data: learners.map((l) => ({ userId: l.id, centreId: where.id, role: "LEARNER" as const })) });
  const units = await latestUnits(db);
  const enrolments = learners.flatMap((l) =>
    units.map((u) => ({ id: randomUUID(), centreId: where.id, learnerId: l.id, unitId: u.id, assessorId: assessor.userId })),
  );
  await db.enrolment.createMany({ data: enrolments });
  await startAssignmentHistory(
    db,
    enrolments.map((e) => e.id),
  );
  return { learners, enrolments };
}
