import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/actor";
import { caseloadRows } from "@/server/assessment/caseload";
import { criterionReview } from "@/server/assessment/review-criterion";
import {
  assignEnrolment,
  changeUnitVersion,
  enrolLearner,
  enrolmentDetail,
  listEnrolments,
  markCertificated,
  withdrawEnrolment,
} from "@/server/centre/enrolments";
import { UserFacingError } from "@/server/errors";
import { NotFoundError } from "@/server/policy";
import { parseUnitFile, standardsDir } from "@/server/standards/load";
import { publishUnits } from "@/server/standards/publish";
import { must } from "@/lib/must";
import * as build from "../support/builders";
import { freshDatabase } from "../support/db";

// A centre admin's enrolments (issue 11, point 4; decision 0032): each rule against real PostgreSQL.
const { db, ownerDb } = await freshDatabase();
const home = await build.centre({ name: "Home" });
const elsewhere = await build.centre({ name: "Elsewhere" });
const admin = await build.user({ centre: home, roles: ["CENTRE_ADMIN"] });
const ada = await build.user({ centre: home, roles: ["ASSESSOR"], name: "Ada Assessor" });
const ben = await build.user({ centre: home, roles: ["ASSESSOR"], name: "Ben Assessor" });
const iqa = await build.user({ centre: home, roles: ["IQA"], name: "Ida Quality" });
const strangerAssessor = await build.user({ centre: elsewhere, roles: ["ASSESSOR"] });
const otherAdmin = await build.user({ centre: elsewhere, roles: ["CENTRE_ADMIN"] });
const outsiders: [string, Actor][] = [
  ["another centre's admin", otherAdmin],
  ["an assessor", ada],
  ["a learner", await build.user({ centre: home, roles: ["LEARNER"] })],
  ["a verifier", await build.user({ centre: home, roles: ["EXTERNAL_VERIFIER"] })],
];
const cpc1 = await db.unit.findFirstOrThrow({ where: { code: "CPC308", version: 1 } });
const ag26 = await db.unit.findFirstOrThrow({ where: { code: "AG26" } });
const today = new Date().toISOString().slice(0, 10);

const newLearner = (name = "Lee Learner") => build.user({ centre: home, roles: ["LEARNER"], name });
const enrolInput = (learner: Actor, over: Record<string, unknown> = {}) => ({
  learnerEmail: learner.email,
  unitId: cpc1.id,
  assessorId: ada.userId,
  iqaId: iqa.userId,
  startedAt: { day: "3", month: "11", year: "2026" },
  ...over,
});
const refusal = async (work: Promise<unknown>) => {
  const e = await work.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(UserFacingError);
  return e as UserFacingError;
};
const events = (kind: string, enrolmentId: string) => db.auditEvent.findMany({ where: { kind, subject: `enrolment:${enrolmentId}` } });

