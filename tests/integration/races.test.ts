import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decideCriterion } from "@/server/assessment/decide";
import { signOffUnit } from "@/server/assessment/sign-off";
import type { Actor } from "@/server/auth/actor";
import { pdf } from "@/server/demo/sample-files";
import { UserFacingError } from "@/server/errors";
import { createEvidence, latestVersion, startRevision, updateEvidence } from "@/server/portfolio/evidence";
import { attachUpload, removeFile } from "@/server/portfolio/files";
import { setMapping } from "@/server/portfolio/mapping";
import { getPlan, planAgreed, planHash, savePlan, signPlan } from "@/server/portfolio/plan";
import { evidenceDetail } from "@/server/portfolio/queries";
import { createAssessorRecord, sendForCountersign } from "@/server/portfolio/records";
import { submitEvidence, versionHash, withdrawEvidence } from "@/server/portfolio/submission";
import { parseUnitFile } from "@/server/standards/load";
import { publishUnits } from "@/server/standards/publish";
import { evidenceInput, received } from "../support/actors";
import * as build from "../support/builders";
import { freshDatabase } from "../support/db";
import { must } from "@/lib/must";

// Each pair of actions is fired at once, round after round, on real PostgreSQL; after every round
// the invariant is recomputed from the stored rows. Refusals must be clear ones, never a 500.
const ROUNDS = 20;
const { db, ownerDb } = await freshDatabase();
const home = await build.centre();
const assessor = await build.user({ centre: home, roles: ["ASSESSOR"], name: "Sam Okafor" });
const learner = await build.user({ centre: home, roles: ["LEARNER"] });
const learner2 = await build.user({ centre: home, roles: ["LEARNER"], name: "Casey Morgan" });
const learner3 = await build.user({ centre: home, roles: ["LEARNER"], name: "Taylor Evans" });
await build.enrolment({ learner, assessor, unit: "CPC308" });
await build.enrolment({ learner: learner2, assessor, unit: "AG26" });
await build.enrolment({ learner: learner3, assessor, unit: "CPC308" });
const fresh = (a: Actor): Actor => ({ ...a, signedInAt: new Date() });

const criterion = (unit: string, code: string) => db.criterion.findFirstOrThrow({ where: { code, unit: { code: unit } } });
const enrolmentOf = (learnerId: string, unit: string) => db.enrolment.findFirstOrThrow({ where: { learnerId, unit: { code: unit } } });
const revisionOf = async (enrolmentId: string, criterionId: string) =>
  (await db.criterionJudgement.findUnique({ where: { enrolmentId_criterionId: { enrolmentId, criterionId } } }))?.revision ?? 0;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const later = <T>(ms: number, f: () => Promise<T>) => pause(ms).then(f);

/** Every refusal in a round is a UserFacingError (a clear message), never a database error. */
function onlyClearRefusals(results: PromiseSettledResult<unknown>[]) {
  for (const r of results) if (r.status === "rejected") expect(r.reason, String(r.reason?.stack ?? r.reason)).toBeInstanceOf(UserFacingError);
}

/** A learner's draft item with one file, mapped to these criteria. */
const mappedItem = async (who: Actor, codes: string[], title: string) => (await build.draftItem({ learner: who, criteria: codes, title })).id;

/** Every submitted version of the item holds exactly the content and files its hash covers. */
async function assertSubmittedVersionsMatchTheirHash(evidenceId: string) {
  const versions = await db.evidenceVersion.findMany({
    where: { evidenceId, submittedAt: { not: null } },
    include: { files: { orderBy: { position: "asc" } } },
  });
  for (const v of versions) expect(versionHash(v), `version ${v.version} of ${evidenceId}`).toBe(v.contentHash);
  return versions.length;
}

