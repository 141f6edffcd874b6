import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { UserFacingError } from "@/server/errors";
import { NotFoundError } from "@/server/policy";
import { assessorRisk, assessorsWithRisk } from "@/server/quality/risk-read";
import { rateAssessor } from "@/server/quality/risk-rate";
import { riskSignals } from "@/server/quality/risk-signals";
import { strategyOverview } from "@/server/quality/strategy-page";
import { strategyFor } from "@/server/quality/strategy-read";
import { removeUnitStrategy, saveStrategy, strategyInput } from "@/server/quality/strategy-write";
import { readForm } from "@/server/edge/form";
import { PrismaPg } from "@prisma/adapter-pg";
import { withDb } from "@/server/db/client";
import { PrismaClient } from "@/server/db/generated/client";
import * as build from "../support/builders";
import { freshDatabase } from "../support/db";

const { url } = await freshDatabase();
const centre = await build.centre();
const elsewhere = await build.centre();
const iqa = await build.user({ centre, roles: ["IQA"], name: "Priya Test" });
const admin = await build.user({ centre, roles: ["CENTRE_ADMIN"] });
const otherIqa = await build.user({ centre: elsewhere, roles: ["IQA"] });
const otherAdmin = await build.user({ centre: elsewhere, roles: ["CENTRE_ADMIN"] });
const assessor = await build.user({ centre, roles: ["ASSESSOR"], name: "Sam Test" });
const assessor2 = await build.user({ centre, roles: ["ASSESSOR"], name: "Tess Test" });
const otherAssessor = await build.user({ centre: elsewhere, roles: ["ASSESSOR"] });
const learner = await build.user({ centre, roles: ["LEARNER"] });
const verifier = await build.user({ centre, roles: ["EXTERNAL_VERIFIER"] });
const cpc = await build.enrolment({ learner, assessor, iqa, unit: "CPC308" });

const strategy = (over: Record<string, unknown> = {}) => ({
  learnersLow: "10",
  learnersMedium: "25",
  learnersHigh: "50",
  unitsLow: "10",
  unitsMedium: "25",
  unitsHigh: "100",
  interimPercent: "50",
  methods: ["OBSERVATION", "WORK_PRODUCT"],
  ...over,
});
const events = (kind: string) => db.auditEvent.findMany({ where: { centreId: centre.id, kind }, orderBy: { id: "asc" } });
const rows = () => db.samplingStrategy.findMany({ where: { centreId: centre.id }, orderBy: { unitCode: "asc" } });
const nextYear = "2027-12-01";
const rating = (over: Record<string, unknown> = {}) => ({
  assessorId: assessor.userId,
  level: "HIGH",
  scope: "overall",
  reason: "New to the unit",
  reviewOn: nextYear,
  ...over,
});

