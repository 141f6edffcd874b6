import { describe, expect, it } from "vitest";
import { countersignUnit, signOffUnit } from "@/server/assessment/sign-off";
import { caseload } from "@/server/assessment/caseload";
import { matrixCsv, trackingMatrix } from "@/server/assessment/matrix";
import { learnerDashboard } from "@/server/home/learner-dashboard";
import { reviewScreen } from "@/server/assessment/review";
import { criterionReview } from "@/server/assessment/review-criterion";
import { loadSigningKey } from "@/server/audit/signing-key";
import { verifyIntegrity } from "@/server/audit/verify";
import type { Actor } from "@/server/auth/actor";
import { unitProgress } from "@/server/portfolio/progress";
import { NotFoundError } from "@/server/policy";
import { enrolmentQuality } from "@/server/quality/enrolment-quality";
import { reopenCriterion } from "@/server/quality/reopen-criterion";
import { unlockSignOff } from "@/server/quality/unlock-sign-off";
import * as build from "../support/builders";
import { freshDatabase } from "../support/db";
import { must } from "@/lib/must";

const { db, ownerDb } = await freshDatabase();
const key = await loadSigningKey();
const home = await build.centre();
const elsewhere = await build.centre();
const assessor = await build.user({ centre: home, roles: ["ASSESSOR"], name: "Sam Okafor" });
const iqa = await build.user({ centre: home, roles: ["IQA"], name: "Priya Shah" });
const learner = await build.user({ centre: home, roles: ["LEARNER"], name: "Jordan Lee" });
const cpc = await build.enrolment({ learner, assessor, iqa, unit: "CPC308" });
const ag = await build.enrolment({ learner, assessor, iqa, unit: "AG26" });
const fresh = (a: Actor): Actor => ({ ...a, signedInAt: new Date() });
const year = { startsAt: new Date(), endsAt: new Date(Date.now() + 365 * 86_400_000) };
// Everyone but the enrolment's IQA: none of them may reopen or unlock, and all are told "not found".
const refused = [
  assessor,
  learner,
  await build.user({ centre: home, roles: ["IQA"] }), // an IQA of the centre, not this learner's
  await build.user({ centre: home, roles: ["CENTRE_ADMIN"] }),
  await build.user({ centre: home, roles: ["EXTERNAL_VERIFIER"], window: year }),
  await build.user({ centre: elsewhere, roles: ["IQA"] }),
  await build.user({ centre: elsewhere, roles: ["CENTRE_ADMIN"] }),
];

const judgement = (enrolmentId: string, criterionId: string) =>
  db.criterionJudgement.findUniqueOrThrow({ where: { enrolmentId_criterionId: { enrolmentId, criterionId } } });
const reason = "The witness statement does not show the learner negotiating; look again at the evidence.";
const snapshot = async () => ({
  judgements: await db.criterionJudgement.findMany({ orderBy: { id: "asc" } }),
  reopenings: await db.criterionReopening.count(),
  signOffs: await db.unitSignOff.findMany({ orderBy: { id: "asc" } }),
  audits: await db.auditEvent.count(),
  notes: await db.notification.count(),
});

const { id: itemId, criteria } = await build.submittedItem({ learner, criteria: ["A1", "A2", "A3"], unit: "CPC308" });
const [a1, a2, a3] = criteria.map((c) => c.id) as [string, string, string];
const version = await db.evidenceVersion.findFirstOrThrow({ where: { evidenceId: itemId, submittedAt: { not: null } } });
await build.signedDecision({ enrolment: cpc, criterion: "A1", evidence: [version.id] });
await build.signedDecision({ enrolment: cpc, criterion: "A2", outcome: "NOT_YET_MET", feedback: "Say how you agreed the terms." });

