import { describe, expect, it } from "vitest";
import { assessorDashboard } from "@/server/home/assessor-dashboard";
import { learnerDashboard } from "@/server/home/learner-dashboard";
import { adminSummary, iqaSummary, verifierSummary } from "@/server/home/staff-dashboards";
import { db } from "@/server/db/client";
import { savePlan } from "@/server/portfolio/plan";
import { createAssessorRecord, sendForCountersign } from "@/server/portfolio/records";
import { setMapping } from "@/server/portfolio/mapping";
import { requestWitnessTestimony } from "@/server/portfolio/witness";
import { NotFoundError } from "@/server/policy";
import { PAGE_SIZE, iqaCover } from "@/server/home/queries";
import { unitProgress } from "@/server/portfolio/progress";
import * as build from "../support/builders";
import { freshDatabase } from "../support/db";
import { must } from "@/lib/must";

await freshDatabase();
const centre = await build.centre();
const assessor = await build.user({ centre, roles: ["ASSESSOR"], name: "Sam Okafor" });
const learner = await build.user({ centre, roles: ["LEARNER"], name: "Taylor Evans" });
const other = await build.user({ centre, roles: ["LEARNER"], name: "Robin Hale" });
const cpc = await build.enrolment({ learner, assessor, unit: "CPC308" });
const ag26 = await build.enrolment({ learner, assessor, unit: "AG26" });
const otherCpc = await build.enrolment({ learner: other, assessor, unit: "CPC308" });

const day = (d: string) => new Date(`${d}T12:00:00Z`);

describe("the learner's dashboard", () => {
  it("counts each unit's criteria by state and lists what to do next, with the latest feedback", async () => {
    await build.submittedItem({ learner, criteria: ["A1", "A2", "A3"], unit: "CPC308" });
    await build.signedDecision({ enrolment: cpc, criterion: "A1" });
    await build.signedDecision({ enrolment: cpc, criterion: "A2", outcome: "NOT_YET_MET", feedback: "Say who approved the budget." });
    // A plan drafted but not yet agreed by the learner.
    const [c1] = await build.criteria(ag26, ["1.1"]);
    await savePlan(assessor, ag26.id, {
      items: [{ criterionIds: [must(c1, "c1").id], method: "OBSERVATION", task: "Observe a review meeting", targetDate: "2026-12-01" }],
    });
    // A record the assessor wrote and sent for countersigning.
    const { id: record } = await createAssessorRecord(assessor, learner.userId, {
      title: "Observation: rota meeting",
      activityFrom: "2026-11-03",
      record: { kind: "OBSERVATION", place: "Office", observed: "Rota planning", narrative: "Planned the rota well." },
    });
    const [a4] = await build.criteria(cpc, ["A4"]);
    await setMapping(assessor, record, { links: [{ criterionId: must(a4, "a4").id, note: "Planned the rota." }], scopeOptionIds: [] });
    await sendForCountersign(assessor, record);

    const board = await learnerDashboard(learner, day("2026-11-22"));
    const cpcUnit = must(
      board.units.find((u) => u.id === cpc.id),
      "board.units.find((u) => u.id === cpc.id)",
    );
    expect(cpcUnit.states).toEqual({ met: 1, awaiting: 1, notYetMet: 1, noEvidence: cpcUnit.states.total - 3, total: cpcUnit.states.total });
    expect(cpcUnit.states.total).toBe(43);
    expect(cpcUnit.assessor?.name).toBe("Sam Okafor");
    expect(board.steps.map((s) => s.kind).sort()).toEqual(["feedback", "plan", "record"]);
    expect(board.steps.find((s) => s.kind === "feedback")).toMatchObject({ text: "Answer feedback on CPC 308 A2", href: `/enrolments/${cpc.id}/progress` });
    expect(board.steps.find((s) => s.kind === "record")).toMatchObject({ href: `/evidence/${record}` });
    expect(board.recentFeedback[0]).toMatchObject({
      outcome: "NOT_YET_MET",
      feedback: "Say who approved the budget.",
      assessor: "Sam Okafor",
      criterion: "A2",
    });
  });

  it("lists the targets of an agreed plan that are near or past while their criteria are unmet", async () => {
    await build.agreedPlan(ag26, { codes: ["1.2"] });
    const soon = await learnerDashboard(learner, day("2027-06-20"));
    expect(soon.steps.filter((s) => s.kind === "target")).toEqual([
      expect.objectContaining({ text: "AG26: Evidence every criterion at work", due: new Date("2027-06-30T00:00:00.000Z") }),
    ]);
    const early = await learnerDashboard(learner, day("2027-01-01"));
    expect(early.steps.filter((s) => s.kind === "target")).toEqual([]);
  });

  it("is only for learners, and shows nobody else's units", async () => {
    await expect(learnerDashboard(assessor)).rejects.toBeInstanceOf(NotFoundError);
    expect((await learnerDashboard(other)).units.map((u) => u.id)).toEqual([otherCpc.id]);
  });
});

