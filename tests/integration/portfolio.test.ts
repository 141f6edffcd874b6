import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decideCriterion } from "@/server/assessment/decide";
import { addComment, listComments } from "@/server/portfolio/comments";
import { createEvidence, deleteEvidence, startRevision, updateEvidence } from "@/server/portfolio/evidence";
import { attachUpload, readableFile, removeFile } from "@/server/portfolio/files";
import { setMapping } from "@/server/portfolio/mapping";
import { listNotifications } from "@/server/notifications/notifications";
import { getPlan, savePlan, signPlan } from "@/server/portfolio/plan";
import { unitProgress } from "@/server/portfolio/progress";
import { evidenceDetail, evidenceLibrary } from "@/server/portfolio/queries";
import { submitEvidence, withdrawEvidence } from "@/server/portfolio/submission";
import { NotFoundError, UnauthenticatedError } from "@/server/policy";
import { UserFacingError } from "@/server/errors";
import { pdf, png } from "@/server/demo/sample-files";
import { evidenceInput, received } from "../support/actors";
import * as build from "../support/builders";
import { freshDatabase } from "../support/db";
import { must } from "@/lib/must";

const { db } = await freshDatabase();
const home = await build.centre();
const elsewhere = await build.centre();
const assessor = await build.user({ centre: home, roles: ["ASSESSOR"], name: "Sam Okafor" });
const iqa = await build.user({ centre: home, roles: ["IQA"] });
const admin = await build.user({ centre: home, roles: ["CENTRE_ADMIN"] });
const verifier = await build.user({ centre: home, roles: ["EXTERNAL_VERIFIER"] });
const riversideAdmin = await build.user({ centre: elsewhere, roles: ["CENTRE_ADMIN"] });
const learner = await build.user({ centre: home, roles: ["LEARNER"], name: "Jordan Lee" });
const learner2 = await build.user({ centre: home, roles: ["LEARNER"], name: "Casey Morgan" });
const learner3 = await build.user({ centre: home, roles: ["LEARNER"] });
for (const who of [learner, learner2, learner3]) for (const unit of ["CPC308", "AG26"]) await build.enrolment({ learner: who, assessor, iqa, unit });

const criterion = (unit: string, code: string) => db.criterion.findFirstOrThrow({ where: { code, unit: { code: unit } } });
const enrolmentOf = (learnerId: string, unit: string) => db.enrolment.findFirstOrThrow({ where: { learnerId, unit: { code: unit } } });
const a1 = await criterion("CPC308", "A1");
const b2 = await criterion("CPC308", "B2");
const ag11 = await criterion("AG26", "1.1");
const resourcesOption = await db.scopeOption.findFirstOrThrow({ where: { text: "financial", category: { key: "resources" } } });

async function itemWithFile(who = learner, over: Record<string, unknown> = {}) {
  const { id } = await createEvidence(who, evidenceInput(over));
  await attachUpload(who, id, await received(pdf(`report ${id}`)), "report.pdf");
  return id;
}