describe("the sampling strategy", () => {
  it("starts from Attest's defaults, then saves the centre's default with every field audited from and to", async () => {
    expect((await strategyOverview(iqa)).centre.source).toBe("default");
    expect(await saveStrategy(iqa, strategy())).toEqual({ changed: expect.arrayContaining(["learnersLow", "methods", "interimPercent"]) });
    const [first] = await events("quality.strategy_changed");
    expect(first?.actorId).toBe(iqa.userId);
    expect(first?.data).toMatchObject({
      unitCode: "",
      removed: false,
      changes: { learnersLow: { from: null, to: 10 }, methods: { from: null, to: ["WORK_PRODUCT", "OBSERVATION"] } },
    });
    // A change audits only what changed; the same values again change nothing.
    expect(await saveStrategy(admin, strategy({ learnersHigh: "60" }))).toEqual({ changed: ["learnersHigh"] });
    expect((await events("quality.strategy_changed"))[1]?.data).toEqual({ unitCode: "", removed: false, changes: { learnersHigh: { from: 50, to: 60 } } });
    expect(await saveStrategy(admin, strategy({ learnersHigh: "60" }))).toEqual({ changed: [] });
    expect(await events("quality.strategy_changed")).toHaveLength(2);
    expect(await strategyFor(db, centre.id, "CPC308")).toMatchObject({ source: "centre", learners: { HIGH: 60 } });
  });

  it("overrides a unit the centre has learners on, shows where each number comes from, and goes back to the centre's default", async () => {
    await saveStrategy(iqa, strategy({ centreId: centre.id, unitCode: "CPC308", unitsHigh: "80", methods: ["QUESTIONING"] }));
    const overview = await strategyOverview(iqa);
    expect(overview.units).toEqual([
      expect.objectContaining({ code: "CPC308", source: "unit", strategy: expect.objectContaining({ methods: ["QUESTIONING"] }) }),
    ]);
    expect(await strategyFor(db, centre.id, "CPC308")).toMatchObject({ source: "unit", units: { HIGH: 80 } });
    // No learners on AG26 here: no override for it.
    await expect(saveStrategy(iqa, strategy({ unitCode: "AG26" }))).rejects.toMatchObject({ fields: { unitCode: expect.stringContaining("learners on") } });
    expect(await removeUnitStrategy(iqa, { unitCode: "CPC308" })).toEqual({ removed: true });
    expect(await removeUnitStrategy(iqa, { unitCode: "CPC308" })).toEqual({ removed: false });
    expect((await rows()).map((r) => r.unitCode)).toEqual([""]);
    expect((await strategyOverview(admin)).units[0]?.source).toBe("centre");
    const removed = (await events("quality.strategy_changed")).at(-1);
    expect(removed?.data).toMatchObject({ unitCode: "CPC308", removed: true, changes: { unitsHigh: { from: 80, to: null } } });
  });

  it("refuses a percentage outside 0 to 100 or no method, beside its field, changing nothing", async () => {
    const before = await rows();
    for (const [bad, field] of [
      [{ learnersLow: "101" }, "learnersLow"],
      [{ unitsMedium: "-1" }, "unitsMedium"],
      [{ interimPercent: "half" }, "interimPercent"],
      [{ learnersHigh: "" }, "learnersHigh"],
      [{ methods: [] }, "methods"],
      [{ methods: ["TELEPATHY"] }, "methods.0"],
    ] as const) {
      const attempt = saveStrategy(iqa, strategy(bad));
      await expect(attempt).rejects.toBeInstanceOf(UserFacingError);
      await expect(attempt).rejects.toMatchObject({ fields: { [field]: expect.stringMatching(/0 to 100|method/) } });
    }
    expect(await rows()).toEqual(before);
  });

  it("refuses another centre's IQA or admin, an assessor, a learner and a verifier, changing nothing", async () => {
    const before = await rows();
    const count = (await events("quality.strategy_changed")).length;
    for (const who of [otherIqa, otherAdmin]) {
      await expect(saveStrategy(who, strategy({ centreId: centre.id, learnersLow: "1" }))).rejects.toBeInstanceOf(NotFoundError);
      await expect(removeUnitStrategy(who, { centreId: centre.id, unitCode: "CPC308" })).rejects.toBeInstanceOf(NotFoundError);
      await expect(strategyOverview(who, centre.id)).rejects.toBeInstanceOf(NotFoundError);
    }
    for (const who of [assessor, learner, verifier]) {
      await expect(saveStrategy(who, strategy({ learnersLow: "1" }))).rejects.toBeInstanceOf(NotFoundError);
      await expect(strategyOverview(who)).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await rows()).toEqual(before);
    expect(await events("quality.strategy_changed")).toHaveLength(count);
  });
});

