import { serverActions } from "../support/authz-registry";
import { postAction } from "./action-post";
import * as db from "./db";
import { expect, signInAs, test } from "./fixtures";
import { must } from "@/lib/must";

// Every registered server action, POSTed directly (no form, no page) by someone without the right,
// with another learner's ids: each must refuse and change nothing.

const snapshot = db.portfolioSnapshot;
const LEARNER = "learner@northgate.example";

async function victims(): Promise<Record<string, string>> {
  const enrolment = await db.enrolmentOf(LEARNER, "CPC308");
  return {
    centre: await db.northgateId(),
    draft: must(await db.firstEvidenceOf(LEARNER, { status: "DRAFT" }), '(await db.firstEvidenceOf(LEARNER, { status: "DRAFT" }))'),
    submitted: must(await db.firstEvidenceOf(LEARNER, { status: "SUBMITTED" }), '(await db.firstEvidenceOf(LEARNER, { status: "SUBMITTED" }))'),
    file: await db.fileOf(LEARNER, { draft: true }),
    enrolment: enrolment.id,
    learner: enrolment.learnerId,
    criterion: await db.criterionId("CPC308", "A2"),
    link: await db.submittedClaimOf(LEARNER),
    token: await db.apiTokenIdOf("northgate"),
    unit: await db.unitIdOf("CPC308"),
    ...(await db.qualityFixture()),
    ...(await db.northgateDraftSamplePlan()),
    assessor: await db.userId("assessor@northgate.example"),
  };
}

