import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { appendAudit, eventHash } from "@/server/audit/append";
import { checkpointLogFile, writeCheckpoint } from "@/server/audit/checkpoint";
import { loadSigningKey } from "@/server/audit/signing-key";
import { verifyIntegrity } from "@/server/audit/verify";
import { countersignUnit, signOffUnit } from "@/server/assessment/sign-off";
import * as build from "../support/builders";
import { freshDatabase } from "../support/db";
import { must } from "@/lib/must";

const { db, ownerDb, url } = await freshDatabase();
const key = await loadSigningKey();
const home = await build.centre();
const learner = await build.user({ centre: home, roles: ["LEARNER"] });
const assessor = await build.user({ centre: home, roles: ["ASSESSOR"] });
const ag = await build.enrolment({ learner, assessor, unit: "AG26" });

// A signed-off unit: an agreed plan, one item relied on by ten signed decisions, the assessor's sign-off and the learner's countersignature.
await build.agreedPlan(ag);
const criteria = await db.criterion.findMany({ where: { unitId: ag.unitId }, orderBy: { position: "asc" } });
const { id: evidenceId } = await build.submittedItem({ learner, criteria: criteria.map((c) => c.code), title: "Service agreement file" });
const version = await db.evidenceVersion.findFirstOrThrow({ where: { evidenceId, submittedAt: { not: null } } });
for (const c of criteria) await build.signedDecision({ enrolment: ag, criterion: c.code, evidence: [version.id] });
await signOffUnit({ ...assessor, signedInAt: new Date() }, ag.id, { summativeComment: "Consistent over six months.", typedName: assessor.name });
await countersignUnit(learner, ag.id, { typedName: learner.name });

/** Changes rows as the owner role can: triggers off, the change, triggers on. */
const asOwner = (table: string, ...statements: string[]) =>
  ownerDb.$transaction(
    [`ALTER TABLE "${table}" DISABLE TRIGGER USER`, ...statements, `ALTER TABLE "${table}" ENABLE TRIGGER USER`].map((s) => ownerDb.$executeRawUnsafe(s)),
  );
const verify = () => verifyIntegrity(db, key);
const expectIntact = async () => expect(await verify()).toMatchObject({ ok: true, problem: null });

/** Rewrites every event's hash from `fromId` on, as someone covering their tracks would. */
async function recomputeChainFrom(fromId: bigint) {
  const events = await ownerDb.auditEvent.findMany({ where: { id: { gte: fromId } }, orderBy: { id: "asc" } });
  let prevHash = (await ownerDb.auditEvent.findFirst({ where: { id: { lt: fromId } }, orderBy: { id: "desc" } }))?.hash ?? "0".repeat(64);
  const updates: string[] = [];
  for (const e of events) {
    const hash = eventHash(prevHash, e);
    updates.push(`UPDATE "AuditEvent" SET "prevHash" = '${prevHash}', hash = 'tmp-${e.id}' WHERE id = ${e.id}`);
    updates.push(`UPDATE "AuditEvent" SET hash = '${hash}' WHERE id = ${e.id}`);
    prevHash = hash;
  }
  await asOwner("AuditEvent", ...updates);
}

describe("the app's database role", () => {
  it("owns nothing: it cannot disable triggers, alter tables, or rewrite audit events, decisions and submitted versions", async () => {
    const refused = (sql: string) => expect(db.$executeRawUnsafe(sql)).rejects.toThrow(/must be owner|permission denied|cannot change|append-only|submitted/);
    await refused(`ALTER TABLE "AuditEvent" DISABLE TRIGGER ALL`);
    await refused(`ALTER TABLE "Decision" DISABLE TRIGGER USER`);
    await refused(`ALTER TABLE "EvidenceVersion" DISABLE TRIGGER "EvidenceVersion_frozen"`);
    await refused(`ALTER TABLE "AuditEvent" ADD COLUMN sneaky text`);
    await refused(`SET session_replication_role = replica`);
    await refused(`UPDATE "AuditEvent" SET ip = '6.6.6.6'`);
    await refused(`DELETE FROM "AuditEvent"`);
    await refused(`UPDATE "Decision" SET outcome = 'NOT_YET_MET'`);
    await refused(`DELETE FROM "DecisionEvidence"`);
    await refused(`UPDATE "AuditCheckpoint" SET reason = 'x'`);
    await refused(`UPDATE "EvidenceVersion" SET title = 'changed' WHERE id = '${version.id}'`);
    await refused(`UPDATE "UnitSignOff" SET "summativeComment" = 'changed'`);
    await refused(`UPDATE "UnitSignOff" SET "learnerTypedName" = 'someone else'`);
    await refused(`UPDATE "Criterion" SET text = 'changed'`);
    await refused(`SELECT * FROM "_prisma_migrations"`);
    await expectIntact();
  });
});

