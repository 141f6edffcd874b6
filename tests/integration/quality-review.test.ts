import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "@/lib/canonical-json";
import { ukDay } from "@/lib/format";
import { must } from "@/lib/must";
import { workingDayAfter } from "@/lib/quality/due-day";
import type { ReviewSnapshot } from "@/lib/quality/review-snapshot";
import type { Actor } from "@/server/auth/actor";
import { signOffUnit } from "@/server/assessment/sign-off";
import { startRevision, updateEvidence } from "@/server/portfolio/evidence";
import { NotFoundError } from "@/server/policy";
import { openReview } from "@/server/quality/reviews-open";
import { reviewScreen } from "@/server/quality/reviews-read";
import { verdictHash } from "@/server/quality/reviews-hash";
import { recordVerdict } from "@/server/quality/reviews-verdict";
import { UserFacingError } from "@/server/errors";
import * as build from "../support/builders";
import { evidenceInput } from "../support/actors";
import { freshDatabase } from "../support/db";

const { db } = await freshDatabase();
const home = await build.centre();
const elsewhere = await build.centre();
const fresh = (a: Actor): Actor => ({ ...a, signedInAt: new Date() });
const assessor = await build.user({ centre: home, roles: ["ASSESSOR"], name: "Sam Okafor" });
const iqa = fresh(await build.user({ centre: home, roles: ["IQA"], name: "Priya Shah" }));
const otherIqa = fresh(await build.user({ centre: home, roles: ["IQA"] }));
const learner = await build.user({ centre: home, roles: ["LEARNER"], name: "Jordan Lee" });
const cpc = await build.enrolment({ learner, assessor, iqa, unit: "CPC308" });
const items = {
  A1: await build.submittedItem({ learner, criteria: ["A1"], title: "Board report" }),
  A2: await build.submittedItem({ learner, criteria: ["A2"], title: "Contract notes" }),
};
const decided = {
  A1: await build.signedDecision({ enrolment: cpc, criterion: "A1" }),
  A2: await build.signedDecision({ enrolment: cpc, criterion: "A2" }),
  A3: await build.signedDecision({ enrolment: cpc, criterion: "A3", outcome: "NOT_YET_MET" }),
};
const due = workingDayAfter(ukDay(new Date()), 10, new Set());
const verifier = await build.user({
  centre: home,
  roles: ["EXTERNAL_VERIFIER"],
  window: { startsAt: new Date(), endsAt: new Date(Date.now() + 86_400_000 * 30) },
});
const outsiders = [
  learner,
  verifier,
  await build.user({ centre: elsewhere, roles: ["IQA"] }),
  await build.user({ centre: elsewhere, roles: ["CENTRE_ADMIN"] }),
];

const snapshotOf = async (reviewId: string) => (await db.iqaReview.findUniqueOrThrow({ where: { id: reviewId } })).snapshot as unknown as ReviewSnapshot;
const agree = (itemId: string, over: Record<string, unknown> = {}) => ({
  itemId,
  verdict: "AGREE",
  feedback: "Sound judgement.",
  typedName: "Priya Shah",
  ...over,
});
const disagree = (itemId: string, over: Record<string, unknown> = {}) =>
  agree(itemId, {
    verdict: "DISAGREE",
    feedback: "The evidence does not show A2.",
    actionTitle: "Review A2",
    actionDetail: "Ask for the signed contract.",
    dueOn: due,
    ...over,
  });

async function refusal(work: Promise<unknown>): Promise<UserFacingError> {
  const e = await work.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(UserFacingError);
  return e as UserFacingError;
}

