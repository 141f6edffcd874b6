// The end-to-end app's database, for specs to find the demo's rows and check what an action
// changed, or to change what an operator or administrator would. Named, typed queries through
// Prisma, as the tables' owner; specs call these, never SQL.
import { E2E_PG_PORT } from "../../playwright.config";
import { type Db, createDb } from "@/server/db/client";
import type { EvidenceStatus } from "@/server/db/generated/client";
import { signOffContentHash } from "@/server/assessment/sign-off-hash";
import { must } from "@/lib/must";

let client: Db | undefined;
const db = () => (client ??= createDb(`postgresql://attest:attest-local@127.0.0.1:${E2E_PG_PORT}/attest`));

type UnitCode = "CPC308" | "AG26";

export async function userId(email: string): Promise<string> {
  return (await db().user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
}

/** The learner's enrolment (on `unit`, or any). */
export async function enrolmentOf(email: string, unit?: UnitCode): Promise<{ id: string; learnerId: string; centreId: string }> {
  return db().enrolment.findFirstOrThrow({
    where: { learner: { email }, ...(unit ? { unit: { code: unit } } : {}) },
    select: { id: true, learnerId: true, centreId: true },
    orderBy: { createdAt: "asc" },
  });
}

export async function criterionId(unit: UnitCode, code: string): Promise<string> {
  return (await db().criterion.findFirstOrThrow({ where: { code, unit: { code: unit } }, select: { id: true } })).id;
}

/**
 * The learner's oldest item in that state; `byAssessor`: a record an assessor wrote (true), or the
 * learner's own item (false). Undefined when there is none.
 */
export async function firstEvidenceOf(email: string, { status, byAssessor }: { status: EvidenceStatus; byAssessor?: boolean }): Promise<string | undefined> {
  const row = await db().evidence.findFirst({
    where: { learner: { email }, status, ...(byAssessor === undefined ? {} : { authorId: byAssessor ? { not: null } : null }) },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  return row?.id;
}

export async function evidenceIdByTitle(title: string, email?: string): Promise<string> {
  return (await db().evidence.findFirstOrThrow({ where: { title, ...(email ? { learner: { email } } : {}) }, select: { id: true } })).id;
}

/** A file of the learner's: in a draft item's unsubmitted version (`draft`), or any. */
export async function fileOf(email: string, { draft = false } = {}): Promise<string> {
  const where = draft
    ? { version: { submittedAt: null, evidence: { learner: { email }, status: "DRAFT" as const } } }
    : { version: { evidence: { learner: { email } } } };
  return (await db().evidenceFile.findFirstOrThrow({ where, select: { id: true } })).id;
}

/** A submitted file, of that type, of a learner the assessor assesses. */
export async function submittedFileAssessedBy(assessorId: string, mediaType: string): Promise<string> {
  const file = await db().evidenceFile.findFirstOrThrow({
    where: { mediaType, version: { submittedAt: { not: null }, evidence: { learner: { enrolments: { some: { assessorId } } } } } },
    select: { id: true },
  });
  return file.id;
}

/** An active claim on one of the learner's submitted items. */
export async function submittedClaimOf(email: string): Promise<string> {
  return (await db().evidenceLink.findFirstOrThrow({ where: { removedAt: null, evidence: { status: "SUBMITTED", learner: { email } } }, select: { id: true } }))
    .id;
}

/** What anyone could add to or change about an item: its comments, claims, witness requests and status. */
export async function evidenceFootprint(evidenceId: string) {
  const [comments, links, witnesses, item] = await Promise.all([
    db().comment.count({ where: { evidenceId } }),
    db().evidenceLink.count({ where: { evidenceId } }),
    db().witnessRequest.count({ where: { evidenceId } }),
    db().evidence.findUniqueOrThrow({ where: { id: evidenceId }, select: { status: true } }),
  ]);
  return { comments, links, witnesses, status: item.status };
}

export const decisionCount = (enrolmentId: string) => db().decision.count({ where: { enrolmentId } });

export const versionCount = (evidenceId: string) => db().evidenceVersion.count({ where: { evidenceId } });

export const commentCount = (evidenceId: string, body?: string) => db().comment.count({ where: { evidenceId, ...(body === undefined ? {} : { body }) } });

export const unreadNotificationCount = (email: string) => db().notification.count({ where: { user: { email }, readAt: null } });

/** Audit events, oldest first: of a kind (or kinds), by an actor, about a subject, naming a file. */
export function auditEventsOf(where: { kind: string | string[]; actorId?: string; actorEmail?: string; subject?: string; fileId?: string }) {
  return db().auditEvent.findMany({
    where: {
      kind: Array.isArray(where.kind) ? { in: where.kind } : where.kind,
      ...(where.actorId ? { actorId: where.actorId } : {}),
      ...(where.actorEmail ? { actor: { email: where.actorEmail } } : {}),
      ...(where.subject ? { subject: where.subject } : {}),
      ...(where.fileId ? { data: { path: ["fileId"], equals: where.fileId } } : {}),
    },
    orderBy: { id: "asc" },
    select: { id: true, kind: true, ip: true, data: true },
  });
}

export const checkpoints = (reason: "start" | "daily" | "export" | "manual") =>
  db().auditCheckpoint.findMany({ where: { reason }, orderBy: { id: "asc" }, select: { id: true, eventId: true } });

/** As on a new day for that person: the next read of the file is audited again. */
export async function forgetFileReads(fileId: string, userId: string) {
  await db().fileRead.deleteMany({ where: { fileId, userId } });
}

/** An item of a plan both parties signed. */
export const signedPlanItem = () => db().planItem.findFirstOrThrow({ where: { version: { signatures: { some: {} } } }, select: { id: true, task: true } });

/** Rewrites a signed plan item as only the tables' owner can: its protecting trigger off, the change, back on. */
export async function rewritePlanItemBehindTheAppsBack(id: string, task: string) {
  await db().$transaction([
    db().$executeRawUnsafe(`ALTER TABLE "PlanItem" DISABLE TRIGGER USER`),
    db().planItem.update({ where: { id }, data: { task } }),
    db().$executeRawUnsafe(`ALTER TABLE "PlanItem" ENABLE TRIGGER USER`),
  ]);
}

/** A Northgate learner with the demo's password, made for one test. */
export async function addDemoLearner({ email, name }: { email: string; name: string }): Promise<{ id: string; email: string; name: string }> {
  const [{ passwordHash }, admin] = await Promise.all([
    db().user.findUniqueOrThrow({ where: { email: "learner@northgate.example" }, select: { passwordHash: true } }),
    db().roleGrant.findFirstOrThrow({ where: { user: { email: "admin@northgate.example" } }, select: { centreId: true } }),
  ]);
  const user = await db().user.create({ data: { email, name, passwordHash, roleGrants: { create: { centreId: admin.centreId, role: "LEARNER" } } } });
  return { id: user.id, email, name };
}

/** A Northgate person with the demo's password and one role, made for one test (a second assessor, a learner not enrolled yet). */
export async function addNorthgatePerson({ email, name, role }: { email: string; name: string; role: "LEARNER" | "ASSESSOR" | "IQA" }) {
  const [{ passwordHash }, admin] = await Promise.all([
    db().user.findUniqueOrThrow({ where: { email: "learner@northgate.example" }, select: { passwordHash: true } }),
    db().roleGrant.findFirstOrThrow({ where: { user: { email: "admin@northgate.example" } }, select: { centreId: true } }),
  ]);
  const user = await db().user.create({ data: { email, name, passwordHash, roleGrants: { create: { centreId: admin.centreId, role } } } });
  return { id: user.id, email, name };
}

/** The learner's enrolments with their unit codes, assessors and number of assignment rows. */
export async function enrolmentsOf(email: string) {
  return db().enrolment.findMany({
    where: { learner: { email } },
    select: { id: true, unit: { select: { code: true } }, assessor: { select: { email: true } }, _count: { select: { assignments: true } } },
  });
}

/** Northgate's centre id (a form field another centre's admin might forge). */
export async function northgateId(): Promise<string> {
  return (await db().centre.findUniqueOrThrow({ where: { slug: "northgate" }, select: { id: true } })).id;
}

/** Takes away every role the person holds for the duration of `work`, then gives them back. */
export async function withoutRoles(email: string, work: () => Promise<void>) {
  const grants = await db().roleGrant.findMany({ where: { user: { email } } });
  await db().roleGrant.deleteMany({ where: { id: { in: grants.map((g) => g.id) } } });
  try {
    await work();
  } finally {
    await db().roleGrant.createMany({ data: grants });
  }
}

export async function setActive(user: { email: string } | { id: string }, active: boolean) {
  await db().user.update({ where: user, data: { active } });
}

/** As after many failed sign-ins: the account waits ten minutes. */
export async function throttle(userId: string) {
  await db().user.update({ where: { id: userId }, data: { failedSignIns: 9, lockedUntil: new Date(Date.now() + 10 * 60_000) } });
}

export async function sessionEndReasons(userId: string) {
  return (await db().session.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: { endReason: true } })).map((s) => s.endReason);
}

/** Moves the person's sessions `ms` into the past, in the fields named (as if time had passed). */
export async function backdateSessions(userId: string, ms: number, fields: ("createdAt" | "expiresAt" | "lastSeenAt")[]) {
  const sessions = await db().session.findMany({ where: { userId } });
  for (const s of sessions) await db().session.update({ where: { id: s.id }, data: Object.fromEntries(fields.map((f) => [f, new Date(s[f].getTime() - ms)])) });
}

/** An unanswered witness request for the item, as if the learner had asked; the caller keeps the token. */
export async function addWitnessRequest(evidenceId: string, tokenHash: string) {
  const item = await db().evidence.findUniqueOrThrow({ where: { id: evidenceId }, select: { centreId: true, learnerId: true } });
  await db().witnessRequest.create({
    data: {
      centreId: item.centreId,
      evidenceId,
      requestedById: item.learnerId,
      witnessName: "Robin Hale",
      witnessEmail: "robin@example.com",
      jobRole: "Manager",
      relationship: "Line manager",
      statement: "Jordan led the review.",
      tokenHash,
      expiresAt: new Date(Date.now() + 7 * 86_400_000),
    },
  });
}

/** What the portfolio and accounts hold, to compare before and after an action that must change nothing. */
export async function portfolioSnapshot() {
  const [evidence, versions, links, files, comments, witnesses, decisions, signOffs, planSignatures, planVersions, endedSessions, users] = await Promise.all([
    db().evidence.findMany({ orderBy: { id: "asc" }, select: { status: true } }),
    db().evidenceVersion.findMany({ orderBy: { id: "asc" }, select: { title: true, submittedAt: true } }),
    db().evidenceLink.findMany({ orderBy: { id: "asc" }, select: { claim: true, removedAt: true } }),
    db().evidenceFile.count(),
    db().comment.count(),
    db().witnessRequest.count(),
    db().decision.count(),
    db().unitSignOff.count(),
    db().planSignature.count(),
    db().assessmentPlanVersion.count(),
    db().session.count({ where: { endedAt: { not: null } } }),
    db().user.findMany({ orderBy: { id: "asc" }, select: { active: true, passwordHash: true } }),
  ]);
  const samplePlans = await samplePlansSnapshot();
  const [centres, closures, units, tokens] = await Promise.all([
    db().centre.findMany({ orderBy: { id: "asc" }, select: { reviewTargetDays: true, witnessLinkDays: true, outboxAllowed: true } }),
    db().centreClosure.count(),
    db().unit.findMany({ orderBy: { id: "asc" }, select: { status: true, retiredAt: true } }),
    db().apiToken.findMany({ orderBy: { id: "asc" }, select: { revokedAt: true } }),
  ]);
  const [strategies, riskRatings] = await Promise.all([
    db().samplingStrategy.findMany({ orderBy: { id: "asc" }, select: { unitCode: true, updatedAt: true } }),
    db().assessorRiskRating.count(),
  ]);
  return {
    statuses: evidence.map((e) => e.status),
    titles: versions.map((v) => v.title),
    submitted: versions.filter((v) => v.submittedAt).length,
    activeLinks: links.filter((l) => !l.removedAt).length,
    claims: links.map((l) => l.claim),
    files,
    comments,
    witnesses,
    decisions,
    signOffs,
    planSignatures,
    planVersions,
    endedSessions,
    accounts: users,
    centres,
    closures,
    units,
    tokens,
    samplePlans,
    strategies,
    riskRatings,
  };
}

/**
 * Every table's rows, hashed: what the database holds, to compare before and after. Left out:
 * sessions (sign-in writes them) and integrity check results (the app's own daily check writes them).
 */
export async function databaseFingerprint(): Promise<Record<string, string>> {
  const tables = (
    await db().$queryRaw<
      { t: string }[]
    >`SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ('Session', 'AuditVerification', '_prisma_migrations') ORDER BY 1`
  ).map((r) => r.t);
  // Table names come from the catalogue above, not from a caller.
  const [row] = await db().$queryRawUnsafe<Record<string, string>[]>(
    `SELECT ${tables.map((t) => `(SELECT count(*) || ':' || coalesce(md5(string_agg(md5(x::text), '' ORDER BY md5(x::text))), '') FROM "${t}" x) AS "${t}"`).join(", ")}`,
  );
  return must(row, "row");
}

/** The enrolment's decisions, newest first: which criterion, the outcome and the signature's name and moment. */
export async function decisionsOf(enrolmentId: string) {
  const rows = await db().decision.findMany({
    where: { enrolmentId },
    orderBy: { decidedAt: "desc" },
    select: { id: true, criterionId: true, outcome: true, typedName: true, decidedAt: true },
  });
  const codes = new Map(
    (await db().criterion.findMany({ where: { id: { in: rows.map((r) => r.criterionId) } }, select: { id: true, code: true } })).map((c) => [c.id, c.code]),
  );
  return rows.map((r) => ({
    id: r.id,
    code: must(codes.get(r.criterionId), "codes.get(r.criterionId)"),
    outcome: r.outcome,
    typedName: r.typedName,
    decidedAt: r.decidedAt.toISOString(),
  }));
}

/** A draft item that takes files, as if the learner had just added it; its id. */
export async function addDraftEvidence(learnerId: string, title: string): Promise<string> {
  const { centreId } = await db().roleGrant.findFirstOrThrow({ where: { userId: learnerId, role: "LEARNER" }, select: { centreId: true } });
  const activityFrom = new Date("2026-10-15");
  const evidence = await db().evidence.create({ data: { centreId, learnerId, title, method: "WORK_PRODUCT", activityFrom } });
  await db().evidenceVersion.create({
    data: {
      evidenceId: evidence.id,
      version: 1,
      title,
      account: "Files for the uploads test.",
      method: "WORK_PRODUCT",
      activityFrom,
      kind: "FILES",
      createdById: learnerId,
    },
  });
  return evidence.id;
}

/** The names of the files on the item's newest version, in their order. */
export async function fileNamesOf(evidenceId: string): Promise<string[]> {
  const version = await db().evidenceVersion.findFirstOrThrow({
    where: { evidenceId },
    orderBy: { version: "desc" },
    select: { files: { orderBy: { position: "asc" }, select: { fileName: true } } },
  });
  return version.files.map((f) => f.fileName);
}

/** The learner's criteria in the unit by state, counted as their home's ring counts them. */
export async function criterionStates(email: string, unit: UnitCode) {
  const enrolment = await db().enrolment.findFirstOrThrow({ where: { learner: { email }, unit: { code: unit } }, select: { id: true, unitId: true } });
  const [total, judgements] = await Promise.all([
    db().criterion.count({ where: { unitId: enrolment.unitId } }),
    db().criterionJudgement.findMany({ where: { enrolmentId: enrolment.id }, select: { state: true, stale: true } }),
  ]);
  const met = judgements.filter((j) => j.state === "MET" && !j.stale).length;
  const awaiting = judgements.filter((j) => j.state === "EVIDENCE_SUBMITTED" || (j.state === "MET" && j.stale)).length;
  const notYetMet = judgements.filter((j) => j.state === "NOT_YET_MET").length;
  return { met, awaiting, notYetMet, noEvidence: total - met - awaiting - notYetMet, total };
}

/** Decisions on any of the learner's units. */
export async function decisionCountOf(email: string): Promise<number> {
  const enrolments = await db().enrolment.findMany({ where: { learner: { email } }, select: { id: true } });
  return db().decision.count({ where: { enrolmentId: { in: enrolments.map((e) => e.id) } } });
}

const waitingWork = (assessorEmail: string) => ({
  enrolment: { assessor: { email: assessorEmail }, status: { not: "WITHDRAWN" as const } },
  OR: [{ state: "EVIDENCE_SUBMITTED" as const }, { stale: true }],
});

/** The assessor's learner-units with work waiting for review. */
export async function enrolmentsWaitingFor(assessorEmail: string): Promise<number> {
  return (await db().criterionJudgement.groupBy({ by: ["enrolmentId"], where: waitingWork(assessorEmail) })).length;
}

/** As if the assessor's waiting work had been submitted `days` earlier (a negative number undoes it). */
export async function backdateWaitingWork(assessorEmail: string, days: number) {
  const rows = await db().criterionJudgement.findMany({
    where: { ...waitingWork(assessorEmail), queuedAt: { not: null } },
    select: { id: true, queuedAt: true },
  });
  for (const r of rows)
    if (r.queuedAt) await db().criterionJudgement.update({ where: { id: r.id }, data: { queuedAt: new Date(r.queuedAt.getTime() - days * 86_400_000) } });
}

export const completedEnrolmentCount = (centreSlug: string) => db().enrolment.count({ where: { centre: { slug: centreSlug }, status: "COMPLETED" } });

/** A demo centre's id, by its slug. */
export const centreIdOf = async (slug: string) => (await db().centre.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
/** How many sessions of a person have not ended. */
export const openSessionCount = async (email: string) => db().session.count({ where: { user: { email }, endedAt: null } });
/** The id of a live API token of a demo centre, made if it has none. */
export async function apiTokenIdOf(centreSlug: "northgate" | "riverside"): Promise<string> {
  const live = () => db().apiToken.findFirst({ where: { centre: { slug: centreSlug }, revokedAt: null }, select: { id: true } });
  if (!(await live())) await apiTokenFor(centreSlug);
  return must(await live(), "a live token").id;
}
/** The newest published version of a unit. */
export const unitIdOf = async (code: UnitCode) =>
  (await db().unit.findFirstOrThrow({ where: { code, status: "PUBLISHED" }, orderBy: { version: "desc" }, select: { id: true } })).id;
/** An API token for a demo centre (by slug), made as `npm run attest -- token create` would: the secret to send, its hash kept. */
export async function apiTokenFor(centreSlug: "northgate" | "riverside", days = 30): Promise<string> {
  const { createTokenInTx } = await import("@/server/api/tokens");
  const centre = await db().centre.findUniqueOrThrow({ where: { slug: centreSlug }, select: { id: true } });
  const made = await db().$transaction((tx) => createTokenInTx(tx, { centreId: centre.id, name: `e2e ${centreSlug}`, days, createdById: null, via: "cli" }));
  return made.token;
}

/**
 * A review, an open action and a plan item of Northgate's (Priya Shah reviewing Sam Okafor's work on
 * Jordan Lee's CPC 308), made directly once, for specs that post the quality actions with real ids.
 * The review's snapshot holds one made-up decision; it is never opened through the app.
 */
export async function qualityFixture(): Promise<{ reviewId: string; decisionId: string; actionId: string; planItemId: string }> {
  const enrolment = await enrolmentOf("learner@northgate.example", "CPC308");
  const [iqaId, assessorId] = [await userId("iqa@northgate.example"), await userId("assessor@northgate.example")];
  const title = "Fixture: quality actions probed directly";
  const existing = await db().iqaAction.findFirst({ where: { title }, select: { id: true, reviewId: true } });
  if (existing) {
    const review = await db().iqaReview.findUniqueOrThrow({ where: { id: must(existing.reviewId, "reviewId") } });
    const plan = await db().samplePlanItem.findFirstOrThrow({ where: { plan: { title } }, select: { id: true } });
    const decisionId = (review.snapshot as { decisions: { id: string }[] }).decisions[0]?.id ?? "";
    return { reviewId: review.id, decisionId, actionId: existing.id, planItemId: plan.id };
  }
  const decisionId = crypto.randomUUID();
  const snapshot = {
    format: 1,
    takenAt: new Date().toISOString(),
    stage: "INTERIM",
    enrolment: { id: enrolment.id, learnerName: "Jordan Lee", unitCode: "CPC 308", unitTitle: "Fixture", assessorName: "Sam Okafor" },
    scope: { criterionCodes: [], method: null },
    decisions: [
      {
        id: decisionId,
        criterionId: await criterionId("CPC308", "A1"),
        criterionCode: "A1",
        criterionText: "Fixture",
        outcome: "MET",
        feedback: "",
        assessorId,
        assessorName: "Sam Okafor",
        typedName: "Sam Okafor",
        signatureHash: "0".repeat(64),
        decidedAt: new Date().toISOString(),
        evidence: [],
      },
    ],
    evidence: [],
    signOff: null,
    ownLeftOut: 0,
  };
  const review = await db().iqaReview.create({
    data: { centreId: enrolment.centreId, enrolmentId: enrolment.id, iqaId, stage: "INTERIM", snapshot, snapshotHash: "0".repeat(64) },
  });
  const action = await db().iqaAction.create({
    data: {
      centreId: enrolment.centreId,
      reviewId: review.id,
      enrolmentId: enrolment.id,
      assessorId,
      raisedById: iqaId,
      title,
      detail: "Fixture",
      dueOn: new Date("2099-01-05"),
    },
  });
  const plan = await db().samplePlan.create({
    data: { centreId: enrolment.centreId, iqaId, title, periodStart: new Date("2026-01-01"), periodEnd: new Date("2026-12-31"), seed: 1 },
  });
  const item = await db().samplePlanItem.create({
    data: { planId: plan.id, enrolmentId: enrolment.id, stage: "INTERIM", reasons: ["Fixture"], addedBy: "iqa" },
  });
  return { reviewId: review.id, decisionId, actionId: action.id, planItemId: item.id };
}
/** A new Northgate learner on one unit, assessed by the demo assessor and quality-assured by the demo IQA (for quality journeys). */
export async function enrolNewNorthgateLearner({ email, name, unit }: { email: string; name: string; unit: UnitCode }) {
  const learner = await addDemoLearner({ email, name });
  const [assessor, iqa, centreId, unitId] = await Promise.all([
    userId("assessor@northgate.example"),
    userId("iqa@northgate.example"),
    northgateId(),
    unitIdOf(unit),
  ]);
  const enrolment = await db().enrolment.create({ data: { centreId, learnerId: learner.id, unitId, assessorId: assessor, iqaId: iqa } });
  return { ...learner, enrolmentId: enrolment.id };
}

/**
 * The unit signed off by the demo assessor and countersigned by the learner, written directly (its
 * criteria need not be met: only the unlock is under test), with the content hash the integrity
 * check recomputes over the decisions made so far.
 */
export async function signOffBehindTheScenes(enrolmentId: string, learnerName: string) {
  const decisions = await db().decision.findMany({
    where: { enrolmentId },
    orderBy: { judgementRevision: "asc" },
    select: { criterionId: true, signatureHash: true },
  });
  const current = new Map(decisions.map((d) => [d.criterionId, d.signatureHash]));
  const summativeComment = "Signed off for the quality journey.";
  const contentHash = signOffContentHash(
    enrolmentId,
    summativeComment,
    [...current].map(([criterionId, signatureHash]) => ({ criterionId, signatureHash })),
  );
  const now = new Date(Date.now() - 60_000);
  await db().unitSignOff.create({
    data: {
      enrolmentId,
      currentOfId: enrolmentId,
      assessorId: await userId("assessor@northgate.example"),
      assessorTypedName: "Sam Okafor",
      summativeComment,
      assessorSignedAt: now,
      contentHash,
      learnerTypedName: learnerName,
      learnerSignedAt: now,
    },
  });
  await db().enrolment.update({ where: { id: enrolmentId }, data: { status: "COMPLETED", completedAt: now } });
}

export const enrolmentStatus = async (enrolmentId: string) =>
  (await db().enrolment.findUniqueOrThrow({ where: { id: enrolmentId }, select: { status: true } })).status;
/** A draft sample plan of Northgate's IQA with one item, as if they had drawn it: its id and the item's. */
export async function northgateDraftSamplePlan(): Promise<{ planId: string; itemId: string }> {
  const find = () =>
    db().samplePlan.findFirst({ where: { title: "Probe plan", status: "DRAFT" }, select: { id: true, items: { select: { id: true }, take: 1 } } });
  if (!(await find())) {
    const iqa = await db().user.findUniqueOrThrow({ where: { email: "iqa@northgate.example" }, select: { id: true } });
    const enrolment = await db().enrolment.findFirstOrThrow({ where: { iqaId: iqa.id }, select: { id: true, centreId: true } });
    await db().samplePlan.create({
      data: {
        centreId: enrolment.centreId,
        iqaId: iqa.id,
        title: "Probe plan",
        periodStart: new Date("2026-01-01"),
        periodEnd: new Date("2026-12-31"),
        seed: 1,
        items: { create: [{ enrolmentId: enrolment.id, stage: "INTERIM", reasons: ["Probe"], addedBy: "draw" }] },
      },
    });
  }
  const plan = must(await find(), "the probe plan");
  return { planId: plan.id, itemId: must(plan.items[0], "its item").id };
}

/** Sample plans and their items as they stand, for "changed nothing" checks. */
export const samplePlansSnapshot = async () => ({
  plans: await db().samplePlan.findMany({ orderBy: { id: "asc" }, select: { status: true, seed: true, contentHash: true } }),
  items: await db().samplePlanItem.findMany({ orderBy: { id: "asc" }, select: { id: true, removedAt: true } }),
});