describe("audit verify", () => {
  it("passes an intact database, counting every event and signed record", async () => {
    const report = await verify();
    expect(report).toMatchObject({ ok: true, problem: null });
    expect(report.eventsChecked).toBe(await db.auditEvent.count());
    // Submitted versions, decisions, plan signatures and the sign-off were all checked.
    const [versions, decisions, signatures] = await Promise.all([
      db.evidenceVersion.count({ where: { submittedAt: { not: null } } }),
      db.decision.count(),
      db.planSignature.count(),
    ]);
    expect(report.recordsChecked).toBe(versions + decisions + signatures + 1);
  });

  it("names an audit event changed behind the app's back, and one whose chain was recomputed after a checkpoint", async () => {
    const victim = await db.auditEvent.findFirstOrThrow({ where: { kind: "decision.signed" } });
    await asOwner("AuditEvent", `UPDATE "AuditEvent" SET ip = '6.6.6.6' WHERE id = ${victim.id}`);
    expect((await verify()).problem).toMatch(new RegExp(`^AuditEvent ${victim.id}: its hash does not match`));
    // Recomputing the chain hides the change from the chain alone, but not from the signed checkpoint.
    await asOwner("AuditEvent", `UPDATE "AuditEvent" SET ip = ${victim.ip === null ? "NULL" : `'${victim.ip}'`} WHERE id = ${victim.id}`);
    await expectIntact();
    await writeCheckpoint(db, key, "manual");
    await asOwner("AuditEvent", `UPDATE "AuditEvent" SET ip = '6.6.6.6' WHERE id = ${victim.id}`);
    await recomputeChainFrom(victim.id);
    expect((await verify()).problem).toMatch(/rewritten after the signed checkpoint/);
    await asOwner("AuditEvent", `UPDATE "AuditEvent" SET ip = ${victim.ip === null ? "NULL" : `'${victim.ip}'`} WHERE id = ${victim.id}`);
    await recomputeChainFrom(victim.id);
    await expectIntact();
  });

  it("notices the last events deleted after a checkpoint signed them, and a checkpoint removed or forged", async () => {
    await writeCheckpoint(db, key, "manual");
    const last = await ownerDb.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    await asOwner("AuditEvent", `DELETE FROM "AuditEvent" WHERE id = ${last.id}`);
    expect((await verify()).problem).toMatch(new RegExp(`^AuditEvent ${last.id}: signed in the checkpoint .* no longer in the chain`));
    await ownerDb.$executeRawUnsafe(
      `INSERT INTO "AuditEvent" (id, at, kind, "actorId", "centreId", subject, ip, data, "prevHash", hash, scheme) VALUES ($1, $2, $3, $4::uuid, $5::uuid, $6, $7, $8::jsonb, $9, $10, $11)`,
      last.id,
      last.at,
      last.kind,
      last.actorId,
      last.centreId,
      last.subject,
      last.ip,
      JSON.stringify(last.data),
      last.prevHash,
      last.hash,
      last.scheme,
    );
    await expectIntact();

    const checkpoint = await ownerDb.auditCheckpoint.findFirstOrThrow({ orderBy: { id: "desc" } });
    await asOwner("AuditCheckpoint", `UPDATE "AuditCheckpoint" SET "eventHash" = '${"f".repeat(64)}' WHERE id = ${checkpoint.id}`);
    expect((await verify()).problem).toMatch(/rewritten after the signed checkpoint|signature is not valid/);
    await asOwner("AuditCheckpoint", `UPDATE "AuditCheckpoint" SET "eventHash" = '${checkpoint.eventHash}' WHERE id = ${checkpoint.id}`);
    // Removing the newest checkpoint from the database: its copy in the checkpoint file still names it.
    await asOwner("AuditCheckpoint", `DELETE FROM "AuditCheckpoint" WHERE id = ${checkpoint.id}`);
    expect((await verify()).problem).toMatch(/kept in the checkpoint file but missing from the database/);
    await ownerDb.auditCheckpoint.create({ data: checkpoint });
    await expectIntact();
  });

  it("names a decision, a submitted version, a plan and a sign-off whose rows no longer match their signatures", async () => {
    const decision = await db.decision.findFirstOrThrow({ where: { enrolmentId: ag.id } });
    await asOwner("Decision", `UPDATE "Decision" SET outcome = 'NOT_YET_MET' WHERE id = '${decision.id}'`);
    expect((await verify()).problem).toMatch(new RegExp(`^Decision ${decision.id}: its row does not match its signature hash`));
    await asOwner("Decision", `UPDATE "Decision" SET outcome = 'MET' WHERE id = '${decision.id}'`);

    await asOwner("EvidenceVersion", `UPDATE "EvidenceVersion" SET title = 'Something else' WHERE id = '${version.id}'`);
    expect((await verify()).problem).toMatch(new RegExp(`^EvidenceVersion ${version.id} .*do not match the hash it was submitted with`));
    await asOwner("EvidenceVersion", `UPDATE "EvidenceVersion" SET title = '${version.title}' WHERE id = '${version.id}'`);

    const item = await db.planItem.findFirstOrThrow({ where: { version: { signatures: { some: {} } } }, include: { version: true } });
    await asOwner("PlanItem", `UPDATE "PlanItem" SET task = 'Something the learner never agreed' WHERE id = '${item.id}'`);
    expect((await verify()).problem).toMatch(new RegExp(`^AssessmentPlanVersion ${item.versionId} .*do not match the hash that was signed`));
    await asOwner("PlanItem", `UPDATE "PlanItem" SET task = '${item.task.replace(/'/g, "''")}' WHERE id = '${item.id}'`);

    const signOff = await db.unitSignOff.findUniqueOrThrow({ where: { currentOfId: ag.id } });
    await asOwner("UnitSignOff", `UPDATE "UnitSignOff" SET "summativeComment" = 'Rewritten' WHERE id = '${signOff.id}'`);
    expect((await verify()).problem).toMatch(new RegExp(`^UnitSignOff ${signOff.id} `));
    await asOwner("UnitSignOff", `UPDATE "UnitSignOff" SET "summativeComment" = '${signOff.summativeComment}' WHERE id = '${signOff.id}'`);
    await expectIntact();
  });

  it("signs the chain's head at least daily: a daily checkpoint only when the last is a day old, an export checkpoint every time", async () => {
    const last = await db.auditCheckpoint.findFirstOrThrow({ orderBy: { id: "desc" } });
    const soon = new Date(last.signedAt.getTime() + 60 * 60_000);
    const nextDay = new Date(last.signedAt.getTime() + 25 * 60 * 60_000);
    expect(await writeCheckpoint(db, key, "daily", soon)).toBeNull();
    // Nothing new since the last checkpoint: nothing to sign, even a day later.
    expect(await writeCheckpoint(db, key, "daily", nextDay)).toBeNull();
    await db.$transaction((tx) => appendAudit(tx, { kind: "demo.loaded", actorId: null, data: { centres: [] } }));
    const daily = await writeCheckpoint(db, key, "daily", nextDay);
    expect(daily).toMatchObject({ reason: "daily", prevSignature: last.signature });
    expect(await writeCheckpoint(db, key, "export", nextDay)).toMatchObject({ reason: "export", prevSignature: must(daily, "daily").signature });
    await expectIntact();
  });

  it("is `npm run attest -- audit verify`: exit 0 when intact, non-zero naming the first row that is not", async () => {
    const run = (env: Record<string, string>) =>
      promisify(execFile)("npx", ["tsx", "src/cli/attest.ts", "audit", "verify"], { env: { ...process.env, DATABASE_URL: url, ...env } }).then(
        (r) => ({ code: 0, out: r.stdout + r.stderr }),
        (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
      );
    const intact = await run({});
    expect(intact).toMatchObject({ code: 0 });
    expect(intact.out).toMatch(/^Intact: \d+ audit events and \d+ signed records checked/);
    const decision = await db.decision.findFirstOrThrow({ where: { enrolmentId: ag.id } });
    await asOwner("Decision", `UPDATE "Decision" SET feedback = 'quietly changed' WHERE id = '${decision.id}'`);
    const broken = await run({});
    expect(broken.code).toBe(1);
    expect(broken.out).toContain(`NOT INTACT: Decision ${decision.id}`);
    await asOwner("Decision", `UPDATE "Decision" SET feedback = '' WHERE id = '${decision.id}'`);
    // Each run's result is kept for the centre admin's page.
    expect(await db.auditVerification.count({ where: { source: "cli" } })).toBe(2);
    expect(checkpointLogFile()).toContain(must(process.env.ATTEST_DATA_DIR, "process.env.ATTEST_DATA_DIR"));
  }, 60_000);
});