describe("opening a review", () => {
  it("snapshots the current decisions, the evidence they relied on and its files, hashed and audited", async () => {
    const { reviewId } = await openReview(iqa, { enrolmentId: cpc.id, stage: "INTERIM" });
    const review = await db.iqaReview.findUniqueOrThrow({ where: { id: reviewId } });
    const snapshot = review.snapshot as unknown as ReviewSnapshot;
    expect(snapshot.decisions.map((d) => d.criterionCode)).toEqual(["A1", "A2", "A3"]);
    const a1 = must(snapshot.decisions[0], "a1");
    expect(a1).toMatchObject({ id: decided.A1.decisionId, outcome: "MET", assessorName: "Sam Okafor", typedName: "Sam Okafor" });
    expect(a1.evidence).toEqual([items.A1.versionId]);
    const relied = must(
      snapshot.evidence.find((e) => e.id === items.A1.versionId),
      "relied",
    );
    expect(relied).toMatchObject({ title: "Board report", version: 1, method: "WORK_PRODUCT", contentHash: items.A1.contentHash, author: "learner" });
    expect(relied.files[0]).toMatchObject({ name: "evidence.pdf" });
    expect(relied.files[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(review.snapshotHash).toBe(createHash("sha256").update(canonicalJson(review.snapshot)).digest("hex"));
    const audit = await db.auditEvent.findFirstOrThrow({ where: { kind: "quality.review_opened", actorId: iqa.userId } });
    expect(audit.data).toMatchObject({ reviewId, snapshotHash: review.snapshotHash, decisions: 3 });
  });

  it("is frozen: later evidence changes and new decisions do not change what the review shows", async () => {
    const { reviewId } = await openReview(iqa, { enrolmentId: cpc.id, stage: "INTERIM" });
    const before = await reviewScreen(iqa, reviewId);
    // The learner starts a new version of the item relied on and retitles it; the assessor decides A3 again.
    await startRevision(learner, items.A1.id);
    await updateEvidence(learner, items.A1.id, evidenceInput({ title: "Board report, rewritten" }));
    const a3 = await build.submittedItem({ learner, criteria: ["A3"], title: "Later item" });
    const again = await build.signedDecision({ enrolment: cpc, criterion: "A3", evidence: [a3.versionId] });
    const after = await reviewScreen(iqa, reviewId);
    expect(after.snapshot).toEqual(before.snapshot);
    expect(after.snapshot.decisions.find((d) => d.criterionCode === "A3")).toMatchObject({ id: decided.A3.decisionId, outcome: "NOT_YET_MET" });
    expect(after.snapshot.evidence.map((e) => e.title)).not.toContain("Board report, rewritten");
    expect(after.snapshot.evidence.map((e) => e.title)).not.toContain("Later item");
    // A review opened now sees the new decision.
    const later = await snapshotOf((await openReview(iqa, { enrolmentId: cpc.id, stage: "INTERIM" })).reviewId);
    expect(later.decisions.find((d) => d.criterionCode === "A3")?.id).toBe(again.decisionId);
  });

  it("for a plan item: the item's criteria only, once, even when opened twice at once", async () => {
    const [a2] = await build.criteria(cpc, ["A2"]);
    const plan = await db.samplePlan.create({
      data: { centreId: home.id, iqaId: iqa.userId, title: "Autumn", periodStart: new Date("2026-09-01"), periodEnd: new Date("2026-12-31"), seed: 1 },
    });
    const item = await db.samplePlanItem.create({
      data: {
        planId: plan.id,
        enrolmentId: cpc.id,
        stage: "INTERIM",
        criterionIds: [must(a2, "a2").id],
        reasons: ["Assessor not yet sampled"],
        addedBy: "draw",
      },
    });
    const [one, two] = await Promise.all([openReview(iqa, { planItemId: item.id }), openReview(iqa, { planItemId: item.id })]);
    expect(one.reviewId).toBe(two.reviewId);
    expect((await openReview(iqa, { planItemId: item.id })).reviewId).toBe(one.reviewId);
    expect(await db.iqaReview.count({ where: { planItemId: item.id } })).toBe(1);
    expect((await snapshotOf(one.reviewId)).decisions.map((d) => d.criterionCode)).toEqual(["A2"]);
    // Another IQA's plan item is not found for this one.
    await expect(openReview(otherIqa, { planItemId: item.id })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("is refused to anyone but the enrolment's IQA, and summative before a sign-off", async () => {
    for (const who of [assessor, otherIqa, ...outsiders])
      await expect(openReview(fresh(who), { enrolmentId: cpc.id, stage: "INTERIM" }), who.name).rejects.toBeInstanceOf(NotFoundError);
    const e = await refusal(openReview(iqa, { enrolmentId: cpc.id, stage: "SUMMATIVE" }));
    expect(e.message).toMatch(/not been signed off/);
  });
});

describe("an IQA never samples their own decisions", () => {
  it("refuses a review of an enrolment they assess, and leaves out decisions they made", async () => {
    const dual = fresh(await build.user({ centre: home, roles: ["ASSESSOR", "IQA"], name: "Dana Dual" }));
    const learner2 = await build.user({ centre: home, roles: ["LEARNER"] });
    const own = await build.enrolment({ learner: learner2, assessor: dual, iqa: dual, unit: "CPC308" });
    await build.submittedItem({ learner: learner2, criteria: ["A1"] });
    await build.submittedItem({ learner: learner2, criteria: ["A2"] });
    const mine = await build.signedDecision({ enrolment: own, criterion: "A1" });
    const before = await db.iqaReview.count();
    const e = await refusal(openReview(dual, { enrolmentId: own.id, stage: "INTERIM" }));
    expect(e.message).toMatch(/never samples their own decisions/);
    expect(await db.iqaReview.count()).toBe(before);
    // Reassigned to Sam, who decides A2: the review holds Sam's decision and leaves Dana's out.
    await db.enrolment.update({ where: { id: own.id }, data: { assessorId: assessor.userId } });
    const sams = await build.signedDecision({ enrolment: { ...own, assessor }, criterion: "A2" });
    const snapshot = await snapshotOf((await openReview(dual, { enrolmentId: own.id, stage: "INTERIM" })).reviewId);
    expect(snapshot.decisions.map((d) => d.id)).toEqual([sams.decisionId]);
    expect(snapshot.decisions.map((d) => d.id)).not.toContain(mine.decisionId);
    expect(snapshot.ownLeftOut).toBe(1);
  });
});

describe("verdicts", () => {
  it("are signed: typed name, password unless recently signed in, and a hash over the verdict and the decision's signature", async () => {
    const { reviewId } = await openReview(iqa, { enrolmentId: cpc.id, stage: "INTERIM" });
    const review = await db.iqaReview.findUniqueOrThrow({ where: { id: reviewId } });
    const a1 = decided.A1.decisionId;
    expect((await refusal(recordVerdict(iqa, reviewId, agree(a1, { typedName: "Someone Else" })))).fields.typedName).toBeTruthy();
    const stale = { ...iqa, signedInAt: new Date(Date.now() - 3_600_000) };
    expect((await refusal(recordVerdict(stale, reviewId, agree(a1)))).fields.password).toBeTruthy();
    expect((await refusal(recordVerdict(stale, reviewId, agree(a1, { password: "wrong password" })))).message).toMatch(/password is not right/);
    expect((await refusal(recordVerdict(iqa, reviewId, agree(a1, { feedback: " " })))).fields.feedback).toBeTruthy();
    expect(await db.iqaVerdict.count({ where: { reviewId } })).toBe(0);

    const { verdictId } = await recordVerdict(stale, reviewId, agree(a1, { password: build.PASSWORD }));
    const verdict = await db.iqaVerdict.findUniqueOrThrow({ where: { id: verdictId } });
    const decision = await db.decision.findUniqueOrThrow({ where: { id: a1 } });
    expect(verdict).toMatchObject({ agrees: true, decisionId: a1, assessorId: assessor.userId, iqaId: iqa.userId, typedName: "Priya Shah" });
    expect(verdict.signatureHash).toBe(
      verdictHash({
        reviewId,
        snapshotHash: review.snapshotHash,
        itemId: a1,
        kind: "decision",
        judgedHash: decision.signatureHash,
        agrees: true,
        feedback: "Sound judgement.",
        iqaId: iqa.userId,
        typedName: "Priya Shah",
        signedAt: verdict.signedAt,
      }),
    );
    expect(await db.auditEvent.count({ where: { kind: "quality.verdict_signed", actorId: iqa.userId } })).toBeGreaterThan(0);
    // One verdict per decision per review: a second answers clearly and changes nothing.
    const again = await refusal(recordVerdict(iqa, reviewId, disagree(a1)));
    expect(again.message).toMatch(/already recorded a verdict/);
    expect(await db.iqaVerdict.count({ where: { reviewId } })).toBe(1);
    expect(await db.iqaAction.count({ where: { reviewId } })).toBe(0);
  });

  it("a disagreement needs an action with a future working day, raised for the assessor with a notice, all at once", async () => {
    const { reviewId } = await openReview(iqa, { enrolmentId: cpc.id, stage: "INTERIM" });
    const a2 = decided.A2.decisionId;
    const missing = await refusal(recordVerdict(iqa, reviewId, disagree(a2, { actionTitle: "", actionDetail: "", dueOn: "" })));
    expect(Object.keys(missing.fields).sort()).toEqual(["actionDetail", "actionTitle", "dueOn"]);
    let t = Date.parse(`${due}T00:00:00Z`);
    while (new Date(t).getUTCDay() !== 6) t += 86_400_000;
    const saturday = new Date(t).toISOString().slice(0, 10);
    expect((await refusal(recordVerdict(iqa, reviewId, disagree(a2, { dueOn: saturday })))).fields.dueOn).toMatch(/working day/);
    expect((await refusal(recordVerdict(iqa, reviewId, disagree(a2, { dueOn: ukDay(new Date()) })))).fields.dueOn).toMatch(/future/);
    const unread = await db.notification.count({ where: { userId: assessor.userId } });

    const { verdictId, actionId } = await recordVerdict(iqa, reviewId, disagree(a2));
    const action = await db.iqaAction.findUniqueOrThrow({ where: { id: must(actionId, "actionId") } });
    expect(action).toMatchObject({
      verdictId,
      reviewId,
      enrolmentId: cpc.id,
      assessorId: assessor.userId,
      raisedById: iqa.userId,
      title: "Review A2",
      closedAt: null,
    });
    expect(action.dueOn.toISOString().slice(0, 10)).toBe(due);
    const notes = await db.notification.findMany({ where: { userId: assessor.userId }, orderBy: { createdAt: "desc" } });
    expect(notes.length).toBe(unread + 1);
    expect(notes[0]).toMatchObject({ kind: "quality.action_raised", link: `/quality/actions/${actionId}` });
    const raised = await db.auditEvent.findFirstOrThrow({ where: { kind: "quality.action_raised", actorId: iqa.userId }, orderBy: { id: "desc" } });
    expect(raised.data).toMatchObject({ actionId, verdictId });
  });

  it("the review completes when every sampled item has a verdict, once", async () => {
    const { reviewId } = await openReview(iqa, { enrolmentId: cpc.id, stage: "INTERIM" });
    const ids = (await snapshotOf(reviewId)).decisions.map((d) => d.id);
    for (const [i, id] of ids.entries()) {
      const { completed } = await recordVerdict(iqa, reviewId, agree(id));
      expect(completed).toBe(i === ids.length - 1);
      expect((await reviewScreen(iqa, reviewId)).progress).toEqual({ reviewed: i + 1, total: ids.length });
    }
    expect((await db.iqaReview.findUniqueOrThrow({ where: { id: reviewId } })).completedAt).not.toBeNull();
    const done = await db.auditEvent.findMany({ where: { kind: "quality.review_completed" } });
    expect(done.filter((e) => (e.data as { reviewId: string }).reviewId === reviewId)).toHaveLength(1);
    expect((await reviewScreen(iqa, reviewId)).canSign).toBe(false);
  });

  it("verdicts at once: the same decision twice makes one; the last two at once complete the review once", async () => {
    const { reviewId } = await openReview(iqa, { enrolmentId: cpc.id, stage: "INTERIM" });
    const [first, second, third] = (await snapshotOf(reviewId)).decisions.map((d) => d.id);
    const twice = await Promise.allSettled([
      recordVerdict(iqa, reviewId, agree(must(first, "first"))),
      recordVerdict(iqa, reviewId, agree(must(first, "first"))),
    ]);
    expect(twice.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const last = await Promise.all([recordVerdict(iqa, reviewId, agree(must(second, "second"))), recordVerdict(iqa, reviewId, agree(must(third, "third")))]);
    expect(last.filter((r) => r.completed)).toHaveLength(1);
    const done = await db.auditEvent.findMany({ where: { kind: "quality.review_completed" } });
    expect(done.filter((e) => (e.data as { reviewId: string }).reviewId === reviewId)).toHaveLength(1);
  });

  it("summative: the sign-off is sampled too", async () => {
    const learner3 = await build.user({ centre: home, roles: ["LEARNER"] });
    const ag = await build.enrolment({ learner: learner3, assessor, iqa, unit: "AG26" });
    await build.agreedPlan(ag);
    const criteria = await db.criterion.findMany({ where: { unitId: ag.unitId }, select: { code: true } });
    for (const c of criteria) {
      await build.submittedItem({ learner: learner3, criteria: [c.code], unit: "AG26" });
      await build.signedDecision({ enrolment: ag, criterion: c.code });
    }
    await signOffUnit(fresh(assessor), ag.id, { summativeComment: "All met.", typedName: "Sam Okafor" });
    const { reviewId } = await openReview(iqa, { enrolmentId: ag.id, stage: "SUMMATIVE" });
    const snapshot = await snapshotOf(reviewId);
    expect(snapshot.signOff).toMatchObject({ assessorName: "Sam Okafor", summativeComment: "All met." });
    expect((await reviewScreen(iqa, reviewId)).progress.total).toBe(criteria.length + 1);
    const { verdictId } = await recordVerdict(iqa, reviewId, agree(must(snapshot.signOff, "signOff").id));
    expect((await db.iqaVerdict.findUniqueOrThrow({ where: { id: verdictId } })).signOffId).toBe(snapshot.signOff?.id);
  });

  it("only the IQA who opened it signs; others are refused and nothing changes", async () => {
    const { reviewId } = await openReview(iqa, { enrolmentId: cpc.id, stage: "INTERIM" });
    for (const who of [fresh(assessor), otherIqa, ...outsiders.map(fresh)])
      await expect(recordVerdict(who, reviewId, agree(decided.A1.decisionId, { typedName: who.name })), who.name).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.iqaVerdict.count({ where: { reviewId } })).toBe(0);
  });
});

describe("who reads a review", () => {
  it("the centre's IQAs read all of it; the assessor only their decisions; learners, verifiers and other centres never", async () => {
    const other = await build.user({ centre: home, roles: ["ASSESSOR"] });
    const { reviewId } = await openReview(iqa, { enrolmentId: cpc.id, stage: "INTERIM" });
    expect((await reviewScreen(otherIqa, reviewId)).snapshot.decisions).toHaveLength(3);
    expect((await reviewScreen(otherIqa, reviewId)).canSign).toBe(false);
    expect((await reviewScreen(assessor, reviewId)).snapshot.decisions.every((d) => d.assessorId === assessor.userId)).toBe(true);
    for (const who of [other, ...outsiders]) await expect(reviewScreen(who, reviewId), who.name).rejects.toBeInstanceOf(NotFoundError);
  });
});