describe("no race breaks a signature or a hash", () => {
  it("a file upload racing “Submit for assessment”: a submitted version's files always match its content hash", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const id = await mappedItem(learner, ["A1"], `Upload race ${round}`);
      const second = await received(pdf(`second ${round} ${Math.random()}`));
      const results = await Promise.allSettled([
        attachUpload(learner, id, second, "second.pdf"),
        later(round % 6, () => submitEvidence(learner, id, { ownWork: true, workplace: true })),
      ]);
      onlyClearRefusals(results);
      expect(results[1].status).toBe("fulfilled");
      expect(await assertSubmittedVersionsMatchTheirHash(id)).toBe(1);
      const files = await db.evidenceFile.count({ where: { version: { evidenceId: id } } });
      if (results[0].status === "rejected") expect(files).toBe(1);
    }
  });

  it("removing a file and editing the details racing “Submit for assessment”: the hash covers what is stored", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const id = await mappedItem(learner, ["A5"], `Edit race ${round}`);
      const second = await attachUpload(learner, id, await received(pdf(`second ${round} ${Math.random()}`)), "second.pdf");
      const results = await Promise.allSettled([
        later(round % 3, () => removeFile(learner, second.id)),
        later(round % 4, () => updateEvidence(learner, id, evidenceInput({ title: `Edit race ${round}, retitled` }))),
        later(round % 5, () => submitEvidence(learner, id, { ownWork: true, workplace: true })),
      ]);
      onlyClearRefusals(results);
      expect(results[2].status).toBe("fulfilled");
      expect(await assertSubmittedVersionsMatchTheirHash(id)).toBe(1);
    }
  });

  it("“Save plan” racing “Agree plan”: a plan is agreed only over the content both parties signed", async () => {
    const enrolment = await enrolmentOf(learner2.userId, "AG26");
    const [c11, c12] = [await criterion("AG26", "1.1"), await criterion("AG26", "1.2")];
    const items = (task: string) => ({ items: [{ criterionIds: [c11.id, c12.id], method: "WORK_PRODUCT", task, targetDate: "2027-01-31" }] });
    for (let round = 0; round < ROUNDS; round++) {
      await savePlan(assessor, enrolment.id, items(`Round ${round}: the first wording`));
      const read = must((await getPlan(learner2, enrolment.id)).versions[0], "(await getPlan(learner2, enrolment.id)).versions[0]").contentHash;
      const results = await Promise.allSettled([
        signPlan(learner2, enrolment.id, { typedName: "Casey Morgan", contentHash: read }),
        later(round % 4, () => savePlan(assessor, enrolment.id, items(`Round ${round}: the changed wording`))),
      ]);
      onlyClearRefusals(results);
      // The assessor then agrees whatever is newest.
      const newest = must((await getPlan(assessor, enrolment.id)).versions[0], "(await getPlan(assessor, enrolment.id)).versions[0]");
      await signPlan(assessor, enrolment.id, { typedName: "Sam Okafor", contentHash: newest.contentHash });

      const stored = await db.assessmentPlanVersion.findMany({
        where: { plan: { enrolmentId: enrolment.id } },
        include: { signatures: true, items: { orderBy: { position: "asc" }, include: { criteria: { include: { criterion: { select: { code: true } } } } } } },
      });
      for (const v of stored) {
        const recomputed = planHash(
          v.items.map((i) => ({
            method: i.method,
            task: i.task,
            targetDate: i.targetDate.toISOString().slice(0, 10),
            criterionCodes: i.criteria.map((c) => c.criterion.code).sort(),
          })),
        );
        expect(recomputed, `plan version ${v.version}`).toBe(v.contentHash);
        for (const s of v.signatures) expect(s.contentHash, `${s.role} signature on plan version ${v.version}`).toBe(v.contentHash);
      }
      const plan = await getPlan(learner2, enrolment.id);
      for (const v of plan.versions) {
        const both = ["LEARNER", "ASSESSOR"].every((role) => v.signatures.some((s) => s.role === role && s.contentHash === v.contentHash));
        expect(v.agreed, `plan version ${v.version}`).toBe(both);
      }
      expect(await planAgreed(db, enrolment.id)).toBe(plan.agreed);
    }
  });

  it("“Withdraw” racing “Met”: no decision relies on withdrawn evidence", async () => {
    const cpc = await enrolmentOf(learner.userId, "CPC308");
    const a2 = await criterion("CPC308", "A2");
    for (let round = 0; round < ROUNDS; round++) {
      const id = await mappedItem(learner, ["A2"], `Withdraw race ${round}`);
      await submitEvidence(learner, id, { ownWork: true, workplace: true });
      const version = await latestVersion(db, id);
      const revision = await revisionOf(cpc.id, a2.id);
      const results = await Promise.allSettled([
        // Each starts first in turn, so both orders happen.
        later(round % 2 ? 4 + (round % 3) : 0, () => withdrawEvidence(learner, id)),
        later(round % 2 ? 0 : round % 4, () =>
          decideCriterion(fresh(assessor), cpc.id, {
            criterionId: a2.id,
            outcome: "MET",
            evidenceVersionIds: [version.id],
            typedName: "Sam Okafor",
            revision,
            feedback: "",
          }),
        ),
      ]);
      onlyClearRefusals(results);
      const evidence = await db.evidence.findUniqueOrThrow({ where: { id } });
      const reliedOn = await db.decisionEvidence.count({ where: { version: { evidenceId: id } } });
      expect(evidence.status === "WITHDRAWN" && reliedOn > 0, `round ${round}: withdrawn and relied on`).toBe(false);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    }
  });

  it("ten “Start a revision” at once make one new version; the other nine get the same one", async () => {
    const id = await mappedItem(learner, ["A3"], "Revision race");
    await submitEvidence(learner, id, { ownWork: true, workplace: true });
    for (let round = 0; round < ROUNDS; round++) {
      const before = await db.evidenceVersion.count({ where: { evidenceId: id } });
      const results = await Promise.allSettled(Array.from({ length: 10 }, () => startRevision(learner, id)));
      for (const r of results) expect(r.status === "rejected" ? String(r.reason) : "ok").toBe("ok");
      const versions = new Set(results.map((r) => (r as PromiseFulfilledResult<{ version: number }>).value.version));
      expect([...versions]).toEqual([before + 1]);
      expect(await db.evidenceVersion.count({ where: { evidenceId: id } })).toBe(before + 1);
      await submitEvidence(learner, id, { ownWork: true, workplace: true });
    }
    expect(await assertSubmittedVersionsMatchTheirHash(id)).toBe(ROUNDS + 1);
  });

  it("“Sign off unit” racing a new version of the evidence it relies on: a sign-off never covers a stale decision; mapping into a signed-off unit is refused", async () => {
    // A small unit of two criteria (AG26's first two, no plan needed first) keeps twenty sign-offs quick.
    const ag26 = JSON.parse(readFileSync("prisma/standards/ag26.json", "utf8"));
    const small = {
      ...ag26,
      code: "RACE1",
      displayCode: "RACE 1",
      title: "Race unit",
      evidence: { ...ag26.evidence, planRequiredFirst: false },
      sections: [{ ...ag26.sections[0], criteria: ag26.sections[0].criteria.slice(0, 2) }],
    };
    await publishUnits(ownerDb, [parseUnitFile("race-1.json", JSON.stringify(small))]); // the catalogue is the owner's to publish
    const unit = await db.unit.findFirstOrThrow({ where: { code: "RACE1" } });
    const criteria = await db.criterion.findMany({ where: { unitId: unit.id }, orderBy: { position: "asc" } });
    // One learner per round: a unit is signed off once.
    const setups = await Promise.all(
      Array.from({ length: ROUNDS }, async (_, round) => {
        const who = await build.user({ centre: home, roles: ["LEARNER"], name: `Race Learner ${round}` });
        const enrolment = await build.enrolment({ learner: who, assessor, unit: "RACE1" });
        const id = await mappedItem(
          who,
          criteria.map((c) => c.code),
          `Whole unit ${round}`,
        );
        await submitEvidence(who, id, { ownWork: true, workplace: true });
        const v1 = await latestVersion(db, id);
        for (const c of criteria)
          await decideCriterion(fresh(assessor), enrolment.id, {
            criterionId: c.id,
            outcome: "MET",
            evidenceVersionIds: [v1.id],
            typedName: "Sam Okafor",
            revision: 0,
            feedback: "",
          });
        await startRevision(who, id);
        return { who, enrolment, id };
      }),
    );
    let signedOff = 0;
    for (const [round, { who, enrolment, id }] of setups.entries()) {
      const results = await Promise.allSettled([
        submitEvidence(who, id, { ownWork: true, workplace: true }),
        later(round % 5, () => signOffUnit(fresh(assessor), enrolment.id, { summativeComment: "All criteria met.", typedName: "Sam Okafor" })),
      ]);
      onlyClearRefusals(results);
      expect(results[0].status).toBe("fulfilled");
      const signOff = await db.unitSignOff.findUnique({ where: { currentOfId: enrolment.id } });
      if (!signOff) continue;
      signedOff++;
      const judgements = await db.criterionJudgement.findMany({
        where: { enrolmentId: enrolment.id },
        include: { decision: { include: { evidence: { include: { version: true } } } } },
      });
      for (const j of judgements) {
        expect(j, `round ${round}`).toMatchObject({ state: "MET", stale: false });
        // What the sign-off covers is the version each decision relied on, which never changes.
        for (const e of must(j.decision, "j.decision").evidence) expect(e.version.contentHash).toBe(e.contentHash);
      }
    }
    expect(signedOff).toBeGreaterThan(0);
    // A signed-off unit takes no new claims.
    const done = await db.unitSignOff.findFirstOrThrow({ where: { enrolmentId: { in: setups.map((s) => s.enrolment.id) } } });
    const { who: owner, id: relied } = must(
      setups.find((s) => s.enrolment.id === done.enrolmentId),
      "setups.find((s) => s.enrolment.id === done.enrolmentId)",
    );
    // Nor can the item it relied on be withdrawn, or its claims on the unit change.
    await expect(withdrawEvidence(owner, relied)).rejects.toThrow(/signed-off unit relies on an earlier version/);
    await startRevision(owner, relied);
    await expect(setMapping(owner, relied, { links: criteria.map((c) => ({ criterionId: c.id, note: "Reworded" })), scopeOptionIds: [] })).rejects.toThrow(
      /RACE 1 has been signed off/,
    );
    const { id: another } = await createEvidence(owner, evidenceInput({ title: "After sign-off" }));
    const before = await db.evidenceLink.count({ where: { evidenceId: another } });
    await expect(
      setMapping(owner, another, { links: [{ criterionId: must(criteria[0], "criteria[0]").id, note: "Late" }], scopeOptionIds: [] }),
    ).rejects.toThrow(/signed off/);
    await expect(
      setMapping(owner, another, { links: [{ criterionId: must(criteria[0], "criteria[0]").id, note: "Late" }], scopeOptionIds: [] }),
    ).rejects.toBeInstanceOf(UserFacingError);
    expect(await db.evidenceLink.count({ where: { evidenceId: another } })).toBe(before);
  }, 120_000);
});