describe("assessors' risk ratings", () => {
  it("appends a rating with its reason and review date, audited; the newest per scope is current", async () => {
    const now = new Date("2026-12-02T10:00:00Z");
    await rateAssessor(iqa, rating({ level: "MEDIUM" }), now);
    await rateAssessor(iqa, rating({ level: "HIGH", reason: "Two disagreements" }), new Date(now.getTime() + 1000));
    await rateAssessor(iqa, rating({ level: "LOW", scope: "method", method: "OBSERVATION" }), new Date(now.getTime() + 2000));
    await rateAssessor(iqa, rating({ level: "HIGH", scope: "unit", unitCode: "CPC308" }), new Date(now.getTime() + 3000));
    expect(await db.assessorRiskRating.count({ where: { assessorId: assessor.userId } })).toBe(4);
    const page = await assessorRisk(iqa, assessor.userId, null, {}, now);
    expect(page.overall).toMatchObject({ level: "HIGH", reason: "Two disagreements", reviewOn: nextYear, reviewOverdue: false, ratedBy: "Priya Test" });
    expect(page.scoped.map((r) => [r.unitCode ?? r.method, r.level]).sort()).toEqual([
      ["CPC308", "HIGH"],
      ["OBSERVATION", "LOW"],
    ]);
    expect(page.history.map((r) => r.level)).toEqual(["HIGH", "LOW", "HIGH", "MEDIUM"]);
    expect(page.canRate).toBe(true);
    const audited = await events("quality.risk_rated");
    expect(audited).toHaveLength(4);
    expect(audited[0]?.data).toMatchObject({ assessorId: assessor.userId, level: "MEDIUM", unitCode: null, method: null, reviewOn: nextYear });
    expect(audited[3]?.data).toMatchObject({ unitCode: "CPC308", method: null });
    // A review date that has passed is flagged overdue in words on the list.
    const later = await assessorsWithRisk(admin, null, {}, new Date("2028-01-05T10:00:00Z"));
    expect(later.rows.find((r) => r.id === assessor.userId)?.overall).toMatchObject({ level: "HIGH", reviewOverdue: true });
    expect(later.canRate).toBe(false);
  });

  it("requires a reason, a review date in the future, and the unit or method a scoped rating is for", async () => {
    const count = await db.assessorRiskRating.count();
    const now = new Date("2026-12-02T10:00:00Z");
    await expect(rateAssessor(iqa, rating({ reason: "  " }), now)).rejects.toMatchObject({ fields: { reason: expect.any(String) } });
    await expect(rateAssessor(iqa, rating({ reviewOn: "2026-12-02" }), now)).rejects.toMatchObject({
      fields: { reviewOn: "The review date must be in the future" },
    });
    await expect(rateAssessor(iqa, rating({ reviewOn: "2026-02-30" }), now)).rejects.toMatchObject({
      fields: { reviewOn: expect.stringMatching(/real date/) },
    });
    await expect(rateAssessor(iqa, rating({ scope: "unit" }), now)).rejects.toMatchObject({ fields: { unitCode: "Choose the unit this rating is for" } });
    await expect(rateAssessor(iqa, rating({ scope: "unit", unitCode: "AG26" }), now)).rejects.toMatchObject({ fields: { unitCode: expect.any(String) } });
    await expect(rateAssessor(iqa, rating({ scope: "method" }), now)).rejects.toMatchObject({ fields: { method: expect.any(String) } });
    await expect(rateAssessor(iqa, rating({ level: "EXTREME" }), now)).rejects.toMatchObject({ fields: { level: expect.any(String) } });
    expect(await db.assessorRiskRating.count()).toBe(count);
  });

  it("lets only the centre's IQAs rate, only its IQAs and admins read, and answers not found for an assessor elsewhere", async () => {
    const count = await db.assessorRiskRating.count();
    for (const who of [admin, otherIqa, otherAdmin, assessor2, learner, verifier]) {
      await expect(rateAssessor(who, rating({ centreId: centre.id }))).rejects.toBeInstanceOf(NotFoundError);
    }
    // Not an assessor of the IQA's centre, or not an assessor at all.
    await expect(rateAssessor(iqa, rating({ assessorId: otherAssessor.userId }))).rejects.toBeInstanceOf(NotFoundError);
    await expect(rateAssessor(iqa, rating({ assessorId: learner.userId }))).rejects.toBeInstanceOf(NotFoundError);
    await expect(assessorRisk(iqa, otherAssessor.userId, null, {})).rejects.toBeInstanceOf(NotFoundError);
    await expect(assessorRisk(iqa, "not-an-id", null, {})).rejects.toBeInstanceOf(NotFoundError);
    for (const who of [otherIqa, otherAdmin]) await expect(assessorRisk(who, assessor.userId, null, {})).rejects.toBeInstanceOf(NotFoundError);
    // An assessor reads samples of their own decisions elsewhere, never the centre's ratings.
    for (const who of [assessor, learner, verifier]) {
      await expect(assessorsWithRisk(who, null, {})).rejects.toBeInstanceOf(NotFoundError);
      await expect(assessorRisk(who, assessor.userId, null, {})).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await db.assessorRiskRating.count()).toBe(count);
    expect((await assessorsWithRisk(admin, null, {})).rows.map((r) => r.name)).toEqual(["Sam Test", "Tess Test"]);
  });
});