describe("the assessor's dashboard", () => {
  it("puts each learner-unit's oldest waiting item under overdue, due today or due this week by the centre's review target", async () => {
    const target = (await db.centre.findUniqueOrThrow({ where: { id: centre.id } })).reviewTargetDays;
    await build.submittedItem({ learner: other, criteria: ["B1"] });
    const queued = await db.criterionJudgement.findFirstOrThrow({ where: { enrolmentId: otherCpc.id, state: "EVIDENCE_SUBMITTED" } });
    // Monday 2 November 2026: `target` working days later is when it falls due.
    await db.criterionJudgement.updateMany({ where: { enrolmentId: otherCpc.id, state: "EVIDENCE_SUBMITTED" }, data: { queuedAt: day("2026-11-02") } });
    expect(queued).toBeTruthy();
    const due = (now: string) => assessorDashboard(assessor, day(now));
    const addWorkingDays = (from: string, n: number) => {
      const d = day(from);
      while (n > 0) {
        d.setUTCDate(d.getUTCDate() + 1);
        if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) n--;
      }
      return d.toISOString().slice(0, 10);
    };
    const dueDay = addWorkingDays("2026-11-02", target);
    expect((await due(dueDay)).dueToday.map((r) => r.id)).toContain(otherCpc.id);
    // Not yet due within the week, it still counts as waiting.
    const early = await due("2026-11-02");
    expect(early.waiting).toBeGreaterThanOrEqual(1);
    expect([...early.overdue, ...early.dueToday, ...early.dueThisWeek].map((r) => r.id)).not.toContain(otherCpc.id);
    expect((await due(addWorkingDays("2026-11-02", target - 2))).dueThisWeek.find((r) => r.id === otherCpc.id)).toMatchObject({ daysLeft: 2 });
    expect((await due(addWorkingDays("2026-11-02", target + 1))).overdue.find((r) => r.id === otherCpc.id)).toMatchObject({ daysLeft: -1 });
  });

  it("lists records waiting for the learner's countersignature and witness requests outstanding", async () => {
    const { id } = await build.submittedItem({ learner: other, criteria: ["B2"], title: "Supervision notes" });
    await requestWitnessTestimony(other, id, {
      witnessName: "Alex Reid",
      witnessEmail: "alex@example.com",
      jobRole: "Manager",
      relationship: "Line manager",
      statement: "Robin ran the supervision.",
    });
    const board = await assessorDashboard(assessor);
    expect(board.awaitingCountersign.map((r) => r.title)).toEqual(["Observation: rota meeting"]);
    expect(board.witnessesOutstanding).toEqual([expect.objectContaining({ witness: "Alex Reid", title: "Supervision notes", learner: "Robin Hale" })]);
  });

  it("is only for assessors, and shows only their own learners", async () => {
    await expect(assessorDashboard(learner)).rejects.toBeInstanceOf(NotFoundError);
    const stranger = await build.user({ centre, roles: ["ASSESSOR"] });
    const board = await assessorDashboard(stranger);
    expect(board.waiting).toBe(0);
    expect([
      ...board.overdue,
      ...board.dueToday,
      ...board.dueThisWeek,
      ...board.nearlyDone,
      ...board.awaitingCountersign,
      ...board.witnessesOutstanding,
    ]).toEqual([]);
  });
});