function fieldsFor(name: string, v: Record<string, string>): Record<string, string> {
  const evidence = ["submitEvidenceAction", "withdrawEvidenceAction", "startRevisionAction"].includes(name)
    ? must(v.submitted, "v.submitted")
    : must(v.draft, "v.draft");
  const common = {
    evidenceId: evidence,
    enrolmentId: must(v.enrolment, "v.enrolment"),
    learnerId: must(v.learner, "v.learner"),
    fileId: must(v.file, "v.file"),
    linkId: must(v.link, "v.link"),
    criterionId: must(v.criterion, "v.criterion"),
  };
  const extra: Record<string, Record<string, string>> = {
    addEvidenceAction: {
      title: "x",
      account: "x",
      method: "WORK_PRODUCT",
      "activityFrom-day": "1",
      "activityFrom-month": "1",
      "activityFrom-year": "2026",
      kind: "FILES",
    },
    updateEvidenceAction: {
      title: "hijacked",
      account: "x",
      method: "WORK_PRODUCT",
      "activityFrom-day": "1",
      "activityFrom-month": "1",
      "activityFrom-year": "2026",
      kind: "FILES",
    },
    submitEvidenceAction: { ownWork: "on", workplace: "on" },
    // Northgate's enrolment and centre, valid input: only the policy can refuse them.
    enrolLearnerAction: {
      centreId: must(v.centre, "v.centre"),
      learnerEmail: LEARNER,
      unitId: common.criterionId,
      "startedAt-day": "1",
      "startedAt-month": "1",
      "startedAt-year": "2026",
    },
    assignEnrolmentAction: { role: "ASSESSOR", userId: "" },
    withdrawEnrolmentAction: { reason: "hijacked" },
    markCertificatedAction: { certificateNumber: "X", "certificatedOn-day": "1", "certificatedOn-month": "1", "certificatedOn-year": "2026" },
    changeUnitVersionAction: { unitId: common.criterionId, reason: "hijacked" },
    previewImportAction: { centreId: must(v.centre, "v.centre"), file: "Name,Email\r\n" },
    applyImportAction: { importId: common.evidenceId },
    setMappingAction: { criterion: must(v.criterion, "v.criterion"), [`note-${v.criterion}`]: "x" },
    addCommentAction: { body: "x" },
    requestWitnessAction: { witnessName: "x", witnessEmail: "x@example.com", jobRole: "x", relationship: "x", statement: "x" },
    createRecordAction: {
      kind: "OBSERVATION",
      title: "x",
      "activityFrom-day": "1",
      "activityFrom-month": "1",
      "activityFrom-year": "2026",
      place: "x",
      observed: "x",
      narrative: "x",
    },
    updateRecordAction: {
      kind: "OBSERVATION",
      title: "x",
      "activityFrom-day": "1",
      "activityFrom-month": "1",
      "activityFrom-year": "2026",
      place: "x",
      observed: "x",
      narrative: "x",
    },
    savePlanAction: {
      items: JSON.stringify([{ criterionIds: [v.criterion], method: "WORK_PRODUCT", task: "x", targetDate: { day: "1", month: "12", year: "2026" } }]),
    },
    signPlanAction: { typedName: "Riley Adams", contentHash: "0".repeat(64) },
    decideManyAction: {
      [`outcome-${v.criterion}`]: "NOT_YET_MET",
      [`feedback-${v.criterion}`]: "x",
      [`revision-${v.criterion}`]: "0",
      typedName: "Riley Adams",
      password: "attest-demo",
    },
    reviewClaimAction: { claim: "REJECTED" },
    signOffUnitAction: { summativeComment: "x", typedName: "Riley Adams", password: "attest-demo" },
    countersignUnitAction: { typedName: "Riley Adams" },
    reopenCriterionAction: { reason: "hijacked" },
    unlockSignOffAction: { reason: "hijacked" },
    signOutEverywhereAction: { userId: must(v.learner, "v.learner") },
    setAccountActiveAction: { userId: must(v.learner, "v.learner"), active: "false" },
    changePasswordAction: {
      userId: must(v.learner, "v.learner"),
      currentPassword: "not the password",
      newPassword: "hijacked password",
      confirmPassword: "hijacked password",
    },
    respondToWitnessAction: { token: "made-up-token-made-up-token-made-up", outcome: "CONFIRMED", confirmedName: "x" },
    invitePersonAction: { centreId: must(v.centre, "v.centre"), name: "Sly", email: "sly@example.com", roles: "CENTRE_ADMIN" },
    resendInvitationAction: { userId: must(v.learner, "v.learner") },
    deactivatePersonAction: { userId: must(v.learner, "v.learner"), reason: "x" },
    reactivatePersonAction: { userId: must(v.learner, "v.learner") },
    grantRoleAction: { userId: must(v.learner, "v.learner"), role: "CENTRE_ADMIN" },
    endRoleAction: { userId: must(v.learner, "v.learner"), role: "LEARNER", reason: "x" },
    setPasswordAction: { token: "made-up-token-made-up-token-made-up", newPassword: "hijacked password", confirmPassword: "hijacked password" },
    forgottenPasswordAction: { email: "learner@northgate.example" },
    // Northgate's settings, closures and tokens, valid input: only the policy can refuse them.
    updateCentreSettingsAction: { centreId: must(v.centre, "v.centre"), reviewTargetDays: "1", witnessLinkDays: "1", outboxAllowed: "on" },
    addClosureAction: { centreId: must(v.centre, "v.centre"), "day-day": "3", "day-month": "3", "day-year": "2027", name: "hijacked" },
    removeClosureAction: { centreId: must(v.centre, "v.centre"), day: "2026-12-25" },
    addBankHolidaysAction: { centreId: must(v.centre, "v.centre") },
    createApiTokenAction: { centreId: must(v.centre, "v.centre"), name: "hijacked", days: "30" },
    revokeApiTokenAction: { tokenId: must(v.token, "v.token") },
    publishUnitAction: { unitId: must(v.unit, "v.unit") },
    retireUnitAction: { unitId: must(v.unit, "v.unit") },
    // Northgate's review, action and plan item, valid input: only the policy can refuse them.
    openPlanItemReviewAction: { planItemId: must(v.planItemId, "v.planItemId") },
    openAdHocReviewAction: { stage: "INTERIM" },
    recordVerdictAction: {
      reviewId: must(v.reviewId, "v.reviewId"),
      itemId: must(v.decisionId, "v.decisionId"),
      verdict: "AGREE",
      feedback: "x",
      typedName: "Riley Adams",
      password: "attest-demo",
    },
    respondToActionAction: { actionId: must(v.actionId, "v.actionId"), body: "hijacked" },
    closeActionAction: { actionId: must(v.actionId, "v.actionId"), closingNote: "hijacked" },
    // Northgate's IQA's draft plan and an enrolment they cover, valid input: only the policy refuses.
    createSamplePlanAction: {
      centreId: must(v.centre, "v.centre"),
      title: "hijacked",
      "periodStart-day": "1",
      "periodStart-month": "1",
      "periodStart-year": "2026",
      "periodEnd-day": "31",
      "periodEnd-month": "12",
      "periodEnd-year": "2026",
    },
    removeSampleItemAction: { planId: must(v.planId, "v.planId"), itemId: must(v.itemId, "v.itemId") },
    addSampleItemAction: { planId: must(v.planId, "v.planId"), stage: "INTERIM", method: "", note: "hijacked" },
    redrawSamplePlanAction: { planId: must(v.planId, "v.planId") },
    signSamplePlanAction: { planId: must(v.planId, "v.planId"), typedName: "Riley Adams", password: "attest-demo" },
    // Northgate's strategy and assessor, valid input: only the policy can refuse them.
    saveStrategyAction: {
      centreId: must(v.centre, "v.centre"),
      unitCode: "CPC308",
      learnersLow: "1",
      learnersMedium: "1",
      learnersHigh: "1",
      unitsLow: "1",
      unitsMedium: "1",
      unitsHigh: "1",
      interimPercent: "1",
      methods: "OBSERVATION",
    },
    removeUnitStrategyAction: { centreId: must(v.centre, "v.centre"), unitCode: "CPC308" },
    rateAssessorAction: {
      centreId: must(v.centre, "v.centre"),
      assessorId: must(v.assessor, "v.assessor"),
      level: "HIGH",
      scope: "overall",
      reason: "hijacked",
      "reviewOn-day": "1",
      "reviewOn-month": "1",
      "reviewOn-year": "2099",
    },
  };
  return { ...common, ...(extra[name] ?? {}) };
}

