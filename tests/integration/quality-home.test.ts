import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { assessorQuality, iqaQualitySummary, ivReadyQueue } from "@/server/home/quality-home";
import * as build from "../support/builders";
import { freshDatabase } from "../support/db";

// The homes' quality assurance: the IQA's queue of decisions not yet sampled, their drafts and open
// actions; the assessor's actions by when they are due and the IQA's feedback.

await freshDatabase();
const centre = await build.centre();
const assessor = await build.user({ centre, roles: ["ASSESSOR"], name: "Sam Okafor" });
const iqa = await build.user({ centre, roles: ["IQA", "ASSESSOR"], name: "Priya Shah" });
const otherIqa = await build.user({ centre, roles: ["IQA"], name: "Ola Berg" });
const learner = await build.user({ centre, roles: ["LEARNER"], name: "Taylor Evans" });
const second = await build.user({ centre, roles: ["LEARNER"], name: "Robin Hale" });
const cpc = await build.enrolment({ learner, assessor, iqa, unit: "CPC308" });
// The IQA assesses this one themselves: never theirs to sample.
const own = await build.enrolment({ learner: second, assessor: iqa, iqa, unit: "CPC308" });
const elsewhere = await build.enrolment({ learner: second, assessor, iqa: otherIqa, unit: "AG26" });

await build.submittedItem({ learner, criteria: ["A1", "A2"], unit: "CPC308" });
const a1 = await build.signedDecision({ enrolment: cpc, criterion: "A1" });
await build.signedDecision({ enrolment: cpc, criterion: "A2", outcome: "NOT_YET_MET" });
await build.submittedItem({ learner: second, criteria: ["A1"], unit: "CPC308" });
await build.signedDecision({ enrolment: own, criterion: "A1" });

async function verdictOn(decisionId: string, agrees: boolean, feedback: string) {
  const review = await db.iqaReview.create({
    data: { centreId: centre.id, enrolmentId: cpc.id, iqaId: iqa.userId, stage: "INTERIM", snapshot: {}, snapshotHash: "0".repeat(64) },
  });
  await db.iqaVerdict.create({
    data: {
      reviewId: review.id,
      decisionId,
      assessorId: assessor.userId,
      agrees,
      feedback,
      iqaId: iqa.userId,
      typedName: "Priya Shah",
      signatureHash: "1".repeat(64),
      signedAt: new Date(),
    },
  });
  return review;
}

describe("the IQA's queue of work ready to sample", () => {
  it("lists the learner units they cover with decisions not yet sampled, never their own or another IQA's", async () => {
    const queue = await ivReadyQueue(iqa);
    expect(queue.total).toBe(1);
    expect(queue.rows).toEqual([
      expect.objectContaining({ id: cpc.id, learner: "Taylor Evans", assessor: "Sam Okafor", unsampled: 2, signOffUnsampled: false }),
    ]);
    expect((await ivReadyQueue(otherIqa)).rows.map((r) => r.id)).not.toContain(own.id);
    expect((await ivReadyQueue(otherIqa)).rows.map((r) => r.id)).not.toContain(elsewhere.id);
  });

  it("counts down as decisions get verdicts, and drops the unit when every one has", async () => {
    await verdictOn(a1.decisionId, true, "Clear and sufficient.");
    expect((await ivReadyQueue(iqa)).rows[0]).toMatchObject({ id: cpc.id, unsampled: 1 });
    const a2 = await db.decision.findFirstOrThrow({ where: { enrolmentId: cpc.id, outcome: "NOT_YET_MET" } });
    await verdictOn(a2.id, false, "The feedback does not say what is missing.");
    expect((await ivReadyQueue(iqa)).total).toBe(0);
  });

  it("is empty for someone who is no IQA", async () => {
    expect(await ivReadyQueue(learner)).toEqual({ rows: [], total: 0, page: 1, pages: 1 });
  });
});

describe("the IQA's drafts and open actions", () => {
  it("counts their draft plans and the actions they raised that are open, and those overdue", async () => {
    await db.samplePlan.create({
      data: { centreId: centre.id, iqaId: iqa.userId, title: "Winter sample", periodStart: new Date("2026-12-01"), periodEnd: new Date("2027-02-28"), seed: 7 },
    });
    const action = (dueOn: string, closed = false) =>
      db.iqaAction.create({
        data: {
          centreId: centre.id,
          assessorId: assessor.userId,
          raisedById: iqa.userId,
          title: `Action due ${dueOn}`,
          detail: "Say what is missing.",
          dueOn: new Date(dueOn),
          ...(closed ? { closedAt: new Date(), closedById: iqa.userId, closingNote: "Done" } : {}),
        },
      });
    await action("2026-11-30");
    await action("2026-12-02");
    await action("2026-12-05");
    await action("2027-01-15");
    await action("2026-11-01", true);
    const summary = await iqaQualitySummary(iqa, new Date("2026-12-02T09:00:00Z"));
    expect(summary).toMatchObject({ draftCount: 1, openActions: 4, overdueActions: 1 });
    expect(summary.drafts.map((d) => d.title)).toEqual(["Winter sample"]);
    expect(await iqaQualitySummary(otherIqa)).toMatchObject({ draftCount: 0, openActions: 0 });
  });
});

describe("the assessor's quality assurance", () => {
  it("groups their open actions as overdue, due today, in the next 7 days and later, and shows the IQA's feedback", async () => {
    const mine = await assessorQuality(assessor, new Date("2026-12-02T09:00:00Z"));
    expect(Object.fromEntries(Object.entries(mine.actions).map(([k, v]) => [k, v.map((a) => a.title)]))).toEqual({
      Overdue: ["Action due 2026-11-30"],
      "Due today": ["Action due 2026-12-02"],
      "Next 7 days": ["Action due 2026-12-05"],
      Later: ["Action due 2027-01-15"],
    });
    expect(mine.openTotal).toBe(4);
    expect(mine.verdicts.map((v) => [v.agrees, v.feedback])).toEqual(
      expect.arrayContaining([
        [true, "Clear and sufficient."],
        [false, "The feedback does not say what is missing."],
      ]),
    );
  });

  it("shows another assessor none of it", async () => {
    const someone = await build.user({ centre, roles: ["ASSESSOR"], name: "Kit Lane" });
    const theirs = await assessorQuality(someone);
    expect(theirs.openTotal).toBe(0);
    expect(theirs.verdicts).toEqual([]);
  });
});
