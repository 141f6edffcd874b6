import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { NotFoundError } from "@/server/policy";
import { periodReport, planReport } from "@/server/quality/report";
import { reportDownload } from "@/server/quality/report-files";
import * as build from "../support/builders";
import { freshDatabase } from "../support/db";

// The IQA's report for a verifier: per plan and per period, as a page model, CSVs and a tagged PDF.

await freshDatabase();
const centre = await build.centre({ name: "Northgate Care" });
const otherCentre = await build.centre({ name: "Riverside" });
const assessor = await build.user({ centre, roles: ["ASSESSOR"], name: "Sam Okafor" });
const iqa = await build.user({ centre, roles: ["IQA"], name: "Priya Shah" });
const admin = await build.user({ centre, roles: ["CENTRE_ADMIN"], name: "Amira Khan" });
const otherAdmin = await build.user({ centre: otherCentre, roles: ["CENTRE_ADMIN"], name: "Riley Adams" });
const learner = await build.user({ centre, roles: ["LEARNER"], name: "Taylor Evans" });
const cpc = await build.enrolment({ learner, assessor, iqa, unit: "CPC308" });
await build.submittedItem({ learner, criteria: ["A1", "A2"], unit: "CPC308" });
const a1 = await build.signedDecision({ enrolment: cpc, criterion: "A1" });
const a2 = await build.signedDecision({ enrolment: cpc, criterion: "A2" });

const plan = await db.samplePlan.create({
  data: {
    centreId: centre.id,
    iqaId: iqa.userId,
    title: "Winter sample",
    periodStart: new Date("2026-11-01"),
    periodEnd: new Date("2026-12-31"),
    seed: 42,
    status: "SIGNED",
    signedAt: new Date("2026-11-02T10:00:00Z"),
    typedName: "Priya Shah",
    contentHash: "a".repeat(64),
  },
});
const item = await db.samplePlanItem.create({
  data: {
    planId: plan.id,
    enrolmentId: cpc.id,
    stage: "INTERIM",
    method: "OBSERVATION",
    reasons: ["Sam Okafor is rated high risk: 50% of learners."],
    addedBy: "draw",
  },
});
const review = await db.iqaReview.create({
  data: {
    centreId: centre.id,
    planItemId: item.id,
    enrolmentId: cpc.id,
    iqaId: iqa.userId,
    stage: "INTERIM",
    snapshot: {},
    snapshotHash: "b".repeat(64),
    openedAt: new Date("2026-11-20T10:00:00Z"),
  },
});
const verdict = (decisionId: string, agrees: boolean, feedback: string) =>
  db.iqaVerdict.create({
    data: {
      reviewId: review.id,
      decisionId,
      assessorId: assessor.userId,
      agrees,
      feedback,
      iqaId: iqa.userId,
      typedName: "Priya Shah",
      signatureHash: "c".repeat(64),
      signedAt: new Date("2026-11-20T11:00:00Z"),
    },
  });
await verdict(a1.decisionId, true, "Sound judgement.");
const disagreed = await verdict(a2.decisionId, false, "=HYPERLINK(evil) The evidence does not show the budget.");
await db.iqaAction.create({
  data: {
    centreId: centre.id,
    reviewId: review.id,
    verdictId: disagreed.id,
    enrolmentId: cpc.id,
    assessorId: assessor.userId,
    raisedById: iqa.userId,
    title: "Decide A2 again",
    detail: "Look at the budget evidence.",
    dueOn: new Date("2026-11-27"),
    raisedAt: new Date("2026-11-20T11:00:00Z"),
  },
});
const now = new Date("2026-12-02T12:00:00Z");

