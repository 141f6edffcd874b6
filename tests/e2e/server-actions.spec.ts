import { serverActions } from "../support/authz-registry";
import { postAction } from "./action-post";
import { expect, signInAs, sql, test } from "./fixtures";

// Every registered server action, POSTed directly (no form, no page) by someone without the right,
// with another learner's ids: each must refuse and change nothing.

const snapshot = () =>
  sql(`SELECT
    (SELECT count(*) FROM "Evidence") AS evidence, (SELECT count(*) FROM "EvidenceVersion") AS versions,
    (SELECT count(*) FROM "EvidenceVersion" WHERE "submittedAt" IS NOT NULL) AS submitted,
    (SELECT string_agg(status::text, ',' ORDER BY id) FROM "Evidence") AS statuses,
    (SELECT count(*) FROM "EvidenceLink" WHERE "removedAt" IS NULL) AS links, (SELECT string_agg(claim::text, ',' ORDER BY id) FROM "EvidenceLink") AS claims,
    (SELECT count(*) FROM "EvidenceFile") AS files, (SELECT count(*) FROM "Comment") AS comments, (SELECT count(*) FROM "WitnessRequest") AS witnesses,
    (SELECT count(*) FROM "Decision") AS decisions, (SELECT count(*) FROM "UnitSignOff") AS signoffs, (SELECT count(*) FROM "PlanSignature") AS plan_signatures,
    (SELECT count(*) FROM "AssessmentPlanVersion") AS plan_versions, (SELECT count(*) FROM "Session" WHERE "endedAt" IS NOT NULL) AS ended_sessions,
    (SELECT string_agg(active::text || coalesce("passwordHash", ''), ',' ORDER BY id) FROM "User") AS accounts, (SELECT string_agg(title, ',' ORDER BY id) FROM "EvidenceVersion") AS titles`);

async function victims() {
  const [row] = await sql(`SELECT
    (SELECT e.id FROM "Evidence" e JOIN "User" u ON u.id = e."learnerId" WHERE u.email = 'learner@northgate.example' AND e.status = 'DRAFT' LIMIT 1) AS draft,
    (SELECT e.id FROM "Evidence" e JOIN "User" u ON u.id = e."learnerId" WHERE u.email = 'learner@northgate.example' AND e.status = 'SUBMITTED' LIMIT 1) AS submitted,
    (SELECT f.id FROM "EvidenceFile" f JOIN "EvidenceVersion" v ON v.id = f."versionId" JOIN "Evidence" e ON e.id = v."evidenceId" WHERE e.status = 'DRAFT' AND v."submittedAt" IS NULL LIMIT 1) AS file,
    (SELECT e.id FROM "Enrolment" e JOIN "User" u ON u.id = e."learnerId" JOIN "Unit" n ON n.id = e."unitId" WHERE u.email = 'learner@northgate.example' AND n.code = 'CPC308') AS enrolment,
    (SELECT e."learnerId" FROM "Enrolment" e JOIN "User" u ON u.id = e."learnerId" WHERE u.email = 'learner@northgate.example' LIMIT 1) AS learner,
    (SELECT c.id FROM "Criterion" c JOIN "Unit" n ON n.id = c."unitId" WHERE n.code = 'CPC308' AND c.code = 'A2') AS criterion,
    (SELECT l.id FROM "EvidenceLink" l JOIN "Evidence" e ON e.id = l."evidenceId" WHERE e.status = 'SUBMITTED' LIMIT 1) AS link`);
  return row as Record<string, string>;
}

