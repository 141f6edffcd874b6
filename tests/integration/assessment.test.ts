import { describe, expect, it } from "vitest";
import { caseload } from "@/server/assessment/caseload";
import { reviewClaim } from "@/server/assessment/claims";
import { decideCriterion } from "@/server/assessment/decide";
import { matrixCsv, trackingMatrix } from "@/server/assessment/matrix";
import { reviewScreen } from "@/server/assessment/review";
import { criterionReview } from "@/server/assessment/review-criterion";
import { decisionHash } from "@/server/assessment/signature";
import { countersignUnit, signOffUnit } from "@/server/assessment/sign-off";
import type { Actor } from "@/server/auth/actor";
import { startRevision, updateEvidence } from "@/server/portfolio/evidence";
import { listNotifications } from "@/server/notifications/notifications";
import { submitEvidence } from "@/server/portfolio/submission";
import { NotFoundError } from "@/server/policy";
import * as build from "../support/builders";
import { evidenceInput } from "../support/actors";
import { freshDatabase } from "../support/db";
import { must } from "@/lib/must";

const { db } = await freshDatabase();
const home = await build.centre();
const elsewhere = await build.centre();
const assessor = await build.user({ centre: home, roles: ["ASSESSOR"], name: "Sam Okafor" });
const iqa = await build.user({ centre: home, roles: ["IQA"] });
const learner = await build.user({ centre: home, roles: ["LEARNER"], name: "Jordan Lee" });
const learner2 = await build.user({ centre: home, roles: ["LEARNER"] });
const cpc = await build.enrolment({ learner, assessor, iqa, unit: "CPC308" });
const ag = await build.enrolment({ learner, assessor, iqa, unit: "AG26" });
for (const unit of ["CPC308", "AG26"]) await build.enrolment({ learner: learner2, assessor, iqa, unit });
// Another assessor's learner in the same centre: not on this assessor's caseload.
await build.enrolment({
  learner: await build.user({ centre: home, roles: ["LEARNER"] }),
  assessor: await build.user({ centre: home, roles: ["ASSESSOR"] }),
  unit: "CPC308",
});
await build.agreedPlan(ag);
await build.submittedItem({ learner, criteria: ["A1"] });
const elsewhereAdmin = await build.user({ centre: elsewhere, roles: ["CENTRE_ADMIN"] });
const fresh = (a: Actor): Actor => ({ ...a, signedInAt: new Date() });
const outsiders = [
  learner2,
  iqa,
  await build.user({ centre: home, roles: ["CENTRE_ADMIN"] }),
  await build.user({ centre: home, roles: ["EXTERNAL_VERIFIER"], window: { startsAt: new Date(), endsAt: new Date(Date.now() + 365 * 86_400_000) } }),
  elsewhereAdmin,
  learner,
];

const judgement = (enrolmentId: string, criterionId: string) =>
  db.criterionJudgement.findUniqueOrThrow({ where: { enrolmentId_criterionId: { enrolmentId, criterionId } } });
const latestSubmitted = (evidenceId: string) =>
  db.evidenceVersion.findFirstOrThrow({ where: { evidenceId, submittedAt: { not: null } }, orderBy: { version: "desc" } });

const decide = async (
  enrolmentId: string,
  criterionId: string,
  outcome: "MET" | "NOT_YET_MET",
  versionIds: string[],
  extra: Record<string, unknown> = {},
  who: Actor = assessor,
) =>
  decideCriterion(who, enrolmentId, {
    criterionId,
    outcome,
    evidenceVersionIds: versionIds,
    typedName: "Sam Okafor",
    password: build.PASSWORD,
    revision: (await judgement(enrolmentId, criterionId)).revision,
    feedback: "",
    ...extra,
  });

