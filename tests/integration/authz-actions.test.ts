import { describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/actor";
import { pdf } from "@/server/demo/sample-files";
import { reviewClaim } from "@/server/assessment/claims";
import { decideCriteria } from "@/server/assessment/decide";
import { countersignUnit, signOffUnit } from "@/server/assessment/sign-off";
import { reopenCriterion } from "@/server/quality/reopen-criterion";
import { unlockSignOff } from "@/server/quality/unlock-sign-off";
import { addComment } from "@/server/portfolio/comments";
import { requestWitnessTestimony, respondToWitnessRequest } from "@/server/portfolio/witness";
import { createAssessorRecord, sendForCountersign, updateAssessorRecord } from "@/server/portfolio/records";
import { createEvidence, deleteEvidence, startRevision, updateEvidence } from "@/server/portfolio/evidence";
import { attachUpload, removeFile } from "@/server/portfolio/files";
import { setMapping } from "@/server/portfolio/mapping";
import { listNotifications, markNotificationsRead } from "@/server/notifications/notifications";
import { getPlan, savePlan, signPlan } from "@/server/portfolio/plan";
import { submitEvidence, withdrawEvidence } from "@/server/portfolio/submission";
import { NotFoundError } from "@/server/policy";
import { checkIntegrityNow } from "@/server/audit/status";
import { changePassword } from "@/server/auth/change-password";
import { startSession, touchLiveSession } from "@/server/auth/sessions";
import { setAccountActive, signOutEverywhere } from "@/server/centre/accounts";
import { deactivatePerson, endRole, grantRole, invitePerson, reactivatePerson, resendInvitation } from "@/server/centre/people-changes";
import { setPasswordWithLink, forgottenPassword } from "@/server/auth/password-link-use";
import { signOutMyselfEverywhere } from "@/server/auth/sign-out-everywhere";
import { assignEnrolment, changeUnitVersion, enrolLearner, markCertificated, withdrawEnrolment } from "@/server/centre/enrolments";
import { applyImport, previewImport } from "@/server/centre/import";
import { createApiToken, revokeApiToken } from "@/server/api/tokens";
import { UserFacingError } from "@/server/errors";
import { addBankHolidays, addClosure, removeClosure, updateCentreSettings } from "@/server/centre/settings";
import { publishUnitVersion, retireUnitVersion, uploadUnitDraft } from "@/server/standards/manage";
import { createPlan } from "@/server/quality/plans";
import { addPlanItem, redrawPlan, removePlanItem } from "@/server/quality/plan-edits";
import { signPlan as signSamplePlan } from "@/server/quality/plan-sign";
import { openReview } from "@/server/quality/reviews-open";
import { recordVerdict } from "@/server/quality/reviews-verdict";
import { closeAction, respondToAction } from "@/server/quality/actions-loop";
import { removeUnitStrategy, saveStrategy } from "@/server/quality/strategy-write";
import { rateAssessor } from "@/server/quality/risk-rate";
import { readFileSync } from "node:fs";
import { serverActions } from "../support/authz-registry";
import { evidenceInput, received } from "../support/actors";
import * as build from "../support/builders";
import { freshDatabase } from "../support/db";
import { must } from "@/lib/must";

// Every server action calls one function of src/server with the acting user; each probe calls that
// function as people without the right: another learner, another centre, a verifier. Signed-out
// visitors never reach these functions: the edge sends them to sign in (tests/e2e/server-actions.spec.ts).
const { db } = await freshDatabase();
const home = await build.centre();
const elsewhere = await build.centre();
const owner = await build.user({ centre: home, roles: ["LEARNER"] });
const cpc = await build.enrolment({ learner: owner, assessor: await build.user({ centre: home, roles: ["ASSESSOR"] }), unit: "CPC308" });
const outsiders: [string, Actor][] = [
  ["another learner", await build.user({ centre: home, roles: ["LEARNER"] })],
  ["another centre's admin", await build.user({ centre: elsewhere, roles: ["CENTRE_ADMIN"] })],
  ["another centre's learner", await build.user({ centre: elsewhere, roles: ["LEARNER"] })],
  ["a verifier", await build.user({ centre: home, roles: ["EXTERNAL_VERIFIER"] })],
];
// A submitted item whose claim may be reviewed, a draft with a file, and a plan awaiting signatures.
await build.submittedItem({ learner: owner, criteria: ["A1"] });
const { id: evidenceId } = await createEvidence(owner, evidenceInput());
const file = await attachUpload(owner, evidenceId, await received(pdf("authz")), "a.pdf");
const notificationsBefore = (await listNotifications(owner)).length;
const a1 = await db.criterion.findFirstOrThrow({ where: { code: "A1", unit: { code: "CPC308" } } });
await savePlan(must(cpc.assessor, "cpc.assessor"), cpc.id, { items: [{ criterionIds: [a1.id], method: "WORK_PRODUCT", task: "t", targetDate: "2026-12-01" }] });
const planHash = must((await getPlan(owner, cpc.id)).versions[0], "(await getPlan(owner, cpc.id)).versions[0]").contentHash;
const ownerSession = await db.$transaction((tx) => startSession(tx, owner.userId, null));
const ownerHash = (await db.user.findUniqueOrThrow({ where: { id: owner.userId } })).passwordHash;
// The home centre's settings with a closure, and a draft unit version its admin uploaded.
const homeAdmin = await build.user({ centre: home, roles: ["CENTRE_ADMIN"] });
await addClosure(homeAdmin, { centreId: home.id, day: "2027-03-01", name: "Training day" });
const draftText = readFileSync("prisma/standards/ag26.json", "utf8").replace(/"version": 1/, '"version": 99');
const draft = await uploadUnitDraft(homeAdmin, new File([draftText], "ag26.json"));
const published = await db.unit.findFirstOrThrow({ where: { code: "CPC308", status: "PUBLISHED" } });
const csvFile = (text: string) => new File([text], "learners.csv", { type: "text/csv" });
const learnerCsv = `Name,Email,Unit codes,Assessor email,IQA email,Start date\r\nNew Person,new.person@test.example,AG26,,,3/11/2026\r\n`;
const { id: importId } = await previewImport(homeAdmin, { file: csvFile(learnerCsv) });
const link = await db.evidenceLink.findFirstOrThrow({ where: { enrolmentId: cpc.id, removedAt: null, evidence: { status: "SUBMITTED" } } });

// A draft sample plan of the home centre's IQA, with its items.
const homeIqa = await build.user({ centre: home, roles: ["IQA"] });
await db.enrolment.update({ where: { id: cpc.id }, data: { iqaId: homeIqa.userId } });
const samplePlan = await createPlan(homeIqa, { centreId: home.id, title: "Sample", periodStart: "2026-01-01", periodEnd: "2027-12-31" });
const samplePlanRow = await db.samplePlan.findUniqueOrThrow({ where: { id: samplePlan.id } });
const sampleItem = await db.samplePlanItem.findFirstOrThrow({ where: { planId: samplePlan.id } });

// A review the home IQA opened on the owner's unit, and an action raised for its assessor.
const review = await db.iqaReview.create({
  data: { centreId: home.id, enrolmentId: cpc.id, iqaId: homeIqa.userId, stage: "INTERIM", snapshot: { decisions: [] }, snapshotHash: "0".repeat(64) },
});
const iqaAction = await db.iqaAction.create({
  data: {
    centreId: home.id,
    reviewId: review.id,
    enrolmentId: cpc.id,
    assessorId: must(cpc.assessor, "cpc.assessor").userId,
    raisedById: homeIqa.userId,
    title: "Decide A1 again",
    detail: "Look again.",
    dueOn: new Date("2099-01-05"),
  },
});

const homeToken = await createApiToken(await build.user({ centre: home, roles: ["CENTRE_ADMIN"] }), { name: "MIS" });

const probes: Record<string, (actor: Actor) => Promise<unknown>> = {
  createApiTokenAction: (a) => createApiToken(a, { name: "hijack", centreId: home.id }),
  revokeApiTokenAction: (a) => revokeApiToken(a, { tokenId: homeToken.id }),
  addEvidenceAction: (a) => createEvidence(a, evidenceInput()),
  updateEvidenceAction: (a) => updateEvidence(a, evidenceId, evidenceInput({ title: "hijacked" })),
  startRevisionAction: (a) => startRevision(a, evidenceId),
  deleteEvidenceAction: (a) => deleteEvidence(a, evidenceId),
  submitEvidenceAction: (a) => submitEvidence(a, evidenceId, { ownWork: "on", workplace: "on" }),
  withdrawEvidenceAction: (a) => withdrawEvidence(a, evidenceId),
  setMappingAction: (a) => setMapping(a, evidenceId, { links: [], scopeOptionIds: [] }),
  removeFileAction: (a) => removeFile(a, file.id),
  addCommentAction: (a) => addComment(a, evidenceId, { body: "hello" }),
  savePlanAction: (a) => savePlan(a, cpc.id, { items: [{ criterionIds: [a1.id], method: "WORK_PRODUCT", task: "x", targetDate: "2026-12-01" }] }),
  signPlanAction: (a) => signPlan(a, cpc.id, { typedName: a.name, contentHash: planHash }),
  decideManyAction: (a) =>
    decideCriteria({ ...a, signedInAt: new Date() }, cpc.id, {
      decisions: [{ criterionId: a1.id, outcome: "NOT_YET_MET", feedback: "no", revision: 0 }],
      typedName: a.name,
    }),
  reviewClaimAction: (a) => reviewClaim(a, cpc.id, { linkId: link.id, claim: "REJECTED" }),
  signOffUnitAction: (a) => signOffUnit({ ...a, signedInAt: new Date() }, cpc.id, { summativeComment: "done", typedName: a.name }),
  countersignUnitAction: (a) => countersignUnit(a, cpc.id, { typedName: a.name }),
  reopenCriterionAction: (a) => reopenCriterion(a, { enrolmentId: cpc.id, criterionId: a1.id, reason: "hijacked" }),
  unlockSignOffAction: (a) => unlockSignOff(a, { enrolmentId: cpc.id, reason: "hijacked" }),
  createRecordAction: (a) =>
    createAssessorRecord(a, owner.userId, {
      title: "t",
      activityFrom: "2026-11-01",
      record: { kind: "OBSERVATION", place: "p", observed: "o", narrative: "n" },
    }),
  sendForCountersignAction: (a) => sendForCountersign(a, evidenceId),
  updateRecordAction: (a) =>
    updateAssessorRecord(a, evidenceId, { title: "t", activityFrom: "2026-11-01", record: { kind: "OBSERVATION", place: "p", observed: "o", narrative: "n" } }),
  requestWitnessAction: (a) =>
    requestWitnessTestimony(a, evidenceId, { witnessName: "W", witnessEmail: "w@example.com", jobRole: "Manager", relationship: "Manager", statement: "S" }),
  // Public by design: the token is the credential, so every caller without a valid token is refused alike;
  // a signed-in caller is refused whatever the token (the link is only for the witness).
  respondToWitnessAction: async (a) => {
    await expect(respondToWitnessRequest(null, "made-up-token-made-up-token", { outcome: "CONFIRMED", confirmedName: "x" }, null)).rejects.toThrow(/not valid/);
    await expect(respondToWitnessRequest(a, "made-up-token-made-up-token", { outcome: "CONFIRMED", confirmedName: "x" }, null)).rejects.toThrow(
      /only for the witness/,
    );
    throw new NotFoundError();
  },
  enrolLearnerAction: (a) =>
    enrolLearner(a, { centreId: home.id, learnerEmail: owner.email, unitId: cpc.unitId, startedAt: "2026-11-03", assessorId: "", iqaId: "" }),
  assignEnrolmentAction: (a) => assignEnrolment(a, { enrolmentId: cpc.id, role: "ASSESSOR", userId: "" }),
  withdrawEnrolmentAction: (a) => withdrawEnrolment(a, { enrolmentId: cpc.id, reason: "hijacked" }),
  markCertificatedAction: (a) => markCertificated(a, { enrolmentId: cpc.id, certificateNumber: "X", certificatedOn: "2026-11-03" }),
  changeUnitVersionAction: (a) => changeUnitVersion(a, { enrolmentId: cpc.id, unitId: cpc.unitId, reason: "hijacked" }),
  previewImportAction: (a) => previewImport(a, { file: csvFile(learnerCsv), centreId: home.id }),
  applyImportAction: (a) => applyImport(a, { importId }),
  signOutEverywhereAction: (a) => signOutEverywhere(a, { userId: owner.userId }),
  invitePersonAction: (a) => invitePerson(a, { centreId: home.id, name: "Sly", email: "sly@example.com", roles: ["CENTRE_ADMIN"] }),
  resendInvitationAction: (a) => resendInvitation(a, { centreId: home.id, userId: owner.userId }),
  deactivatePersonAction: (a) => deactivatePerson(a, { centreId: home.id, userId: owner.userId, reason: "probe" }),
  reactivatePersonAction: (a) => reactivatePerson(a, { centreId: home.id, userId: owner.userId }),
  grantRoleAction: (a) => grantRole(a, { centreId: home.id, userId: owner.userId, role: "CENTRE_ADMIN" }),
  endRoleAction: (a) => endRole(a, { centreId: home.id, userId: owner.userId, role: "LEARNER", reason: "probe" }),
  // Public by design: without the link's token nobody sets a password; the reset form changes no account.
  setPasswordAction: async () => {
    await expect(
      setPasswordWithLink("made-up-token-made-up-token", { newPassword: "hijacked password", confirmPassword: "hijacked password" }),
    ).rejects.toThrow(/does not work/);
    throw new NotFoundError();
  },
  forgottenPasswordAction: async () => {
    await forgottenPassword({ email: "nobody-at-all@example.com" });
    throw new NotFoundError();
  },
  // Ends only the caller's own sessions: the owner's session lives on.
  signOutMyselfEverywhereAction: async (a) => {
    await signOutMyselfEverywhere(a);
    expect(await touchLiveSession(db, ownerSession, owner.userId)).toBe(true);
  },
  setAccountActiveAction: (a) => setAccountActive(a, { userId: owner.userId, active: "false" }),
  // Changes only the caller's own password, and only with their current one: a wrong guess is refused.
  changePasswordAction: (a) =>
    changePassword(a, { userId: owner.userId, currentPassword: "not the password", newPassword: "hijacked password", confirmPassword: "hijacked password" }),
  updateCentreSettingsAction: (a) => updateCentreSettings(a, { centreId: home.id, reviewTargetDays: "3", witnessLinkDays: "3", outboxAllowed: "false" }),
  addClosureAction: (a) => addClosure(a, { centreId: home.id, day: "2027-03-02", name: "Hijacked" }),
  removeClosureAction: (a) => removeClosure(a, { centreId: home.id, day: "2027-03-01" }),
  addBankHolidaysAction: (a) => addBankHolidays(a, { centreId: home.id }),
  // Units are shared by the installation: another centre's admin may upload, publish and retire
  // (docs/decisions/0034), so each probe also shows such an admin gets past the policy to the unit's own rules.
  uploadUnitAction: (a) => unitProbe(a, uploadUnitDraft(a, new File(["{}"], "empty.json"))),
  publishUnitAction: (a) => unitProbe(a, publishUnitVersion(a, { unitId: published.id })),
  retireUnitAction: (a) => unitProbe(a, retireUnitVersion(a, { unitId: draft.unitId })),
  createSamplePlanAction: (a) => createPlan(a, { centreId: home.id, title: "Hijack", periodStart: "2026-01-01", periodEnd: "2026-12-31" }),
  removeSampleItemAction: (a) => removePlanItem(a, { planId: samplePlan.id, itemId: sampleItem.id }),
  addSampleItemAction: (a) => addPlanItem(a, { planId: samplePlan.id, enrolmentId: cpc.id, stage: "INTERIM", note: "hijack" }),
  redrawSamplePlanAction: (a) => redrawPlan(a, { planId: samplePlan.id }),
  signSamplePlanAction: (a) => signSamplePlan({ ...a, signedInAt: new Date() }, { planId: samplePlan.id, typedName: a.name }),
  openPlanItemReviewAction: (a) => openReview(a, { planItemId: sampleItem.id }),
  openAdHocReviewAction: (a) => openReview(a, { enrolmentId: cpc.id, stage: "INTERIM" }),
  recordVerdictAction: (a) =>
    recordVerdict({ ...a, signedInAt: new Date() }, review.id, { itemId: a1.id, verdict: "AGREE", feedback: "hijacked", typedName: a.name }),
  respondToActionAction: (a) => respondToAction(a, iqaAction.id, { body: "hijacked" }),
  closeActionAction: (a) => closeAction(a, iqaAction.id, { closingNote: "hijacked" }),
  // The home centre's strategy and its assessor, valid input: only the policy can refuse them.
  saveStrategyAction: (a) =>
    saveStrategy(a, {
      centreId: home.id,
      unitCode: "CPC308",
      learnersLow: "1",
      learnersMedium: "1",
      learnersHigh: "1",
      unitsLow: "1",
      unitsMedium: "1",
      unitsHigh: "1",
      interimPercent: "1",
      methods: ["OBSERVATION"],
    }),
  removeUnitStrategyAction: (a) => removeUnitStrategy(a, { centreId: home.id, unitCode: "CPC308" }),
  rateAssessorAction: (a) =>
    rateAssessor(a, {
      centreId: home.id,
      assessorId: must(cpc.assessor, "cpc.assessor").userId,
      level: "HIGH",
      scope: "overall",
      reason: "x",
      reviewOn: "2099-01-01",
    }),
  markNotificationsReadAction: async (a) => {
    // Marking read touches only the actor's own notifications: refusing means nobody else's change.
    await markNotificationsRead(a);
    expect(await db.notification.count({ where: { userId: owner.userId, readAt: { not: null } } })).toBe(0);
  },
  checkIntegrityAction: async (a) => {
    // Installation-wide: another centre's admin may check too (nothing of any centre changes); nobody else may.
    if (a.grants.some((g) => g.role === "CENTRE_ADMIN")) {
      await expect(checkIntegrityNow(a)).resolves.toMatchObject({ ok: true });
      return;
    }
    await expect(checkIntegrityNow(a)).rejects.toBeInstanceOf(NotFoundError);
  },
};
async function unitProbe(a: Actor, attempt: Promise<unknown>) {
  if (!a.grants.some((g) => g.role === "CENTRE_ADMIN")) return attempt;
  await expect(attempt).rejects.toBeInstanceOf(UserFacingError);
  throw new NotFoundError();
}
// Actions any signed-in user may call, because they act only on the caller's own rows.
const ownRowsOnly = new Set(["addEvidenceAction", "markNotificationsReadAction", "checkIntegrityAction", "signOutMyselfEverywhereAction"]);

describe("every server action refuses those without the right", () => {
  it("has a probe for each registered action", () => {
    expect(Object.keys(probes).sort()).toEqual(serverActions.flatMap((f) => f.actions).sort());
  });

  for (const name of Object.keys(probes)) {
    for (const [who, actor] of outsiders) {
      it(`${name} as ${who}`, async () => {
        const attempt = must(probes[name], "probes[name]")(actor);
        if (name === "respondToWitnessAction") return expect(attempt).rejects.toBeInstanceOf(NotFoundError);
        if (name === "changePasswordAction") return expect(attempt).rejects.toBeInstanceOf(UserFacingError);
        if (ownRowsOnly.has(name)) {
          // Learners elsewhere may add their own evidence; others have no learner role.
          if (name === "addEvidenceAction" && actor.grants.some((g) => g.role === "LEARNER")) return expect(attempt).resolves.toBeTruthy();
          if (name === "addEvidenceAction") return expect(attempt).rejects.toBeInstanceOf(NotFoundError);
          return attempt;
        }
        await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
      });
    }
  }

  it("left the owner's item untouched", async () => {
    const version = await db.evidenceVersion.findFirstOrThrow({ where: { evidenceId }, include: { files: true } });
    expect(version.title).toBe("Resource use report for March");
    expect(version.files).toHaveLength(1);
    expect(await db.comment.count({ where: { evidenceId } })).toBe(0);
    expect(await db.decision.count({ where: { enrolmentId: cpc.id } })).toBe(0);
    expect((await db.evidenceLink.findUniqueOrThrow({ where: { id: link.id } })).claim).toBe("CLAIMED");
    expect(await db.unitSignOff.count()).toBe(0);
    expect(await db.enrolment.findUniqueOrThrow({ where: { id: cpc.id } })).toMatchObject({ status: "IN_PROGRESS", assessorId: cpc.assessor?.userId });
    expect(await db.learnerImport.count({ where: { appliedAt: { not: null } } })).toBe(0);
    expect(await db.learnerImport.count()).toBe(1);
    expect(await db.witnessRequest.count({ where: { evidenceId } })).toBe(0);
    expect(await db.planSignature.count({ where: { version: { plan: { enrolmentId: cpc.id } } } })).toBe(0);
    expect((await listNotifications(owner)).length).toBe(notificationsBefore);
    expect(await db.user.findUniqueOrThrow({ where: { id: owner.userId } })).toMatchObject({ active: true, passwordHash: ownerHash });
    expect(await touchLiveSession(db, ownerSession, owner.userId)).toBe(true);
    expect(await db.roleGrant.count({ where: { userId: owner.userId, endsAt: null } })).toBe(1);
    expect(await db.user.count({ where: { email: "sly@example.com" } })).toBe(0);
    expect(await db.passwordToken.count({ where: { userId: owner.userId } })).toBe(0);
    expect(await db.centre.findUniqueOrThrow({ where: { id: home.id } })).toMatchObject({ reviewTargetDays: 10, witnessLinkDays: 14, outboxAllowed: true });
    expect((await db.centreClosure.findMany({ where: { centreId: home.id } })).map((c) => c.name)).toEqual(["Training day"]);
    expect(await db.unit.findUniqueOrThrow({ where: { id: draft.unitId } })).toMatchObject({ status: "DRAFT", retiredAt: null });
    expect(await db.unit.findUniqueOrThrow({ where: { id: published.id } })).toMatchObject({ status: "PUBLISHED", retiredAt: null });
    expect(await db.samplePlan.findMany({ where: { centreId: home.id } })).toEqual([samplePlanRow]);
    expect(await db.samplePlanItem.findMany({ where: { planId: samplePlan.id } })).toEqual([sampleItem]);
    expect(await db.samplingStrategy.count()).toBe(0);
    expect(await db.assessorRiskRating.count()).toBe(0);
  });
});