describe("enrolling a learner", () => {
  it("enrols on a published version, starts the assignment history and audits it, once per unit", async () => {
    const learner = await newLearner();
    const { id } = await enrolLearner(admin, enrolInput(learner));
    const row = await db.enrolment.findUniqueOrThrow({ where: { id }, include: { assignments: true } });
    expect(row).toMatchObject({
      centreId: home.id,
      learnerId: learner.userId,
      unitId: cpc1.id,
      assessorId: ada.userId,
      iqaId: iqa.userId,
      status: "IN_PROGRESS",
    });
    expect(row.startedAt.toISOString().slice(0, 10)).toBe("2026-11-03");
    expect(row.assignments.map((a) => [a.role, a.userId, a.endedAt, a.assignedById]).sort()).toEqual([
      ["ASSESSOR", ada.userId, null, admin.userId],
      ["IQA", iqa.userId, null, admin.userId],
    ]);
    expect(await events("enrolment.created", id)).toHaveLength(1);
    const again = await refusal(enrolLearner(admin, enrolInput(learner)));
    expect(again.fields.unitId).toMatch(/already enrolled on CPC 308/);
    expect(await db.enrolment.count({ where: { learnerId: learner.userId } })).toBe(1);
  });

  it("refuses, beside each field, a learner, assessor or IQA who does not hold that role here", async () => {
    const learner = await newLearner();
    const e = await refusal(enrolLearner(admin, enrolInput(learner, { learnerEmail: ada.email, assessorId: strangerAssessor.userId, iqaId: ben.userId })));
    expect(Object.keys(e.fields).sort()).toEqual(["assessorId", "iqaId", "learnerEmail"]);
    const e2 = await refusal(enrolLearner(admin, enrolInput(learner, { assessorId: strangerAssessor.userId, iqaId: "" })));
    expect(e2.fields.assessorId).toMatch(/an assessor of this centre/);
    const e3 = await refusal(enrolLearner(admin, enrolInput(learner, { startedAt: { day: "31", month: "2", year: "2026" } })));
    expect(e3.fields.startedAt).toBeTruthy();
    expect(await db.enrolment.count({ where: { learnerId: learner.userId } })).toBe(0);
  });

  it("refuses a retired unit version, and a draft one", async () => {
    const learner = await newLearner();
    await ownerDb.unit.update({ where: { id: ag26.id }, data: { retiredAt: new Date() } });
    try {
      const e = await refusal(enrolLearner(admin, enrolInput(learner, { unitId: ag26.id })));
      expect(e.fields.unitId).toMatch(/retired/);
    } finally {
      await ownerDb.unit.update({ where: { id: ag26.id }, data: { retiredAt: null } });
    }
    expect(await db.enrolment.count({ where: { learnerId: learner.userId } })).toBe(0);
  });

  it("is refused to anyone who does not administer the centre, as not found", async () => {
    const learner = await newLearner();
    for (const [, who] of outsiders) await expect(enrolLearner(who, { ...enrolInput(learner), centreId: home.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(listEnrolments(otherAdmin, { centre: home.id })).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.enrolment.count({ where: { learnerId: learner.userId } })).toBe(0);
  });
});

describe("assigning and reassigning", () => {
  it("ends the current assignment, starts the new one with its reason, and the new assessor sees the learner at once", async () => {
    const learner = await newLearner("Reassigned Learner");
    const { id } = await enrolLearner(admin, enrolInput(learner));
    expect((await caseloadRows(ben)).some((r) => r.id === id)).toBe(false);
    await assignEnrolment(admin, { enrolmentId: id, role: "ASSESSOR", userId: ben.userId, reason: "Ada is on leave" });
    expect((await caseloadRows(ben)).some((r) => r.id === id)).toBe(true);
    expect((await caseloadRows(ada)).some((r) => r.id === id)).toBe(false);
    const history = await db.enrolmentAssignment.findMany({ where: { enrolmentId: id, role: "ASSESSOR" }, orderBy: { startedAt: "asc" } });
    expect(history.map((h) => [h.userId, h.endedAt !== null, h.reason])).toEqual([
      [ada.userId, true, null],
      [ben.userId, false, "Ada is on leave"],
    ]);
    expect(await events("enrolment.assessor_assigned", id)).toHaveLength(1);
    // The same person again, someone without the role, or the IQA as assessor: refused, nothing written.
    expect((await refusal(assignEnrolment(admin, { enrolmentId: id, role: "ASSESSOR", userId: ben.userId }))).fields.userId).toMatch(/already assigned/);
    await refusal(assignEnrolment(admin, { enrolmentId: id, role: "ASSESSOR", userId: strangerAssessor.userId }));
    await refusal(assignEnrolment(admin, { enrolmentId: id, role: "ASSESSOR", userId: iqa.userId }));
    await assignEnrolment(admin, { enrolmentId: id, role: "IQA", userId: "" });
    expect(await db.enrolment.findUniqueOrThrow({ where: { id } })).toMatchObject({ assessorId: ben.userId, iqaId: null });
    expect(await db.enrolmentAssignment.count({ where: { enrolmentId: id } })).toBe(4);
    const detail = await enrolmentDetail(admin, id);
    expect(detail.assignments[0]).toMatchObject({ role: "IQA", name: null, by: admin.name });
    for (const [, who] of outsiders) {
      await expect(assignEnrolment(who, { enrolmentId: id, role: "ASSESSOR", userId: ada.userId })).rejects.toBeInstanceOf(NotFoundError);
      await expect(enrolmentDetail(who, id)).rejects.toBeInstanceOf(NotFoundError);
    }
    expect((await db.enrolment.findUniqueOrThrow({ where: { id } })).assessorId).toBe(ben.userId);
  });
});

describe("withdrawing and certificating", () => {
  it("withdraws with a reason: off the caseload, no more assessment, not twice", async () => {
    const learner = await newLearner();
    const enrolment = await build.enrolment({ learner, assessor: ada, unit: "CPC308" });
    await build.submittedItem({ learner, criteria: ["A1"] });
    await expect(refusal(withdrawEnrolment(admin, { enrolmentId: enrolment.id, reason: " " }))).resolves.toHaveProperty("fields.reason");
    for (const [, who] of outsiders) await expect(withdrawEnrolment(who, { enrolmentId: enrolment.id, reason: "x" })).rejects.toBeInstanceOf(NotFoundError);
    await withdrawEnrolment(admin, { enrolmentId: enrolment.id, reason: "Left the employer" });
    expect(await db.enrolment.findUniqueOrThrow({ where: { id: enrolment.id } })).toMatchObject({ status: "WITHDRAWN", withdrawalReason: "Left the employer" });
    expect((await caseloadRows(ada)).some((r) => r.id === enrolment.id)).toBe(false);
    await expect(build.signedDecision({ enrolment, criterion: "A1" })).rejects.toThrow(/locked/);
    await expect(build.agreedPlan(enrolment, { codes: ["A1"] })).rejects.toThrow(/withdrawn, so its plan cannot change/);
    await refusal(withdrawEnrolment(admin, { enrolmentId: enrolment.id, reason: "again" }));
    await refusal(assignEnrolment(admin, { enrolmentId: enrolment.id, role: "ASSESSOR", userId: ben.userId }));
    expect(await events("enrolment.withdrawn", enrolment.id)).toHaveLength(1);
  });

  it("records the certificate only once the unit is completed, with a date that makes sense", async () => {
    const learner = await newLearner();
    const enrolment = await build.enrolment({ learner, assessor: ada, unit: "CPC308" });
    const input = { enrolmentId: enrolment.id, certificateNumber: "CERT-0001", certificatedOn: today };
    expect((await refusal(markCertificated(admin, input))).message).toMatch(/only once it is completed/);
    // Completed as the learner's countersignature leaves it (assessment.test.ts covers that path).
    await ownerDb.enrolment.update({ where: { id: enrolment.id }, data: { status: "COMPLETED", completedAt: new Date("2026-10-01T10:00:00Z") } });
    expect((await refusal(markCertificated(admin, { ...input, certificatedOn: "2099-01-01" }))).fields.certificatedOn).toMatch(/future/);
    expect((await refusal(markCertificated(admin, { ...input, certificatedOn: "2026-09-30" }))).fields.certificatedOn).toMatch(/before/);
    for (const [, who] of outsiders) await expect(markCertificated(who, input)).rejects.toBeInstanceOf(NotFoundError);
    await markCertificated(admin, input);
    const row = await db.enrolment.findUniqueOrThrow({ where: { id: enrolment.id } });
    expect(row).toMatchObject({ status: "CERTIFICATED", certificateNumber: "CERT-0001" });
    expect(row.certificatedOn?.toISOString().slice(0, 10)).toBe(today);
    await refusal(markCertificated(admin, { ...input, certificateNumber: "CERT-0002" }));
    expect(await events("enrolment.certificated", enrolment.id)).toHaveLength(1);
  });
});

describe("moving to another version of the unit", async () => {
  // Version 2 rewords A2 and adds Z1; version 3 drops A1 and A2.
  const source = JSON.parse(await readFile(`${standardsDir}/cpc-308.json`, "utf8"));
  const reworded = structuredClone(source);
  reworded.version = 2;
  reworded.sections[0].criteria[1].text = "Give accurate information about resources (reworded)";
  reworded.sections[0].criteria.push({ code: "Z1", kind: "PERFORMANCE", text: "A new criterion", terms: [] });
  const shorter = structuredClone(source);
  shorter.version = 3;
  shorter.sections[0].criteria = shorter.sections[0].criteria.slice(2);

  it("keeps every judgement, decision and link, matched by code, and is audited", async () => {
    const learner = await newLearner("Moving Learner");
    const enrolment = await build.enrolment({ learner, assessor: ada, unit: "CPC308" });
    await build.submittedItem({ learner, criteria: ["A1", "A2"] });
    const met = await build.signedDecision({ enrolment, criterion: "A1" });
    await build.signedDecision({ enrolment, criterion: "A2", outcome: "NOT_YET_MET" });
    await publishUnits(ownerDb, [parseUnitFile("cpc-308-v2.json", JSON.stringify(reworded)), parseUnitFile("cpc-308-v3.json", JSON.stringify(shorter))]);
    const v2 = await db.unit.findFirstOrThrow({ where: { code: "CPC308", version: 2 } });
    const v3 = await db.unit.findFirstOrThrow({ where: { code: "CPC308", version: 3 } });
    const before = {
      judgements: await db.criterionJudgement.findMany({
        where: { enrolmentId: enrolment.id },
        include: { criterion: true },
        orderBy: { criterion: { code: "asc" } },
      }),
      decisions: await db.decision.count({ where: { enrolmentId: enrolment.id } }),
      links: await db.evidenceLink.count({ where: { enrolmentId: enrolment.id } }),
    };

    // A version without A1 and A2 would lose them: refused, naming them, nothing changed.
    const refused = await refusal(changeUnitVersion(admin, { enrolmentId: enrolment.id, unitId: v3.id, reason: "Newer" }));
    expect(refused.fields.unitId).toMatch(/A1, A2/);
    expect((await db.enrolment.findUniqueOrThrow({ where: { id: enrolment.id } })).unitId).toBe(cpc1.id);
    for (const [, who] of outsiders)
      await expect(changeUnitVersion(who, { enrolmentId: enrolment.id, unitId: v2.id, reason: "x" })).rejects.toBeInstanceOf(NotFoundError);
    await refusal(changeUnitVersion(admin, { enrolmentId: enrolment.id, unitId: ag26.id, reason: "Another unit" }));

    const moved = await changeUnitVersion(admin, { enrolmentId: enrolment.id, unitId: v2.id, reason: "The awarding body's new version" });
    expect(moved.changedWording).toEqual(["A2"]);
    expect((await db.enrolment.findUniqueOrThrow({ where: { id: enrolment.id } })).unitId).toBe(v2.id);
    const after = await db.criterionJudgement.findMany({
      where: { enrolmentId: enrolment.id },
      include: { criterion: true },
      orderBy: { criterion: { code: "asc" } },
    });
    expect(after.map((j) => [j.criterion.code, j.criterion.unitId, j.state, j.revision, j.decisionId])).toEqual(
      before.judgements.map((j) => [j.criterion.code, v2.id, j.state, j.revision, j.decisionId]),
    );
    expect(await db.decision.count({ where: { enrolmentId: enrolment.id } })).toBe(before.decisions);
    const links = await db.evidenceLink.findMany({ where: { enrolmentId: enrolment.id }, include: { criterion: true } });
    expect(links).toHaveLength(before.links);
    expect(links.every((l) => l.criterion.unitId === v2.id)).toBe(true);
    expect(await db.enrolmentUnitChange.count({ where: { enrolmentId: enrolment.id, fromUnitId: cpc1.id, toUnitId: v2.id } })).toBe(1);
    expect(await events("enrolment.unit_version_changed", enrolment.id)).toHaveLength(1);

    // The criterion's page still shows the decision made on version 1, and a new decision can follow it.
    const review = await criterionReview(ada, enrolment.id, "A1", {});
    expect(review.state).toBe("MET");
    expect(review.history.rows.map((r) => r.id)).toContain(met.decisionId);
    const onV2 = { ...enrolment, unitId: v2.id };
    await build.signedDecision({ enrolment: onV2, criterion: "A2" });
    expect((await criterionReview(ada, enrolment.id, "A2", {})).history.rows).toHaveLength(2);
  });
});

it("lists the centre's enrolments a page at a time, filtered by unit, assessor and status", async () => {
  const page = await listEnrolments(admin, { assessor: ben.userId });
  expect(page.rows.length).toBeGreaterThan(0);
  expect(page.rows.every((r) => r.assessor?.id === ben.userId)).toBe(true);
  const withdrawn = await listEnrolments(admin, { status: "WITHDRAWN" });
  expect(withdrawn.rows.every((r) => r.status === "WITHDRAWN")).toBe(true);
  expect(withdrawn.total).toBe(1);
  const other = await listEnrolments(otherAdmin, {});
  expect(other.total).toBe(0);
  expect(must(page.rows[0], "row").unit.code).toBeTruthy();
});