describe("adding evidence", () => {
  it("refuses bad input with a message per field and creates nothing", async () => {
    const before = await db.evidence.count();
    const attempt = createEvidence(learner, { title: "", method: "TELEPATHY", activityFrom: "2999-01-01", kind: "IN_PLACE" });
    await expect(attempt).rejects.toBeInstanceOf(UserFacingError);
    const fields = await attempt.catch((e: UserFacingError) => e.fields);
    expect(Object.keys(fields)).toEqual(expect.arrayContaining(["title", "account", "method"]));
    expect(await db.evidence.count()).toBe(before);
  });

  it("records evidence kept in place with its location, holder and relevance", async () => {
    await expect(createEvidence(learner, evidenceInput({ kind: "IN_PLACE" }))).rejects.toThrow(/Say where the evidence is held/);
    const { id } = await createEvidence(
      learner,
      evidenceInput({
        kind: "IN_PLACE",
        location: "Contracts drive, folder 2026/Q1",
        holder: "Contracts team",
        confidential: "on",
        relevance: "Shows the budget monitoring I did",
      }),
    );
    const detail = await evidenceDetail(learner, id);
    expect(detail.latest).toMatchObject({ kind: "IN_PLACE", location: "Contracts drive, folder 2026/Q1", confidential: true });
  });

  it("is only for learners", async () => {
    await expect(createEvidence(assessor, evidenceInput())).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("mapping", () => {
  it("maps one item to criteria of several units, with a note each, and to scope options", async () => {
    const id = await itemWithFile();
    await setMapping(learner, id, {
      links: [
        { criterionId: a1.id, note: "The report gave the board figures on staff hours." },
        { criterionId: ag11.id, note: "I identified the providers we had to agree terms with." },
      ],
      scopeOptionIds: [resourcesOption.id],
    });
    const detail = await evidenceDetail(learner, id);
    expect(detail.links.map((l) => `${l.enrolment.unit.code} ${l.criterion.code}`)).toEqual(["AG26 1.1", "CPC308 A1"]);
    expect(detail.scopeLinks.map((s) => s.scopeOption.text)).toEqual(["financial"]);
    // Taking a claim back keeps the row, marked removed.
    await setMapping(learner, id, { links: [{ criterionId: a1.id, note: "Figures on staff hours." }], scopeOptionIds: [] });
    expect(await db.evidenceLink.count({ where: { evidenceId: id } })).toBe(2);
    expect(await db.evidenceLink.count({ where: { evidenceId: id, removedAt: null } })).toBe(1);
  });

  it("refuses criteria outside the learner's units and notes left empty", async () => {
    const id = await itemWithFile();
    await expect(setMapping(learner, id, { links: [{ criterionId: "00000000-0000-4000-8000-000000000000", note: "x" }], scopeOptionIds: [] })).rejects.toThrow(
      /your own units/,
    );
    await expect(setMapping(learner, id, { links: [{ criterionId: a1.id, note: " " }], scopeOptionIds: [] })).rejects.toThrow(/how the item shows/);
  });
});

describe("submission rules", () => {
  it("needs a mapping and a file", async () => {
    const { id } = await createEvidence(learner, evidenceInput());
    await expect(submitEvidence(learner, id, { ownWork: "on" })).rejects.toThrow(/Map the item/);
    await setMapping(learner, id, { links: [{ criterionId: b2.id, note: "n" }], scopeOptionIds: [] });
    await expect(submitEvidence(learner, id, { ownWork: "on" })).rejects.toThrow(/Upload at least one file/);
    await expect(submitEvidence(learner, id, {})).rejects.toThrow(/own work/);
  });

  it("holds AG26 evidence until the plan is agreed, and asks for the workplace declaration", async () => {
    const id = await itemWithFile(learner2);
    await setMapping(learner2, id, { links: [{ criterionId: ag11.id, note: "Identified the parties." }], scopeOptionIds: [] });
    await expect(submitEvidence(learner2, id, { ownWork: "on", workplace: "on" })).rejects.toThrow(
      /AG26 needs an assessment plan agreed by you and your assessor/,
    );

    const ag = await enrolmentOf(learner2.userId, "AG26");
    await savePlan(assessor, ag.id, {
      items: [{ criterionIds: [ag11.id], method: "OBSERVATION", task: "Observe a negotiation meeting", targetDate: "2026-12-01" }],
    });
    const plan = await getPlan(learner2, ag.id);
    const hash = must(plan.versions[0], "plan.versions[0]").contentHash;
    await signPlan(learner2, ag.id, { typedName: "Casey Morgan", contentHash: hash });
    await expect(submitEvidence(learner2, id, { ownWork: "on", workplace: "on" })).rejects.toThrow(/Agree the plan first/);
    await signPlan(assessor, ag.id, { typedName: "sam okafor", contentHash: hash });

    await expect(submitEvidence(learner2, id, { ownWork: "on" })).rejects.toThrow(/does not allow simulation/);
    await submitEvidence(learner2, id, { ownWork: "on", workplace: "on" });
    const judgement = await db.criterionJudgement.findUniqueOrThrow({ where: { enrolmentId_criterionId: { enrolmentId: ag.id, criterionId: ag11.id } } });
    expect(judgement.state).toBe("EVIDENCE_SUBMITTED");
    expect((await listNotifications(assessor)).some((n) => n.message.includes("Casey Morgan submitted"))).toBe(true);
  });
});

describe("immutability and versions", () => {
  it("never changes a submitted version; an edit makes a new version and the old one stays", async () => {
    const id = await itemWithFile();
    await setMapping(learner, id, { links: [{ criterionId: b2.id, note: "Shared the figures." }], scopeOptionIds: [] });
    await submitEvidence(learner, id, { ownWork: "on" });
    const v1 = await db.evidenceVersion.findFirstOrThrow({ where: { evidenceId: id, version: 1 } });
    expect(v1.contentHash).toMatch(/^[0-9a-f]{64}$/);

    await expect(updateEvidence(learner, id, evidenceInput({ title: "Changed" }))).rejects.toThrow(/cannot change/);
    await expect(setMapping(learner, id, { links: [], scopeOptionIds: [] })).rejects.toThrow(/make a new version/);
    // Even a direct write is refused by the database.
    await expect(db.evidenceVersion.update({ where: { id: v1.id }, data: { title: "Sneaky" } })).rejects.toThrow(/cannot change/);
    await expect(db.evidenceFile.deleteMany({ where: { versionId: v1.id } })).rejects.toThrow(/cannot change/);

    await startRevision(learner, id);
    await updateEvidence(learner, id, evidenceInput({ title: "Resource use report, corrected" }));
    const detail = await evidenceDetail(learner, id);
    expect(detail.versions.map((v) => [v.version, v.title, Boolean(v.submittedAt)])).toEqual([
      [2, "Resource use report, corrected", false],
      [1, "Resource use report for March", true],
    ]);
    expect(must(detail.versions[0], "detail.versions[0]").files.map((f) => f.sha256)).toEqual(
      must(detail.versions[1], "detail.versions[1]").files.map((f) => f.sha256),
    );
    await removeFile(learner, must(must(detail.versions[0], "detail.versions[0]").files[0], 'must(detail.versions[0], "detail.versions[0]").files[0]').id);
    expect((await db.evidenceVersion.findUniqueOrThrow({ where: { id: v1.id }, include: { files: true } })).files).toHaveLength(1);
    await expect(
      removeFile(learner, must(must(detail.versions[1], "detail.versions[1]").files[0], 'must(detail.versions[1], "detail.versions[1]").files[0]').id),
    ).rejects.toThrow(/cannot change/);
  });

  it("deletes a draft never submitted, and keeps anything once submitted", async () => {
    const draft = await itemWithFile();
    await deleteEvidence(learner, draft);
    expect(await db.evidence.count({ where: { id: draft } })).toBe(0);
    const kept = await itemWithFile();
    await setMapping(learner, kept, { links: [{ criterionId: b2.id, note: "n" }], scopeOptionIds: [] });
    await submitEvidence(learner, kept, { ownWork: "on" });
    await expect(deleteEvidence(learner, kept)).rejects.toThrow(/kept/);
  });

  it("withdraws a submission not yet judged, and not once a decision relied on it", async () => {
    const c = await criterion("CPC308", "C5");
    const cpc = await enrolmentOf(learner.userId, "CPC308");
    const id = await itemWithFile();
    await setMapping(learner, id, { links: [{ criterionId: c.id, note: "n" }], scopeOptionIds: [] });
    await submitEvidence(learner, id, { ownWork: "on" });
    await withdrawEvidence(learner, id);
    expect((await db.evidence.findUniqueOrThrow({ where: { id } })).status).toBe("WITHDRAWN");
    expect((await db.criterionJudgement.findUniqueOrThrow({ where: { enrolmentId_criterionId: { enrolmentId: cpc.id, criterionId: c.id } } })).state).toBe(
      "NOT_STARTED",
    );

    await startRevision(learner, id);
    await submitEvidence(learner, id, { ownWork: "on" });
    const v2 = await db.evidenceVersion.findFirstOrThrow({ where: { evidenceId: id, version: 2 } });
    const judgement = await db.criterionJudgement.findUniqueOrThrow({ where: { enrolmentId_criterionId: { enrolmentId: cpc.id, criterionId: c.id } } });
    await decideCriterion(assessor, cpc.id, {
      criterionId: c.id,
      outcome: "MET",
      evidenceVersionIds: [v2.id],
      typedName: "Sam Okafor",
      password: build.PASSWORD,
      revision: judgement.revision,
    });
    await expect(withdrawEvidence(learner, id)).rejects.toThrow(/already made a decision/);
  });
});

describe("the assessment plan", () => {
  it("needs both signatures on the same version; an edit after signing makes a new version", async () => {
    const cpc = await enrolmentOf(learner2.userId, "CPC308");
    const item = { criterionIds: [a1.id, b2.id], method: "WORK_PRODUCT", task: "Monthly resource report", targetDate: "2026-12-15" };
    await savePlan(assessor, cpc.id, { items: [item] });
    let plan = await getPlan(learner2, cpc.id);
    await expect(
      signPlan(learner2, cpc.id, { typedName: "Someone Else", contentHash: must(plan.versions[0], "plan.versions[0]").contentHash }),
    ).rejects.toThrow(/Type your full name/);
    await signPlan(learner2, cpc.id, { typedName: "Casey  Morgan", contentHash: must(plan.versions[0], "plan.versions[0]").contentHash });
    await expect(
      signPlan(learner2, cpc.id, { typedName: "Casey Morgan", contentHash: must(plan.versions[0], "plan.versions[0]").contentHash }),
    ).rejects.toThrow(/already signed/);

    await savePlan(assessor, cpc.id, { items: [item, { ...item, task: "Observation of a board presentation", method: "OBSERVATION" }] });
    plan = await getPlan(learner2, cpc.id);
    expect(plan.versions.map((v) => [v.version, v.signatures.length, v.items.length])).toEqual([
      [2, 0, 2],
      [1, 1, 1],
    ]);
    await expect(signPlan(assessor, cpc.id, { typedName: "Sam Okafor", contentHash: must(plan.versions[1], "plan.versions[1]").contentHash })).rejects.toThrow(
      /plan changed/,
    );
    await signPlan(assessor, cpc.id, { typedName: "Sam Okafor", contentHash: must(plan.versions[0], "plan.versions[0]").contentHash });
    expect((await getPlan(learner2, cpc.id)).agreed).toBe(false);
    await signPlan(learner2, cpc.id, { typedName: "Casey Morgan", contentHash: must(plan.versions[0], "plan.versions[0]").contentHash });
    expect((await getPlan(learner2, cpc.id)).agreed).toBe(true);
  });

  it("is drafted only by the enrolment's assessor and signed only by its learner and assessor", async () => {
    const cpc = await enrolmentOf(learner.userId, "CPC308");
    const items = { items: [{ criterionIds: [a1.id], method: "WORK_PRODUCT", task: "t", targetDate: "2026-12-01" }] };
    for (const who of [learner, learner2, iqa, admin, verifier, riversideAdmin])
      await expect(savePlan(who, cpc.id, items)).rejects.toBeInstanceOf(NotFoundError);
    await savePlan(assessor, cpc.id, items);
    const hash = must((await getPlan(learner, cpc.id)).versions[0], "(await getPlan(learner, cpc.id)).versions[0]").contentHash;
    await expect(signPlan(learner2, cpc.id, { typedName: "Casey Morgan", contentHash: hash })).rejects.toBeInstanceOf(NotFoundError);
    await expect(signPlan(iqa, cpc.id, { typedName: "Priya Shah", contentHash: hash })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getPlan(riversideAdmin, cpc.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(savePlan(assessor, cpc.id, { items: [{ ...items.items[0], criterionIds: [ag11.id] }] })).rejects.toThrow(/this unit only/);
  });
});

describe("who sees what", () => {
  it("lets the learner, their assessor and IQA, and the centre admin read an item; nobody else", async () => {
    const id = await itemWithFile();
    const fileId = must((await evidenceDetail(learner, id)).latest.files[0], "(await evidenceDetail(learner, id)).latest.files[0]").id;
    for (const who of [learner, assessor, iqa, admin]) {
      await expect(evidenceDetail(who, id)).resolves.toBeTruthy();
      await expect(readableFile(who, fileId)).resolves.toBeTruthy();
    }
    for (const who of [learner2, verifier, riversideAdmin]) {
      await expect(evidenceDetail(who, id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(readableFile(who, fileId)).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(evidenceDetail(learner, "not-an-id")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("lets only the owner change an item", async () => {
    const id = await itemWithFile();
    for (const who of [learner2, assessor, iqa, admin, riversideAdmin]) {
      await expect(updateEvidence(who, id, evidenceInput())).rejects.toBeInstanceOf(NotFoundError);
      await expect(setMapping(who, id, { links: [], scopeOptionIds: [] })).rejects.toBeInstanceOf(NotFoundError);
      await expect(submitEvidence(who, id, { ownWork: "on" })).rejects.toBeInstanceOf(NotFoundError);
      await expect(withdrawEvidence(who, id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(deleteEvidence(who, id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(startRevision(who, id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(attachUpload(who, id, await received(png()), "p.png")).rejects.toBeInstanceOf(NotFoundError);
    }
  });
});

describe("comments", () => {
  it("threads between learner and assessor and notifies the other side", async () => {
    const id = await itemWithFile();
    const { id: first } = await addComment(learner, id, { body: "Is this enough for A1?" });
    expect((await listNotifications(assessor)).some((n) => n.message === "Jordan Lee commented on “Resource use report for March”.")).toBe(true);
    await addComment(assessor, id, { body: "Add the board minutes too.", parentId: first });
    expect((await listNotifications(learner)).some((n) => n.link.startsWith(`/evidence/${id}#comment-`))).toBe(true);
    const thread = await listComments(iqa, id);
    expect(thread.map((c) => [c.body, c.replies.map((r) => r.body)])).toEqual([["Is this enough for A1?", ["Add the board minutes too."]]]);
    await expect(addComment(iqa, id, { body: "hi" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(addComment(learner2, id, { body: "hi" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(addComment(learner, id, { body: "  " })).rejects.toThrow(/Write a comment/);
  });
});

describe("progress and the library", () => {
  it("shows each criterion's state, backing, scope coverage and completion", async () => {
    const l3 = learner3;
    const cpc = await enrolmentOf(l3.userId, "CPC308");
    let progress = await unitProgress(l3, cpc.id);
    expect(progress.totals).toMatchObject({ criteria: 43, met: 0, submitted: 0 });
    const id = await itemWithFile(l3, { activityFrom: "2026-02-01" });
    await setMapping(l3, id, { links: [{ criterionId: a1.id, note: "n" }], scopeOptionIds: [resourcesOption.id] });
    await submitEvidence(l3, id, { ownWork: "on" });
    progress = await unitProgress(l3, cpc.id);
    const row = must(must(progress.sections[0], "progress.sections[0]").criteria[0], 'must(progress.sections[0], "progress.sections[0]").criteria[0]');
    expect(row).toMatchObject({ code: "A1", state: "EVIDENCE_SUBMITTED", items: 1, methods: ["WORK_PRODUCT"] });
    expect(row.dates.map((d) => d.toISOString().slice(0, 10))).toEqual(["2026-02-01"]);
    expect(
      must(
        must(
          progress.scope.find((s) => s.name === "Resources"),
          'progress.scope.find((s) => s.name === "Resources")',
        ).options.find((o) => o.text === "financial"),
        'must(progress.scope.find((s) => s.name === "Resources"), "progress.scope.find((s) => s.name === \\"Resources\\")").options.find((o) => o.text === "financial")',
      ).covered,
    ).toBe(true);
    expect(progress.totals.submitted).toBe(1);
    await expect(unitProgress(learner, cpc.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("lists, filters, searches and pages the learner's items", async () => {
    const all = await evidenceLibrary(learner, {});
    expect(all.total).toBeGreaterThan(5);
    expect(all.rows.every((r) => r.learnerId === learner.userId)).toBe(true);
    expect((await evidenceLibrary(learner, { unit: "ag26" })).rows.every((r) => r.links.some((l) => l.enrolment.unit.displayCode === "AG26"))).toBe(true);
    expect((await evidenceLibrary(learner, { state: "WITHDRAWN" })).total).toBe(0);
    expect((await evidenceLibrary(learner, { q: "CORRECTED" })).rows.map((r) => r.title)).toEqual(["Resource use report, corrected"]);
    expect((await evidenceLibrary(learner, { method: "OBSERVATION" })).total).toBe(0);
    expect((await evidenceLibrary(learner, { criterion: a1.id })).total).toBeGreaterThan(0);
    const byCode = await evidenceLibrary(learner, { code: "a1", unit: "CPC308" });
    expect(byCode.total).toBe((await evidenceLibrary(learner, { criterion: a1.id })).total);
    expect((await evidenceLibrary(learner, { code: "A1", unit: "AG26" })).total).toBe(0);
    expect((await evidenceLibrary(learner, { from: "2027-01-01" })).total).toBe(0);
    // The filter form's day / month / year boxes; boxes left empty filter nothing.
    expect((await evidenceLibrary(learner, { "from-day": "1", "from-month": "1", "from-year": "2027" })).total).toBe(0);
    expect((await evidenceLibrary(learner, { "to-day": "31", "to-month": "12", "to-year": "1999" })).total).toBe(0);
    expect((await evidenceLibrary(learner, { "from-day": "", "from-month": "", "from-year": "" })).total).toBe(all.total);
    const odd = await evidenceLibrary(learner, { "from-day": "31", "from-month": "2", "from-year": "2026" });
    expect([odd.invalid, odd.total]).toEqual([true, all.total]);
    const assessorView = await evidenceLibrary(assessor, { learner: learner.userId });
    expect(assessorView.total).toBe(all.total);
    expect((await evidenceLibrary(riversideAdmin, { learner: learner.userId })).total).toBe(0);
  });
});

describe("stored files", () => {
  it("are kept under their hash outside public/", async () => {
    const id = await itemWithFile();
    const file = await readableFile(
      learner,
      must((await evidenceDetail(learner, id)).latest.files[0], "(await evidenceDetail(learner, id)).latest.files[0]").id,
    );
    expect(file.path).toContain(file.sha256);
    expect(file.path).not.toContain("public");
    expect(existsSync(file.path)).toBe(true);
  });
});
