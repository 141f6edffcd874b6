import { describe, expect, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import type { Actor } from "@/server/auth/actor";
import { withDb } from "@/server/db/client";
import { PrismaClient } from "@/server/db/generated/client";
import { UserFacingError } from "@/server/errors";
import { NotFoundError } from "@/server/policy";
import { addPlanItem, redrawPlan, removePlanItem } from "@/server/quality/plan-edits";
import { listPlans, planDetail } from "@/server/quality/plan-read";
import { planContentHash, signPlan } from "@/server/quality/plan-sign";
import { createPlan } from "@/server/quality/plans";
import { sampleCandidates } from "@/server/quality/sample-candidates";
import { setMapping } from "@/server/portfolio/mapping";
import { createAssessorRecord, sendForCountersign } from "@/server/portfolio/records";
import { submitEvidence } from "@/server/portfolio/submission";
import { must } from "@/lib/must";
import * as build from "../support/builders";
import { PASSWORD } from "../support/builders";
import { freshDatabase } from "../support/db";

// Sample plans (issue 12, point 2; decision 0038): drawn from what the IQA covers, edited while a
// draft, signed once; only the plan's IQA changes it.
const { db, url } = await freshDatabase();
const home = await build.centre({ name: "Home" });
const elsewhere = await build.centre({ name: "Elsewhere" });
const priya = await build.user({ centre: home, roles: ["IQA", "ASSESSOR"], name: "Priya Shah" });
const otherIqa = await build.user({ centre: home, roles: ["IQA"], name: "Omar Other" });
const sam = await build.user({ centre: home, roles: ["ASSESSOR"], name: "Sam Okafor" });
const ana = await build.user({ centre: home, roles: ["ASSESSOR"], name: "Ana Assessor" });
const admin = await build.user({ centre: home, roles: ["CENTRE_ADMIN"] });
const verifier = await build.user({ centre: home, roles: ["EXTERNAL_VERIFIER"] });
const strangerIqa = await build.user({ centre: elsewhere, roles: ["IQA"] });
const learners = await Promise.all([1, 2, 3, 4].map((n) => build.user({ centre: home, roles: ["LEARNER"], name: `Learner ${n}` })));
await db.assessorRiskRating.create({
  data: { centreId: home.id, assessorId: sam.userId, level: "HIGH", reason: "New to the unit", reviewOn: new Date("2027-06-01") },
});

// Sam assesses four learners on CPC308 (two with decisions), Ana one; Priya assesses one herself.
const samWork = await Promise.all(learners.map((learner) => build.enrolment({ learner, assessor: sam, iqa: priya, unit: "CPC308" })));
const anaWork = await build.enrolment({ learner: must(learners[0], "l0"), assessor: ana, iqa: priya, unit: "AG26" });
const ownWork = await build.enrolment({ learner: must(learners[1], "l1"), assessor: priya, iqa: priya, unit: "AG26" });
for (const e of samWork.slice(0, 2)) {
  await build.submittedItem({ learner: e.learner, criteria: ["A1"], unit: "CPC308" });
  await build.signedDecision({ enrolment: e, criterion: "A1" });
}
// An observation Sam recorded at a site, countersigned by the learner, that a decision relies on.
const observed = must(samWork[2], "s2");
const record = await createAssessorRecord(sam, observed.learner.userId, {
  title: "Observation: budget meeting",
  activityFrom: "2026-11-03",
  record: { kind: "OBSERVATION", place: "Council offices, room 2", observed: "Presenting the resource plan", narrative: "Set out the risks." },
});
await setMapping(sam, record.id, { links: [{ criterionId: must((await build.criteria(observed, ["A6"]))[0], "a6").id, note: "Risks" }], scopeOptionIds: [] });
await sendForCountersign(sam, record.id);
await submitEvidence(observed.learner, record.id, { ownWork: true, workplace: true, typedName: observed.learner.name });
await build.signedDecision({ enrolment: observed, criterion: "A6" });
const period = { periodStart: "2020-01-01", periodEnd: "2099-12-31" };
const draw = (actor: Actor, over: Record<string, unknown> = {}) => createPlan(actor, { title: "Autumn sample", ...period, ...over });
const liveItems = (planId: string) => db.samplePlanItem.findMany({ where: { planId, removedAt: null } });

describe("drawing a plan", () => {
  it("stores items that meet the strategy, with reasons, never the IQA's own work, audited", async () => {
    const { id } = await draw(priya);
    const items = await liveItems(id);
    const bySam = items.filter((i) => samWork.some((e) => e.id === i.enrolmentId));
    // Sam is high risk: 50% of 4 learners is 2; 100% of 4 learner-units is 4.
    expect(bySam).toHaveLength(4);
    expect(items.some((i) => i.enrolmentId === anaWork.id)).toBe(true);
    expect(items.some((i) => i.enrolmentId === ownWork.id)).toBe(false);
    expect(items.every((i) => i.addedBy === "draw")).toBe(true);
    expect(items.flatMap((i) => i.reasons)).toContain("Sam Okafor is rated high risk: 50% of learners");
    expect(items.flatMap((i) => i.reasons)).toContain("Criterion A1 not sampled before");
    const detail = await planDetail(priya, id);
    expect(detail.coverage.assessors.map((a) => [a.assessorName, a.below])).toEqual([
      ["Ana Assessor", false],
      ["Sam Okafor", false],
    ]);
    expect(detail.coverage.criteria.find((c) => c.unitCode === "CPC308")).toMatchObject({ sampled: ["A1", "A6"] });
    // The methods and sites come from the evidence the decisions relied on.
    expect(detail.coverage.cells.find((c) => c.assessorId === sam.userId && c.unitCode === "CPC308")?.byMethod).toMatchObject({
      WORK_PRODUCT: "SAMPLED",
      OBSERVATION: "SAMPLED",
    });
    expect(detail.coverage.cells.find((c) => c.assessorId === ana.userId)?.byMethod.OBSERVATION).toBe("NONE");
    const candidates = await sampleCandidates(db, {
      centreId: home.id,
      iqaId: priya.userId,
      periodStart: new Date("2020-01-01"),
      periodEnd: new Date("2099-12-31"),
      unitCode: "",
    });
    expect(candidates.find((c) => c.enrolmentId === observed.id)?.decisions.find((d) => d.criterionCode === "A6")).toMatchObject({
      methods: ["OBSERVATION"],
      sites: ["Council offices, room 2"],
    });
    expect(await db.auditEvent.count({ where: { kind: "quality.plan_drawn", subject: `sample-plan:${id}` } })).toBe(1);
  });

  it("refuses bad input beside its field and changes nothing", async () => {
    const before = await db.samplePlan.count();
    await expect(draw(priya, { periodEnd: "2019-01-01" })).rejects.toMatchObject({ fields: { periodEnd: expect.stringMatching(/end on or after/) } });
    await expect(draw(priya, { title: "" })).rejects.toMatchObject({ fields: { title: "Give the plan a title" } });
    await expect(draw(priya, { unitCode: "NOPE" })).rejects.toMatchObject({ fields: { unitCode: expect.any(String) } });
    expect(await db.samplePlan.count()).toBe(before);
  });

  it("gathers candidates in the same few queries for many enrolments as for a few", async () => {
    const counts: number[] = [];
    for (const extra of [0, 12]) {
      for (let n = 0; n < extra; n++) {
        const learner = await build.user({ centre: home, roles: ["LEARNER"] });
        await build.enrolment({ learner, assessor: ana, iqa: priya, unit: "CPC308" });
      }
      const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }), log: [{ emit: "event", level: "query" }] });
      let statements = 0;
      client.$on("query", (e) => {
        if (!/^(BEGIN|COMMIT|ROLLBACK)/.test(e.query)) statements++;
      });
      try {
        const found = await withDb(client, () =>
          sampleCandidates(client, {
            centreId: home.id,
            iqaId: priya.userId,
            periodStart: new Date("2020-01-01"),
            periodEnd: new Date("2099-12-31"),
            unitCode: "",
          }),
        );
        expect(found.length).toBeGreaterThan(5);
      } finally {
        await client.$disconnect();
      }
      counts.push(statements);
    }
    expect(counts[0]).toBe(counts[1]);
    expect(counts[0]).toBeLessThanOrEqual(6);
  });
});