describe("reopening a criterion", () => {
  it("is refused to everyone but the enrolment's IQA, and changes nothing", async () => {
    const before = await snapshot();
    for (const who of refused)
      await expect(reopenCriterion(who, { enrolmentId: cpc.id, criterionId: a1, reason }), who.name).rejects.toBeInstanceOf(NotFoundError);
    await expect(reopenCriterion(iqa, { enrolmentId: cpc.id, criterionId: a1, reason: "  " })).rejects.toThrow(/Say why/);
    await expect(reopenCriterion(iqa, { enrolmentId: cpc.id, criterionId: a3, reason })).rejects.toThrow(/no decision to reopen/);
    // A criterion of another unit.
    const agCriterion = await db.criterion.findFirstOrThrow({ where: { unitId: ag.unitId } });
    await expect(reopenCriterion(iqa, { enrolmentId: cpc.id, criterionId: agCriterion.id, reason })).rejects.toThrow(/not part of this unit/);
    for (const who of refused) await expect(enrolmentQuality(who, cpc.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await snapshot()).toEqual(before);
  });

  it("makes it REOPENED at a new revision, in the assessor's queue, with the reason logged, audited and told to the assessor only", async () => {
    const was = await judgement(cpc.id, a1);
    const { reopeningId } = await reopenCriterion(iqa, { enrolmentId: cpc.id, criterionId: a1, reason });
    const now = await judgement(cpc.id, a1);
    expect(now).toMatchObject({ state: "REOPENED", revision: was.revision + 1, decisionId: was.decisionId });
    expect(now.queuedAt).not.toBeNull();
    expect(await db.criterionReopening.findUniqueOrThrow({ where: { id: reopeningId } })).toMatchObject({
      enrolmentId: cpc.id,
      criterionId: a1,
      fromRevision: was.revision,
      reason,
      reopenedById: iqa.userId,
    });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { kind: "quality.criterion_reopened" } });
    expect(audit.data).toMatchObject({ reopeningId, enrolmentId: cpc.id, criterion: "CPC 308 A1", reason });
    const toLearner = await db.notification.findFirstOrThrow({ where: { userId: learner.userId, kind: "criterion.reopened" } });
    expect(toLearner.message).toBe("Criterion A1 of CPC 308 was reopened by quality assurance; your assessor will decide again.");
    expect(toLearner.message).not.toContain("witness");
    const toAssessor = await db.notification.findFirstOrThrow({ where: { userId: assessor.userId, kind: "criterion.reopened" } });
    expect(toAssessor.message).toContain(reason);
    // Written in the reopening's transaction: the same moment as the judgement.
    expect(toAssessor.createdAt.getTime()).toBeGreaterThanOrEqual(now.updatedAt.getTime() - 1000);
    // Reopening again waits for the assessor.
    await expect(reopenCriterion(iqa, { enrolmentId: cpc.id, criterionId: a1, reason })).rejects.toThrow(/no decision to reopen/);
  });

  it("shows as Reopened where a state matters; the learner sees the outcome, never the reason", async () => {
    const row = must(
      (await caseload(assessor, {})).rows.find((r) => r.id === cpc.id),
      "row",
    );
    expect(row.awaiting).toBeGreaterThan(0);
    const screen = await reviewScreen(assessor, cpc.id);
    expect(screen.live.find((c) => c.criterionId === a1)).toMatchObject({ state: "REOPENED" });
    const progress = await unitProgress(learner, cpc.id);
    expect(progress.sections.flatMap((s) => s.criteria).find((c) => c.id === a1)?.state).toBe("REOPENED");
    expect(progress.totals.reopened).toBe(1);
    expect(matrixCsv(await trackingMatrix(assessor, { enrolmentId: cpc.id }))).toMatch(/CPC 308,A1,reopened/);
    const home = await learnerDashboard(learner);
    expect(home.units.find((u) => u.id === cpc.id)?.states.awaiting).toBeGreaterThan(0);
    expect(screen.live.find((c) => c.criterionId === a1)?.decisions).toBe(1);
    const staff = await criterionReview(assessor, cpc.id, "A1", {});
    expect(staff.reopenings[0]).toMatchObject({ by: "Priya Shah", reason });
    const own = await criterionReview(learner, cpc.id, "A1", {});
    expect(own.reopenings[0]).toMatchObject({ by: "Priya Shah", reason: null });
    expect(JSON.stringify(own)).not.toContain("witness statement");
    expect(JSON.stringify(progress)).not.toContain("witness statement");
  });

  it("refuses a decision made on the old revision, takes one on the new, and new evidence leaves it REOPENED", async () => {
    const was = await judgement(cpc.id, a1);
    await build.signedDecision({ enrolment: cpc, criterion: "A1", evidence: [version.id] });
    expect(await judgement(cpc.id, a1)).toMatchObject({ state: "MET", revision: was.revision + 1 });
    await reopenCriterion(iqa, { enrolmentId: cpc.id, criterionId: a1, reason: "Check the date of the evidence." });
    const reopened = await judgement(cpc.id, a1);
    // A decision on the revision seen before the reopening is refused.
    const { decideCriterion } = await import("@/server/assessment/decide");
    await expect(
      decideCriterion(fresh(assessor), cpc.id, {
        criterionId: a1,
        outcome: "MET",
        evidenceVersionIds: [version.id],
        typedName: "Sam Okafor",
        revision: reopened.revision - 1,
      }),
    ).rejects.toThrow(/decided a moment ago/);
    // New evidence for a reopened criterion: it stays REOPENED (and queued).
    await build.submittedItem({ learner, criteria: ["A1"], unit: "CPC308" });
    expect(await judgement(cpc.id, a1)).toMatchObject({ state: "REOPENED" });
    await build.signedDecision({ enrolment: cpc, criterion: "A1" });
    expect(await judgement(cpc.id, a1)).toMatchObject({ state: "MET", queuedAt: null });
    const page = await criterionReview(assessor, cpc.id, "A1", {});
    expect(page.history.total).toBe(3);
    expect(page.reopenings).toHaveLength(2);
  });

  it("a reopening racing a decision: exactly one of them wins", async () => {
    const j = await judgement(cpc.id, a2);
    const { decideCriterion } = await import("@/server/assessment/decide");
    const results = await Promise.allSettled([
      reopenCriterion(iqa, { enrolmentId: cpc.id, criterionId: a2, reason }),
      decideCriterion(fresh(assessor), cpc.id, {
        criterionId: a2,
        outcome: "MET",
        evidenceVersionIds: [version.id],
        typedName: "Sam Okafor",
        revision: j.revision,
      }),
    ]);
    const after = await judgement(cpc.id, a2);
    expect(after.revision).toBeGreaterThan(j.revision);
    // Either the decision went first (then the reopening reopened its MET) or the reopening did (then the decision was refused).
    expect(results[0].status).toBe("fulfilled");
    expect(after.state).toBe("REOPENED");
    await build.signedDecision({ enrolment: cpc, criterion: "A2", outcome: "NOT_YET_MET" });
  });

  it("an IQA never reopens their own decision", async () => {
    // The IQA who also assesses another learner, and made its decision.
    const both = await build.user({ centre: home, roles: ["IQA", "ASSESSOR"] });
    const other = await build.user({ centre: home, roles: ["LEARNER"] });
    const e = await build.enrolment({ learner: other, assessor: both, iqa: both, unit: "CPC308" });
    await build.submittedItem({ learner: other, criteria: ["A1"], unit: "CPC308" });
    const { criterionId } = await build.signedDecision({ enrolment: e, criterion: "A1" });
    await expect(reopenCriterion(both, { enrolmentId: e.id, criterionId, reason })).rejects.toThrow(/You made the current decision/);
    expect(await judgement(e.id, criterionId)).toMatchObject({ state: "MET" });
  });
});