describe("what the suggestion learns from", () => {
  it("counts each assessor's verdicts of the last 12 months, overdue open actions and decisions, for many assessors at once", async () => {
    const decided = await build.signedDecision({ enrolment: cpc, criterion: "A1", outcome: "NOT_YET_MET" });
    await build.signedDecision({ enrolment: cpc, criterion: "A2", outcome: "NOT_YET_MET" });
    const now = new Date(Date.now() + 1000);
    const review = await db.iqaReview.create({
      data: { centreId: centre.id, enrolmentId: cpc.id, iqaId: iqa.userId, stage: "INTERIM", snapshot: {}, snapshotHash: "0".repeat(64) },
    });
    const verdict = (agrees: boolean, signedAt: Date, criterion: string | null) => ({
      reviewId: review.id,
      decisionId: criterion,
      assessorId: assessor.userId,
      agrees,
      feedback: "x",
      iqaId: iqa.userId,
      typedName: iqa.name,
      signatureHash: "0".repeat(64),
      signedAt,
    });
    const old = new Date(now.getTime() - 400 * 86_400_000);
    await db.iqaVerdict.createMany({
      // Older than 12 months: not counted. Verdicts elsewhere need no decision of their own here.
      data: [verdict(false, new Date(now.getTime() - 86_400_000), decided.decisionId), verdict(true, now, null), verdict(false, old, null)],
    });
    const day = (offset: number) => new Date(new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10));
    const action = (dueOn: Date, closedAt: Date | null = null) => ({
      centreId: centre.id,
      assessorId: assessor.userId,
      raisedById: iqa.userId,
      title: "x",
      detail: "x",
      dueOn,
      closedAt,
    });
    await db.iqaAction.createMany({ data: [action(day(-3)), action(day(-10), now), action(day(5)), { ...action(day(-3)), centreId: elsewhere.id }] });
    const signals = await riskSignals(db, centre.id, [assessor.userId, assessor2.userId], now);
    expect(signals.get(assessor.userId)).toEqual({ sampled: 2, disagreed: 1, overdueActions: 1, firstDecisionAt: expect.any(Date), decisions: 2 });
    expect(signals.get(assessor2.userId)).toEqual({ sampled: 0, disagreed: 0, overdueActions: 0, firstDecisionAt: null, decisions: 0 });
    const list = await assessorsWithRisk(iqa, null, {}, now);
    expect(list.rows.find((r) => r.id === assessor.userId)?.suggestion).toEqual({
      level: "HIGH",
      reasons: ["New assessor: first decision less than a month ago", "1 of 2 sampled decisions disagreed with in the last 12 months", "1 action overdue"],
    });
  });
});

describe("the strategy form", () => {
  it("reads every ticked method from the posted form", () => {
    const form = new FormData();
    for (const [k, v] of Object.entries(strategy({ methods: undefined }))) if (v !== undefined) form.set(k, String(v));
    form.append("methods", "QUESTIONING");
    form.append("methods", "OBSERVATION");
    expect(readForm(form, strategyInput).methods).toEqual(["QUESTIONING", "OBSERVATION"]);
  });
});

describe("the assessors' page at scale", () => {
  it("takes the same statements for a page of 2 assessors as for 8, each rated", async () => {
    const big = await build.centre();
    const iqaThere = await build.user({ centre: big, roles: ["IQA"] });
    const counts: number[] = [];
    for (const count of [2, 6]) {
      for (let i = 0; i < count; i++) {
        const a = await build.user({ centre: big, roles: ["ASSESSOR"] });
        await rateAssessor(iqaThere, { assessorId: a.userId, level: "LOW", scope: "overall", reason: "Steady", reviewOn: nextYear });
      }
      const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }), log: [{ emit: "event", level: "query" }] });
      let statements = 0;
      client.$on("query", () => void statements++);
      const page = await withDb(client, () => assessorsWithRisk(iqaThere, null, {}));
      await client.$disconnect();
      expect(page.rows.every((r) => r.overall?.level === "LOW")).toBe(true);
      counts.push(statements);
    }
    expect(counts[0]).toBe(counts[1]);
  });
});