describe("editing and signing", () => {
  it("removes, adds and redraws a draft; signs it; a signed plan cannot change", async () => {
    const { id } = await draw(priya, { unitCode: "CPC308" });
    const [first] = await liveItems(id);
    await removePlanItem(priya, { planId: id, itemId: must(first, "first").id });
    expect((await db.samplePlanItem.findUniqueOrThrow({ where: { id: must(first, "first").id } })).removedAt).not.toBeNull();
    await expect(removePlanItem(priya, { planId: id, itemId: must(first, "first").id })).rejects.toThrow(/already been removed/);

    // An enrolment in the plan is not added twice; one that is not (the removed item's) is.
    const live = new Set((await liveItems(id)).map((i) => i.enrolmentId));
    const inPlan = must([...live][0], "a live item");
    await expect(addPlanItem(priya, { planId: id, enrolmentId: inPlan, stage: "INTERIM", note: "twice" })).rejects.toThrow(/already in this plan/);
    const added = await addPlanItem(priya, {
      planId: id,
      enrolmentId: must(first, "first").enrolmentId,
      stage: "INTERIM",
      method: "",
      note: "Check the new workplace",
    });
    expect(await db.samplePlanItem.findUniqueOrThrow({ where: { id: added.id } })).toMatchObject({
      addedBy: "iqa",
      reasons: ["Added by the IQA: Check the new workplace"],
    });
    await expect(addPlanItem(priya, { planId: id, enrolmentId: ownWork.id, stage: "INTERIM", note: "mine" })).rejects.toBeInstanceOf(UserFacingError);
    await expect(addPlanItem(priya, { planId: id, enrolmentId: samWork[0]?.id, stage: "SUMMATIVE", note: "x" })).rejects.toMatchObject({
      fields: { stage: expect.any(String) },
    });

    const seed = (await db.samplePlan.findUniqueOrThrow({ where: { id } })).seed;
    await redrawPlan(priya, { planId: id });
    const after = await liveItems(id);
    expect(after.filter((i) => i.addedBy === "iqa").map((i) => i.id)).toEqual([added.id]);
    expect(after.filter((i) => i.addedBy === "draw").length).toBeGreaterThan(0);
    // Sam is sampled in full, but the learner-unit the IQA added is not drawn a second time.
    expect(after.filter((i) => i.enrolmentId === samWork[3]?.id)).toHaveLength(1);
    expect((await db.samplePlan.findUniqueOrThrow({ where: { id } })).seed).not.toBe(seed);
    expect(await db.samplePlanItem.count({ where: { planId: id } })).toBeGreaterThan(after.length);

    await expect(signPlan(priya, { planId: id, typedName: "Someone Else", password: PASSWORD })).rejects.toBeInstanceOf(UserFacingError);
    await expect(signPlan(priya, { planId: id, typedName: "Priya Shah", password: "wrong password" })).rejects.toThrow(/password/);
    const { contentHash } = await signPlan(priya, { planId: id, typedName: "Priya Shah", password: PASSWORD });
    const plan = await db.samplePlan.findUniqueOrThrow({ where: { id } });
    expect(plan).toMatchObject({ status: "SIGNED", typedName: "Priya Shah", contentHash });
    const signedItems = await db.samplePlanItem.findMany({
      where: { planId: id, removedAt: null },
      select: { id: true, enrolmentId: true, stage: true, method: true, criterionIds: true, reasons: true, addedBy: true },
    });
    expect(planContentHash({ ...plan, typedName: "Priya Shah" }, signedItems)).toBe(contentHash);

    const frozen = await db.samplePlanItem.findMany({ where: { planId: id }, orderBy: { id: "asc" } });
    for (const attempt of [
      () => removePlanItem(priya, { planId: id, itemId: must(after[0], "a0").id }),
      () => addPlanItem(priya, { planId: id, enrolmentId: anaWork.id, stage: "INTERIM", note: "late" }),
      () => redrawPlan(priya, { planId: id }),
      () => signPlan(priya, { planId: id, typedName: "Priya Shah", password: PASSWORD }),
    ])
      await expect(attempt()).rejects.toThrow(/signed/);
    expect(await db.samplePlanItem.findMany({ where: { planId: id }, orderBy: { id: "asc" } })).toEqual(frozen);
    expect(await db.auditEvent.count({ where: { subject: `sample-plan:${id}` } })).toBe(5);
  });
});