describe("the IQA's and the admin's summaries", () => {
  it("count what an IQA covers: recent decisions, sign-offs and those awaiting the learner", async () => {
    const iqa = await build.user({ centre, roles: ["IQA"] });
    const learner3 = await build.user({ centre, roles: ["LEARNER"] });
    const covered = await build.enrolment({ learner: learner3, assessor, iqa, unit: "CPC308" });
    await build.submittedItem({ learner: learner3, criteria: ["A1"] });
    await build.signedDecision({ enrolment: covered, criterion: "A1" });
    expect(await iqaSummary(iqa)).toMatchObject({ enrolments: 1, recentDecisions: 1, assessorsDeciding: 1, signedOff: 0, awaitingLearner: 0 });
    await expect(iqaSummary(learner)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("give an IQA the enrolments they cover a page at a time, grouped by assessor and learner", async () => {
    const college = await build.centre();
    const [marker, iqa] = [
      await build.user({ centre: college, roles: ["ASSESSOR"], name: "Ash Marker" }),
      await build.user({ centre: college, roles: ["IQA"] }),
    ];
    const { enrolments } = await build.manyLearners({ centre: college, assessor: marker, count: 11 });
    await db.enrolment.updateMany({ where: { id: { in: enrolments.map((e) => e.id) } }, data: { iqaId: iqa.userId } });
    const first = await iqaCover(iqa);
    expect(first).toMatchObject({ page: 1, pages: Math.ceil(enrolments.length / PAGE_SIZE), total: enrolments.length });
    expect(first.groups.map((g) => g.assessor)).toEqual(["Ash Marker"]);
    const last = await iqaCover(iqa, String(first.pages));
    const rows = (p: typeof first) => p.groups.flatMap((g) => g.learners.flatMap((l) => l.units));
    expect(rows(first)).toHaveLength(PAGE_SIZE);
    expect(rows(last)).toHaveLength(enrolments.length - PAGE_SIZE * (first.pages - 1));
    expect(rows(last)[0]?.learner.name).toBe("Bulk Learner 010");
    // A page out of range or not a number is the first page.
    expect((await iqaCover(iqa, "nonsense")).page).toBe(1);
  });

  it("count what an admin should put right in their centre, and nothing of another", async () => {
    const admin = await build.user({ centre, roles: ["CENTRE_ADMIN"] });
    await build.user({ centre, roles: ["LEARNER"] });
    // A learner role that has ended is not a learner waiting for a unit.
    const former = await build.user({ centre, roles: ["LEARNER"] });
    await db.roleGrant.updateMany({ where: { userId: former.userId }, data: { endsAt: new Date(Date.now() - 60_000) } });
    const summary = await adminSummary(admin, centre.id);
    expect(summary).toMatchObject({ noAssessor: 0, learnersWithoutUnit: 1, disabled: 0 });
    expect(summary.noIqa).toBeGreaterThan(0);
    const elsewhere = await build.centre();
    await expect(adminSummary(admin, elsewhere.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("the verifier's summary", () => {
  it("counts the centres open now, whose access ends soon, and the enrolments and completed units there", async () => {
    const now = day("2026-11-22");
    const verifier = await build.user({ centre, roles: ["EXTERNAL_VERIFIER"], window: { startsAt: day("2026-11-01"), endsAt: day("2026-12-10") } });
    const enrolments = await db.enrolment.count({ where: { centreId: centre.id } });
    const learners = (await db.enrolment.groupBy({ by: ["learnerId"], where: { centreId: centre.id } })).length;
    expect(await verifierSummary(verifier, now)).toEqual({
      centres: 1,
      enrolments,
      learners,
      completed: 0,
      accessEndingSoon: 1,
      nextAccessEnd: day("2026-12-10"),
      warningDays: 30,
    });
    // Further off than the warning, the access is not "ending soon"; a completed unit is one to sample.
    expect(await verifierSummary(verifier, day("2026-11-02"))).toMatchObject({ accessEndingSoon: 0 });
    await db.enrolment.update({ where: { id: ag26.id }, data: { status: "COMPLETED" } });
    expect(await verifierSummary(verifier, now)).toMatchObject({ completed: 1 });
    await db.enrolment.update({ where: { id: ag26.id }, data: { status: "IN_PROGRESS" } });
  });

  it("is only for verifiers, and counts nothing of a centre they have no access to", async () => {
    await expect(verifierSummary(learner)).rejects.toBeInstanceOf(NotFoundError);
    const elsewhere = await build.centre();
    const stranger = await build.user({ centre: elsewhere, roles: ["EXTERNAL_VERIFIER"] });
    expect(await verifierSummary(stranger)).toEqual({
      centres: 1,
      enrolments: 0,
      learners: 0,
      completed: 0,
      accessEndingSoon: 0,
      nextAccessEnd: null,
      warningDays: 30,
    });
  });
});

describe("progress over time", () => {
  it("gives each enrolment its criteria met by day, from the decisions", async () => {
    const progress = await unitProgress(learner, cpc.id);
    expect(progress.metOverTime).toEqual([{ day: new Date().toISOString().slice(0, 10), met: 1 }]);
  });
});