describe("a decision per criterion", () => {
  it("is signed: typed name, password, time and a SHA-256 over the decision and the evidence relied on", async () => {
    const { id, criteria } = await build.submittedItem({ learner, criteria: ["A3"] });
    const version = await latestSubmitted(id);
    const { decisionId } = await decide(cpc.id, must(criteria[0], "criteria[0]").id, "MET", [version.id]);
    const decision = await db.decision.findUniqueOrThrow({ where: { id: decisionId }, include: { evidence: true } });
    expect(decision.signatureHash).toBe(
      decisionHash({
        ...decision,
        outcome: decision.outcome,
        evidence: decision.evidence.map((e) => ({ evidenceVersionId: e.evidenceVersionId, contentHash: e.contentHash })),
      }),
    );
    expect(must(decision.evidence[0], "decision.evidence[0]").contentHash).toBe(version.contentHash);
    expect(await judgement(cpc.id, must(criteria[0], "criteria[0]").id)).toMatchObject({ state: "MET", revision: 1, decisionId, stale: false });
    expect(await db.auditEvent.count({ where: { kind: "decision.signed" } })).toBe(1);
    expect((await listNotifications(learner)).some((n) => n.message === "CPC 308 A3 is met.")).toBe(true);
    await expect(db.decision.update({ where: { id: decisionId }, data: { feedback: "changed" } })).rejects.toThrow(/permission denied/);
  });

  it("refuses a wrong password, a wrong name, missing feedback and evidence not mapped to the criterion, writing nothing", async () => {
    const { id, criteria } = await build.submittedItem({ learner, criteria: ["A4"] });
    const other = await build.submittedItem({ learner, criteria: ["A5"] });
    const v = (await latestSubmitted(id)).id;
    const before = await db.decision.count();
    await expect(decide(cpc.id, must(criteria[0], "criteria[0]").id, "MET", [v], { password: "wrong" })).rejects.toThrow(/password is not right/);
    await expect(decide(cpc.id, must(criteria[0], "criteria[0]").id, "MET", [v], { password: undefined })).rejects.toThrow(/Enter your password/);
    await expect(decide(cpc.id, must(criteria[0], "criteria[0]").id, "MET", [v], { typedName: "Someone" })).rejects.toThrow(/full name/);
    await expect(decide(cpc.id, must(criteria[0], "criteria[0]").id, "NOT_YET_MET", [v])).rejects.toThrow(/Give feedback/);
    await expect(decide(cpc.id, must(criteria[0], "criteria[0]").id, "MET", [])).rejects.toThrow(/Name the evidence/);
    await expect(decide(cpc.id, must(criteria[0], "criteria[0]").id, "MET", [(await latestSubmitted(other.id)).id])).rejects.toThrow(
      /mapped to this criterion/,
    );
    expect(await db.decision.count()).toBe(before);
    // A sign-in within the last few minutes stands in for the password.
    await decide(cpc.id, must(criteria[0], "criteria[0]").id, "MET", [v], { password: undefined }, fresh(assessor));
  });

  it("two submissions of the same decision at once produce exactly one", async () => {
    const { id, criteria } = await build.submittedItem({ learner, criteria: ["B7"] });
    const v = (await latestSubmitted(id)).id;
    const revision = (await judgement(cpc.id, must(criteria[0], "criteria[0]").id)).revision;
    const input = { criterionId: must(criteria[0], "criteria[0]").id, outcome: "MET", evidenceVersionIds: [v], typedName: "Sam Okafor", revision };
    const results = await Promise.allSettled([
      decideCriterion(fresh(assessor), cpc.id, input),
      decideCriterion(fresh(assessor), cpc.id, input),
      decideCriterion(fresh(assessor), cpc.id, input),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason.message))).toEqual([
      expect.stringMatching(/decided a moment ago/),
      expect.stringMatching(/decided a moment ago/),
    ]);
    expect(await db.decision.count({ where: { enrolmentId: cpc.id, criterionId: must(criteria[0], "criteria[0]").id } })).toBe(1);
  });

  it("only the enrolment's assessor decides", async () => {
    const { id, criteria } = await build.submittedItem({ learner, criteria: ["C2"] });
    const v = (await latestSubmitted(id)).id;
    for (const who of outsiders)
      await expect(decide(cpc.id, must(criteria[0], "criteria[0]").id, "MET", [v], {}, { ...who, signedInAt: new Date() })).rejects.toBeInstanceOf(
        NotFoundError,
      );
    expect(await db.decision.count({ where: { criterionId: must(criteria[0], "criteria[0]").id } })).toBe(0);
  });
});

describe("the feedback loop and stale decisions", () => {
  it("not yet met → feedback to the learner → new version → back in the queue → met; a changed item makes its met decision stale", async () => {
    const { id, criteria } = await build.submittedItem({ learner, criteria: ["B3", "B4"], title: "Efficiency proposal" });
    const [b3, b4] = criteria as unknown as [{ id: string }, { id: string }];
    const v1 = await latestSubmitted(id);
    await decide(cpc.id, b3.id, "NOT_YET_MET", [v1.id], { feedback: "Say who you sent the recommendations to." });
    await decide(cpc.id, b4.id, "MET", [v1.id]);
    expect((await listNotifications(learner)).some((n) => n.message === "CPC 308 B3 is not yet met. Feedback: Say who you sent the recommendations to.")).toBe(
      true,
    );
    expect((await judgement(cpc.id, b3.id)).state).toBe("NOT_YET_MET");

    await startRevision(learner, id);
    await updateEvidence(learner, id, evidenceInput({ title: "Efficiency proposal, sent to the finance lead" }));
    await submitEvidence(learner, id, { ownWork: true, workplace: true });
    expect(await judgement(cpc.id, b3.id)).toMatchObject({ state: "EVIDENCE_SUBMITTED" });
    expect(await judgement(cpc.id, b4.id)).toMatchObject({ state: "MET", stale: true });
    const screen = await reviewScreen(assessor, cpc.id);
    const b4Row = must(
      screen.sections.flatMap((s) => s.criteria).find((c) => c.id === b4.id),
      "screen.sections.flatMap((s) => s.criteria).find((c) => c.id === b4.id)",
    );
    expect(b4Row.stale).toBe(true);
    expect(must(b4Row.evidence[0], "b4Row.evidence[0]").version).toBe(2);

    const v2 = await latestSubmitted(id);
    await decide(cpc.id, b3.id, "MET", [v2.id]);
    await decide(cpc.id, b4.id, "MET", [v2.id]);
    expect(await judgement(cpc.id, b4.id)).toMatchObject({ state: "MET", stale: false, revision: 2 });
    const history = (await criterionReview(assessor, cpc.id, "B3", {})).history.rows;
    expect(history.map((d) => d.outcome)).toEqual(["MET", "NOT_YET_MET"]);
  });
});