function fieldsFor(name: string, v: Record<string, string>): Record<string, string> {
  const evidence = ["submitEvidenceAction", "withdrawEvidenceAction", "startRevisionAction"].includes(name) ? v.submitted! : v.draft!;
  const common = { evidenceId: evidence, enrolmentId: v.enrolment!, learnerId: v.learner!, fileId: v.file!, linkId: v.link!, criterionId: v.criterion! };
  const extra: Record<string, Record<string, string>> = {
    addEvidenceAction: { title: "x", account: "x", method: "WORK_PRODUCT", activityFrom: "2026-01-01", kind: "FILES" },
    updateEvidenceAction: { title: "hijacked", account: "x", method: "WORK_PRODUCT", activityFrom: "2026-01-01", kind: "FILES" },
    submitEvidenceAction: { ownWork: "on", workplace: "on" },
    setMappingAction: { criterion: v.criterion!, [`note-${v.criterion}`]: "x" },
    addCommentAction: { body: "x" },
    requestWitnessAction: { witnessName: "x", witnessEmail: "x@example.com", jobRole: "x", relationship: "x", statement: "x" },
    createRecordAction: { kind: "OBSERVATION", title: "x", activityFrom: "2026-01-01", place: "x", observed: "x", narrative: "x" },
    updateRecordAction: { kind: "OBSERVATION", title: "x", activityFrom: "2026-01-01", place: "x", observed: "x", narrative: "x" },
    savePlanAction: { items: JSON.stringify([{ criterionIds: [v.criterion], method: "WORK_PRODUCT", task: "x", targetDate: "2026-12-01" }]) },
    signPlanAction: { typedName: "Riley Adams", contentHash: "0".repeat(64) },
    decideAction: { outcome: "NOT_YET_MET", feedback: "x", typedName: "Riley Adams", password: "attest-demo", revision: "0" },
    reviewClaimAction: { claim: "REJECTED" },
    signOffUnitAction: { summativeComment: "x", typedName: "Riley Adams", password: "attest-demo" },
    countersignUnitAction: { typedName: "Riley Adams" },
    signOutEverywhereAction: { userId: v.learner! },
    setAccountActiveAction: { userId: v.learner!, active: "false" },
    changePasswordAction: { userId: v.learner!, currentPassword: "not the password", newPassword: "hijacked password", confirmPassword: "hijacked password" },
    respondToWitnessAction: { token: "made-up-token-made-up-token-made-up", outcome: "CONFIRMED", confirmedName: "x" },
  };
  return { ...common, ...(extra[name] ?? {}) };
}

const post = postAction;

for (const { file, actions } of serverActions) {
  for (const name of actions) {
    test(`${name} posted directly by another centre's admin is refused`, async ({ page }) => {
      const v = await victims();
      if (name !== "respondToWitnessAction") await signInAs(page, "admin@riverside.example");
      const unreadBefore = await sql(`SELECT count(*)::int AS n FROM "Notification" n JOIN "User" u ON u.id = n."userId" WHERE u.email = 'learner@northgate.example' AND n."readAt" IS NULL`);
      const before = await snapshot();
      const response = await post(page.request, file, name, fieldsFor(name, v));
      const text = await response.text();
      if (name === "respondToWitnessAction") expect(text).toContain("This link is not valid.");
      else if (name === "changePasswordAction") expect(text).toContain("Your current password is not right.");
      else if (name === "markNotificationsReadAction") expect(text).not.toContain("There is a problem");
      else if (name === "checkIntegrityAction") expect(text).not.toContain("Not found");
      else expect(text, `${name} answered: ${text.slice(0, 300)}`).toContain("Not found: it may have been removed, or you may not have access to it.");
      expect(await snapshot()).toEqual(before);
      expect(await sql(`SELECT count(*)::int AS n FROM "Notification" n JOIN "User" u ON u.id = n."userId" WHERE u.email = 'learner@northgate.example' AND n."readAt" IS NULL`)).toEqual(unreadBefore);
    });
  }
}

// The edge resolves the actor before any server function runs: a signed-out POST never reaches one.
for (const { file, actions } of serverActions) {
  for (const name of actions.filter((a) => a !== "respondToWitnessAction")) {
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
  await signInAs(page, "learner@northgate.example");
  const [before] = await sql(`SELECT count(*)::int AS n FROM "Comment" WHERE "evidenceId" = $1`, [v.draft]);
  const response = await post(page.request, "app/evidence/actions.ts", "addCommentAction", { evidenceId: v.draft!, body: "Posted directly by the owner." });
  const text = await response.text();
  expect(text, text.slice(0, 400)).not.toContain("Not found");
  expect(await sql(`SELECT count(*)::int AS n FROM "Comment" WHERE "evidenceId" = $1`, [v.draft])).toEqual([{ n: before.n + 1 }]);
});