const post = postAction;
// Open to anyone by design (their token, or the same answer to everyone, is the protection).
const publicActions = ["respondToWitnessAction", "setPasswordAction", "forgottenPasswordAction"];
// Units are shared by the installation and any centre admin may manage them (docs/decisions/0034):
// the one to refuse is someone who administers no centre, here the verifier trying to write.
const installationActions = ["uploadUnitAction", "publishUnitAction", "retireUnitAction"];
const refusedActor = (name: string) => (installationActions.includes(name) ? "verifier@northgate.example" : "admin@riverside.example");
const refusedWho = (name: string) => (installationActions.includes(name) ? "a verifier" : "another centre's admin");

for (const { file, actions } of serverActions) {
  for (const name of actions) {
    test(`${name} posted directly by ${refusedWho(name)} is refused`, async ({ page }) => {
      const v = await victims();
      if (!publicActions.includes(name)) await signInAs(page, refusedActor(name));
      const unreadBefore = await db.unreadNotificationCount(LEARNER);
      const before = await snapshot();
      const ownOpenSessions = await db.openSessionCount(refusedActor(name));
      const response = await post(page.request, file, name, fieldsFor(name, v));
      const text = await response.text();
      if (name === "respondToWitnessAction") expect(text).toContain("This link is not valid.");
      else if (name === "setPasswordAction") expect(text).toContain("This link to choose a password does not work");
      // Public: it answers the same to anyone, and only ever emails the account's own address.
      else if (name === "forgottenPasswordAction") expect(response.headers()["x-action-redirect"] ?? "").toContain("/forgot-password?sent=1");
      // Acts only on the caller's own sessions.
      else if (name === "signOutMyselfEverywhereAction") expect(response.headers()["x-action-redirect"] ?? "").toContain("/sign-in");
      else if (name === "changePasswordAction") expect(text).toContain("Your current password is not right.");
      else if (name === "markNotificationsReadAction") expect(text).not.toContain("There is a problem");
      else if (name === "checkIntegrityAction") expect(text).not.toContain("Not found");
      else expect(text, `${name} answered: ${text.slice(0, 300)}`).toContain("Not found: it may have been removed, or you may not have access to it.");
      // Signing yourself out everywhere ends the caller's own session, and nothing else.
      const ownSessionEnded = name === "signOutMyselfEverywhereAction" ? ownOpenSessions : 0;
      expect(await snapshot()).toEqual({ ...before, endedSessions: before.endedSessions + ownSessionEnded });
      expect(await db.unreadNotificationCount(LEARNER)).toBe(unreadBefore);
    });
  }
}

// The edge resolves the actor before any server function runs: a signed-out POST never reaches one.
for (const { file, actions } of serverActions) {
  for (const name of actions.filter((a) => !publicActions.includes(a))) {
    test(`${name} posted directly by a signed-out visitor is sent to sign in`, async ({ page }) => {
      const v = await victims();
      const before = await snapshot();
      const response = await post(page.request, file, name, fieldsFor(name, v));
      expect(response.status() === 303 || Boolean(response.headers()["x-action-redirect"])).toBe(true);
      expect(response.headers()["x-action-redirect"] ?? response.headers().location).toContain("/sign-in");
      expect(await snapshot()).toEqual(before);
    });
  }
}

test("the same direct POST by the item's owner is accepted (so the refusals above are real)", async ({ page }) => {
  const v = await victims();
  await signInAs(page, LEARNER);
  const before = await db.commentCount(must(v.draft, "v.draft"));
  const response = await post(page.request, "app/evidence/actions.ts", "addCommentAction", {
    evidenceId: must(v.draft, "v.draft"),
    body: "Posted directly by the owner.",
  });
  const text = await response.text();
  expect(text, text.slice(0, 400)).not.toContain("Not found");
  expect(await db.commentCount(must(v.draft, "v.draft"))).toBe(before + 1);
});