describe("unlocking a sign-off", () => {
  const comment = { summativeComment: "Consistent over six months.", typedName: "Sam Okafor" };
  it("signs off, refuses a reopening until unlocked, then unlocks: IN_PROGRESS, new sign-off and countersignature, and the integrity check passes", async () => {
    await build.agreedPlan(ag);
    const all = await db.criterion.findMany({ where: { unitId: ag.unitId }, orderBy: { position: "asc" } });
    const { id } = await build.submittedItem({ learner, criteria: all.map((c) => c.code), unit: "AG26" });
    const v = await db.evidenceVersion.findFirstOrThrow({ where: { evidenceId: id, submittedAt: { not: null } } });
    for (const c of all) await build.signedDecision({ enrolment: ag, criterion: c.code, evidence: [v.id] });
    await signOffUnit(fresh(assessor), ag.id, comment);
    await countersignUnit(learner, ag.id, { typedName: "Jordan Lee" });
    const first = must(all[0], "all[0]");
    await expect(reopenCriterion(iqa, { enrolmentId: ag.id, criterionId: first.id, reason })).rejects.toThrow(/Unlock the sign-off first/);

    const before = await snapshot();
    for (const who of refused) await expect(unlockSignOff(who, { enrolmentId: ag.id, reason }), who.name).rejects.toBeInstanceOf(NotFoundError);
    await expect(unlockSignOff(iqa, { enrolmentId: ag.id, reason: "" })).rejects.toThrow(/Say why/);
    expect(await snapshot()).toEqual(before);

    const old = await db.unitSignOff.findUniqueOrThrow({ where: { currentOfId: ag.id } });
    await unlockSignOff(iqa, { enrolmentId: ag.id, reason: "Criterion 1.1 needs another look." });
    expect(await db.unitSignOff.findUniqueOrThrow({ where: { id: old.id } })).toMatchObject({
      currentOfId: null,
      unlockedById: iqa.userId,
      unlockReason: "Criterion 1.1 needs another look.",
      contentHash: old.contentHash,
      learnerSignedAt: old.learnerSignedAt,
    });
    expect(await db.enrolment.findUniqueOrThrow({ where: { id: ag.id } })).toMatchObject({ status: "IN_PROGRESS", completedAt: null });
    expect(await db.auditEvent.count({ where: { kind: "quality.signoff_unlocked" } })).toBe(1);
    const notes = await db.notification.findMany({ where: { kind: "signoff.unlocked" } });
    expect(notes.map((n) => n.userId).sort()).toEqual([assessor.userId, learner.userId].sort());
    expect(notes.find((n) => n.userId === learner.userId)?.message).not.toContain("another look");
    await expect(unlockSignOff(iqa, { enrolmentId: ag.id, reason })).rejects.toThrow(/not signed off/);
    // The unlocked row cannot be changed again, nor made current again.
    await expect(db.unitSignOff.update({ where: { id: old.id }, data: { currentOfId: ag.id } })).rejects.toThrow();

    // The learner's progress page names the earlier sign-off without the reason; the assessor's review with it.
    const progress = await unitProgress(learner, ag.id);
    expect(progress.signOff).toBeNull();
    expect(progress.unlocked[0]).toMatchObject({ unlockedBy: "Priya Shah", reason: null });
    expect((await reviewScreen(assessor, ag.id)).unlocked[0]).toMatchObject({ reason: "Criterion 1.1 needs another look." });

    // Reopen, decide again, sign off and countersign again: a second sign-off row.
    await reopenCriterion(iqa, { enrolmentId: ag.id, criterionId: first.id, reason });
    await expect(signOffUnit(fresh(assessor), ag.id, comment)).rejects.toThrow(/not met yet/);
    await build.signedDecision({ enrolment: ag, criterion: first.code, evidence: [v.id] });
    await signOffUnit(fresh(assessor), ag.id, { ...comment, summativeComment: "Signed off again after quality assurance." });
    await countersignUnit(learner, ag.id, { typedName: "Jordan Lee" });
    expect(await db.unitSignOff.count({ where: { enrolmentId: ag.id } })).toBe(2);
    expect(await db.enrolment.findUniqueOrThrow({ where: { id: ag.id } })).toMatchObject({ status: "COMPLETED" });
    expect((await enrolmentQuality(iqa, ag.id)).unlocked).toHaveLength(1);
    expect(await verifyIntegrity(db, key)).toMatchObject({ ok: true, problem: null });

    // Tampering is still caught, in the unlocked sign-off and in the new one.
    const asOwner = (...statements: string[]) =>
      ownerDb.$transaction(
        [`ALTER TABLE "UnitSignOff" DISABLE TRIGGER USER`, ...statements, `ALTER TABLE "UnitSignOff" ENABLE TRIGGER USER`].map((s) =>
          ownerDb.$executeRawUnsafe(s),
        ),
      );
    await asOwner(`UPDATE "UnitSignOff" SET "summativeComment" = 'Rewritten' WHERE id = '${old.id}'`);
    expect((await verifyIntegrity(db, key)).problem).toMatch(new RegExp(`^UnitSignOff ${old.id} `));
    await asOwner(`UPDATE "UnitSignOff" SET "summativeComment" = '${old.summativeComment}' WHERE id = '${old.id}'`);
    await asOwner(`UPDATE "UnitSignOff" SET "unlockedAt" = "assessorSignedAt" - interval '1 day' WHERE id = '${old.id}'`);
    expect((await verifyIntegrity(db, key)).problem).toMatch(new RegExp(`^UnitSignOff ${old.id} .*unlocked`));
    await asOwner(`UPDATE "UnitSignOff" SET "unlockedAt" = "assessorSignedAt" + interval '1 second' WHERE id = '${old.id}'`);
    const current = await db.unitSignOff.findUniqueOrThrow({ where: { currentOfId: ag.id } });
    await asOwner(`UPDATE "UnitSignOff" SET "summativeComment" = 'Rewritten' WHERE id = '${current.id}'`);
    expect((await verifyIntegrity(db, key)).problem).toMatch(new RegExp(`^UnitSignOff ${current.id} `));
    await asOwner(`UPDATE "UnitSignOff" SET "summativeComment" = '${current.summativeComment}' WHERE id = '${current.id}'`);
    expect(await verifyIntegrity(db, key)).toMatchObject({ ok: true, problem: null });
  });

  it("is refused once the unit is verified, certificated or withdrawn", async () => {
    const other = await build.user({ centre: home, roles: ["LEARNER"] });
    const e = await build.enrolment({ learner: other, assessor, iqa, unit: "CPC308" });
    await ownerDb.enrolment.update({ where: { id: e.id }, data: { status: "WITHDRAWN" } });
    await expect(unlockSignOff(iqa, { enrolmentId: e.id, reason })).rejects.toThrow(/withdrawn/);
    await ownerDb.enrolment.update({ where: { id: e.id }, data: { status: "VERIFIED" } });
    await expect(unlockSignOff(iqa, { enrolmentId: e.id, reason })).rejects.toThrow(/verified externally/);
  });
});