describe("claims", () => {
  it("are confirmed or rejected by the assessor only", async () => {
    const { criteria } = await build.submittedItem({ learner, criteria: ["C6"] });
    const link = await db.evidenceLink.findFirstOrThrow({ where: { criterionId: must(criteria[0], "criteria[0]").id, enrolmentId: cpc.id } });
    for (const who of outsiders) await expect(reviewClaim(who, cpc.id, { linkId: link.id, claim: "CONFIRMED" })).rejects.toBeInstanceOf(NotFoundError);
    await reviewClaim(assessor, cpc.id, { linkId: link.id, claim: "REJECTED" });
    expect((await db.evidenceLink.findUniqueOrThrow({ where: { id: link.id } })).claim).toBe("REJECTED");
    await expect(reviewClaim(assessor, ag.id, { linkId: link.id, claim: "CONFIRMED" })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("unit sign-off", () => {
  it("needs every criterion met, locks the decisions, and completes when the learner countersigns", async () => {
    const codes = ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3"];
    const signOff = { summativeComment: "Consistent, well-evidenced negotiation over six months.", typedName: "Sam Okafor", password: build.PASSWORD };
    const { id, criteria } = await build.submittedItem({ learner, criteria: codes, title: "Service agreement file" });
    const v = (await latestSubmitted(id)).id;
    for (const c of criteria.slice(0, 9)) await decide(ag.id, c.id, "MET", [v], {}, fresh(assessor));
    await expect(signOffUnit(assessor, ag.id, signOff)).rejects.toThrow(/1 of 10 criteria are not met yet/);
    await decide(ag.id, must(criteria[9], "criteria[9]").id, "MET", [v], {}, fresh(assessor));
    await expect(countersignUnit(learner, ag.id, { typedName: "Jordan Lee" })).rejects.toThrow(/not signed this unit off yet/);
    for (const who of outsiders) await expect(signOffUnit(who, ag.id, signOff)).rejects.toBeInstanceOf(NotFoundError);
    await signOffUnit(assessor, ag.id, signOff);
    await expect(decide(ag.id, must(criteria[0], "criteria[0]").id, "NOT_YET_MET", [v], { feedback: "x" }, fresh(assessor))).rejects.toThrow(/locked/);
    await expect(countersignUnit(assessor, ag.id, { typedName: "Sam Okafor" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(countersignUnit(learner, ag.id, { typedName: "Someone" })).rejects.toThrow(/full name/);
    await countersignUnit(learner, ag.id, { typedName: "Jordan Lee" });
    expect(await db.enrolment.findUniqueOrThrow({ where: { id: ag.id } })).toMatchObject({ status: "COMPLETED" });
    await expect(countersignUnit(learner, ag.id, { typedName: "Jordan Lee" })).rejects.toThrow(/already countersigned/);
  });
});

describe("caseload and tracking matrix", () => {
  it("shows each learner's units with completion, work awaiting review and its age, overdue past the target", async () => {
    const today = await caseload(assessor, {});
    // Two learners on two units each; the other assessor's learner is not counted.
    expect(today.total).toBe(4);
    const row = must(
      today.rows.find((r) => r.id === cpc.id),
      "today.rows.find((r) => r.id === cpc.id)",
    );
    expect(row.awaiting).toBeGreaterThan(0);
    expect(row.overdue).toBe(false);
    const later = await caseload(assessor, { overdue: "1" }, new Date(Date.now() + 30 * 86_400_000));
    expect(later.rows.map((r) => r.id)).toContain(cpc.id);
    expect(later.rows.every((r) => r.overdue)).toBe(true);
    const sorted = await caseload(assessor, { sort: "learner", dir: "asc" });
    expect(sorted.rows.map((r) => r.learner.name)).toEqual([...sorted.rows.map((r) => r.learner.name)].sort());
    await expect(caseload(learner, {})).rejects.toBeInstanceOf(NotFoundError);
  });

  it("lays criteria against evidence, per unit and across the learner's units, and as CSV", async () => {
    const one = await trackingMatrix(assessor, { enrolmentId: cpc.id });
    expect(one.rows).toHaveLength(43);
    const all = await trackingMatrix(learner, { learnerId: learner.userId });
    expect(all.rows).toHaveLength(53);
    const csv = matrixCsv(all);
    expect(csv.split("\r\n")[0]).toMatch(/^Unit,Criterion,State,/);
    expect(csv).toContain("CPC 308,A1,submitted");
    await expect(trackingMatrix(elsewhereAdmin, { learnerId: learner.userId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(trackingMatrix(learner2, { enrolmentId: cpc.id })).rejects.toBeInstanceOf(NotFoundError);
  });
});