describe("“Met” relies only on current, submitted, not withdrawn evidence", () => {
  it("refuses a withdrawn item and an earlier version, with a clear message", async () => {
    const cpc = await enrolmentOf(learner.userId, "CPC308");
    const a4 = await criterion("CPC308", "A4");
    const withdrawn = await mappedItem(learner, ["A4"], "Withdrawn item");
    await submitEvidence(learner, withdrawn, { ownWork: true, workplace: true });
    const w1 = await latestVersion(db, withdrawn);
    await withdrawEvidence(learner, withdrawn);
    const decide = async (versionId: string) =>
      decideCriterion(fresh(assessor), cpc.id, {
        criterionId: a4.id,
        outcome: "MET",
        evidenceVersionIds: [versionId],
        typedName: "Sam Okafor",
        revision: await revisionOf(cpc.id, a4.id),
        feedback: "",
      });
    await expect(decide(w1.id)).rejects.toThrow(/withdrawn/);
    // Withdrawn, then revised: the withdrawn version stays unusable while the new one is a draft.
    await startRevision(learner, withdrawn);
    await expect(decide(w1.id)).rejects.toThrow(/withdrawn/);

    const revised = await mappedItem(learner, ["A4"], "Revised item");
    await submitEvidence(learner, revised, { ownWork: true, workplace: true });
    const r1 = await latestVersion(db, revised);
    await startRevision(learner, revised);
    await submitEvidence(learner, revised, { ownWork: true, workplace: true });
    const r2 = await latestVersion(db, revised);
    await expect(decide(r1.id)).rejects.toThrow(/newer version/);
    expect(await db.decisionEvidence.count({ where: { evidenceVersionId: { in: [w1.id, r1.id] } } })).toBe(0);
    await decide(r2.id);
  });
});