describe("who may see and change a plan", () => {
  it("another IQA and an admin of the centre may read it but not change or sign it; others are told it is not found", async () => {
    const { id } = await draw(priya);
    const [item] = await liveItems(id);
    const before = await db.samplePlanItem.findMany({ where: { planId: id }, orderBy: { id: "asc" } });
    for (const reader of [otherIqa, admin]) {
      await expect(planDetail(reader, id)).resolves.toMatchObject({ mine: false, editable: false });
      expect((await listPlans(reader, {})).rows.some((r) => r.id === id)).toBe(true);
      await expect(removePlanItem(reader, { planId: id, itemId: must(item, "item").id })).rejects.toThrow(/Only the IQA who drew this plan/);
      await expect(signPlan({ ...reader, signedInAt: new Date() }, { planId: id, typedName: reader.name })).rejects.toThrow(/Only the IQA who drew this plan/);
      await expect(redrawPlan(reader, { planId: id })).rejects.toBeInstanceOf(UserFacingError);
    }
    for (const outsider of [strangerIqa, sam, must(learners[0], "learner"), verifier]) {
      await expect(planDetail(outsider, id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(listPlans(outsider, { centre: home.id })).rejects.toBeInstanceOf(NotFoundError);
      await expect(removePlanItem(outsider, { planId: id, itemId: must(item, "item").id })).rejects.toBeInstanceOf(NotFoundError);
      await expect(addPlanItem(outsider, { planId: id, enrolmentId: anaWork.id, stage: "INTERIM", note: "x" })).rejects.toBeInstanceOf(NotFoundError);
      await expect(signPlan({ ...outsider, signedInAt: new Date() }, { planId: id, typedName: outsider.name })).rejects.toBeInstanceOf(NotFoundError);
      await expect(createPlan(outsider, { centreId: home.id, title: "x", ...period })).rejects.toBeInstanceOf(NotFoundError);
    }
    // Another IQA draws only from the enrolments they cover: none here.
    const theirs = await draw(otherIqa);
    expect(await liveItems(theirs.id)).toEqual([]);
    expect(await db.samplePlanItem.findMany({ where: { planId: id }, orderBy: { id: "asc" } })).toEqual(before);
    expect((await db.samplePlan.findUniqueOrThrow({ where: { id } })).status).toBe("DRAFT");
  });
});