describe("a sample plan's report", () => {
  it("holds the plan, each item with why and its outcome, coverage by assessor, every verdict and action", async () => {
    const report = await planReport(iqa, plan.id, now);
    expect(report.title).toBe("IQA sample report: Winter sample");
    expect(report.facts).toEqual(expect.arrayContaining([["Plan", "Signed by Priya Shah on 2 November 2026"]]));
    expect(report.items).toEqual([
      expect.objectContaining({ learner: "Taylor Evans", assessor: "Sam Okafor", stage: "Interim", method: "Observation", outcome: "1 agreed, 1 disagreed" }),
    ]);
    expect(report.verdicts.map((v) => [v.criterion, v.verdict])).toEqual([
      ["A1", "Agreed"],
      ["A2", "Disagreed"],
    ]);
    expect(report.actions).toEqual([expect.objectContaining({ title: "Decide A2 again", assessor: "Sam Okafor", status: "Open, overdue" })]);
    expect(report.assessors).toEqual([expect.objectContaining({ assessor: "Sam Okafor", interim: 1, summative: 0, agreed: 1, disagreed: 1, openActions: 1 })]);
  });

  it("downloads each table as CSV, formulas neutralised, and the whole as a tagged PDF in English", async () => {
    const report = await planReport(admin, plan.id, now);
    const verdicts = reportDownload(report, new URLSearchParams("format=csv&table=verdicts"));
    if (!("csv" in verdicts)) throw new Error("expected a CSV");
    expect(verdicts.fileName).toMatch(/^iqa-sample-2026-11-01-.+-verdicts\.csv$/);
    expect(verdicts.csv.split("\r\n")[0]).toBe("Learner,Unit,Criterion,Assessor,Assessor's decision,IQA verdict,Feedback,Signed");
    expect(verdicts.csv).toContain("'=HYPERLINK(evil)");
    const file = reportDownload(report, new URLSearchParams("format=pdf"));
    if (!("pdf" in file)) throw new Error("expected a PDF");
    const bytes = Buffer.from(await new Response(file.pdf).arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    const text = bytes.toString("latin1");
    expect(text).toContain("/StructTreeRoot");
    expect(text).toContain("/Lang (en-GB)");
    expect(() => reportDownload(report, new URLSearchParams("format=csv&table=secrets"))).toThrow(/format=pdf/);
  });

  it("is not found for the assessor, the learner, another centre's admin, and a made-up id", async () => {
    for (const who of [assessor, learner, otherAdmin]) await expect(planReport(who, plan.id, now)).rejects.toBeInstanceOf(NotFoundError);
    await expect(planReport(iqa, "not-an-id", now)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("a period's report across the centre", () => {
  it("takes the plans overlapping the period and the actions raised in it", async () => {
    const inside = await periodReport(admin, { from: "2026-11-15", to: "2026-11-30" }, now);
    expect(inside.items).toHaveLength(1);
    expect(inside.actions).toHaveLength(1);
    const before = await periodReport(admin, { from: "2026-09-01", to: "2026-10-31" }, now);
    expect(before.items).toHaveLength(0);
    expect(before.actions).toHaveLength(0);
  });

  it("reads days it cannot parse as the last three months, and a backwards period the right way round", async () => {
    expect(await periodReport(iqa, { from: "yesterday", to: "<script>" }, now)).toMatchObject({ from: "2026-09-02", to: "2026-12-02" });
    expect(await periodReport(iqa, { from: "2026-12-01", to: "2026-11-01" }, now)).toMatchObject({ from: "2026-11-01", to: "2026-12-01" });
    // Days that do not exist, or outside 1900–2100, are read the same way, never sent to the database.
    expect(await periodReport(iqa, { from: "0000-01-01", to: "2026-02-30" }, now)).toMatchObject({ from: "2026-09-02", to: "2026-12-02" });
    // At most a year at a time.
    const long = await periodReport(iqa, { from: "1990-01-01", to: "2026-12-02" }, now);
    expect(long).toMatchObject({ from: "2025-12-02", to: "2026-12-02" });
    expect(long.facts.find(([k]) => k === "Period")?.[1]).toMatch(/at most a year/);
  });

  it("is not found for the assessor and learner, or for another centre asked for by id", async () => {
    for (const who of [assessor, learner]) await expect(periodReport(who, {}, now)).rejects.toBeInstanceOf(NotFoundError);
    await expect(periodReport(otherAdmin, { centre: centre.id }, now)).rejects.toBeInstanceOf(NotFoundError);
    expect((await periodReport(otherAdmin, {}, now)).items).toEqual([]);
  });
});