describe("only the author of a record withdraws it", () => {
  it("the learner who countersigned an assessor's observation cannot withdraw it; the assessor who wrote it can, until a decision relies on it", async () => {
    const a6 = await criterion("CPC308", "A6");
    const observation = {
      title: "Observation: budget meeting",
      activityFrom: "2026-11-03",
      record: { kind: "OBSERVATION", place: "Council offices", observed: "Taylor presenting the Q3 plan", narrative: "Taylor set out the risks." },
    };
    const { id } = await createAssessorRecord(assessor, learner3.userId, observation);
    await setMapping(assessor, id, { links: [{ criterionId: a6.id, note: "Risks" }], scopeOptionIds: [] });
    await sendForCountersign(assessor, id);
    await submitEvidence(learner3, id, { ownWork: true, workplace: true, typedName: "Taylor Evans" });
    expect((await evidenceDetail(learner3, id)).can.withdraw).toBe(false);
    expect((await evidenceDetail(assessor, id)).can.withdraw).toBe(true);
    await expect(withdrawEvidence(learner3, id)).rejects.toThrow(/Only Sam Okafor, who wrote this record, can withdraw it/);
    expect((await db.evidence.findUniqueOrThrow({ where: { id } })).status).toBe("SUBMITTED");
    await withdrawEvidence(assessor, id);
    expect((await db.evidence.findUniqueOrThrow({ where: { id } })).status).toBe("WITHDRAWN");
  });
});
