// Every route handler and server action, with who must be refused. tests/integration/authz-registry.test.ts
// fails when a handler or action exists that is not listed here; tests/e2e/authz.spec.ts sends
// each probe to the running server.

// "token" and "other-centre-token": an API bearer token of the learner's centre (Northgate) or of
// Riverside, sent with no session; every other Who sends no token.
export type Who = "signed-out" | "learner" | "other-learner" | "assessor" | "other-centre-admin" | "verifier" | "token" | "other-centre-token";
export type Probe = { as: Who; method: "GET" | "POST"; path: string; status: number };

export type Entry = { file: string; methods: string[]; why?: string; probes: Probe[] };
export type ActionFile = { file: string; actions: string[] };

// The MIS API (/api/v1): a bearer token only; a signed-in session is not enough (401).
const apiProbes = (method: "GET" | "POST", path: string, own?: number): Probe[] => [
  { as: "signed-out", method, path, status: 401 },
  { as: "learner", method, path, status: 401 },
  { as: "other-centre-admin", method, path, status: 401 },
  ...(path.includes("{") ? [{ as: "other-centre-token" as const, method, path, status: 404 }] : []),
  ...(own ? [{ as: "token" as const, method, path, status: own }] : []),
];

export const routeHandlers: Entry[] = [
  {
    file: "app/api/health/route.ts",
    methods: ["GET"],
    why: "Public by design: reports only whether the app and database answer, for load balancers.",
    probes: [],
  },
  {
    file: "app/api/auth/[...nextauth]/route.ts",
    methods: ["GET", "POST"],
    why: "next-auth's own sign-in, sign-out, session and CSRF endpoints; credentials go through src/server/auth/sign-in.",
    probes: [{ as: "signed-out", method: "GET", path: "/api/auth/session", status: 200 }],
  },
  {
    file: "app/api/enrolments/[id]/matrix/route.ts",
    methods: ["GET"],
    probes: [
      { as: "signed-out", method: "GET", path: "/api/enrolments/{learnerEnrolment}/matrix", status: 401 },
      { as: "other-learner", method: "GET", path: "/api/enrolments/{learnerEnrolment}/matrix", status: 404 },
      { as: "other-centre-admin", method: "GET", path: "/api/enrolments/{learnerEnrolment}/matrix", status: 404 },
      { as: "assessor", method: "GET", path: "/api/enrolments/{learnerEnrolment}/matrix", status: 200 },
    ],
  },
  {
    file: "app/api/learners/[id]/matrix/route.ts",
    methods: ["GET"],
    probes: [
      { as: "signed-out", method: "GET", path: "/api/learners/{learnerId}/matrix", status: 401 },
      { as: "other-learner", method: "GET", path: "/api/learners/{learnerId}/matrix", status: 404 },
      { as: "other-centre-admin", method: "GET", path: "/api/learners/{learnerId}/matrix", status: 404 },
      { as: "learner", method: "GET", path: "/api/learners/{learnerId}/matrix", status: 200 },
    ],
  },
  {
    file: "app/api/units/route.ts",
    methods: ["GET"],
    probes: [{ as: "signed-out", method: "GET", path: "/api/units", status: 401 }],
  },
  {
    file: "app/api/uploads/[evidenceId]/route.ts",
    methods: ["POST"],
    probes: [
      { as: "signed-out", method: "POST", path: "/api/uploads/{learnerEvidence}", status: 401 },
      { as: "other-learner", method: "POST", path: "/api/uploads/{learnerEvidence}", status: 404 },
      { as: "other-centre-admin", method: "POST", path: "/api/uploads/{learnerEvidence}", status: 404 },
      { as: "verifier", method: "POST", path: "/api/uploads/{learnerEvidence}", status: 404 },
      { as: "assessor", method: "POST", path: "/api/uploads/{learnerEvidence}", status: 404 },
    ],
  },
  {
    file: "app/api/files/[fileId]/route.ts",
    methods: ["GET"],
    probes: [
      { as: "signed-out", method: "GET", path: "/api/files/{learnerFile}", status: 401 },
      { as: "other-learner", method: "GET", path: "/api/files/{learnerFile}", status: 404 },
      { as: "other-centre-admin", method: "GET", path: "/api/files/{learnerFile}", status: 404 },
      { as: "verifier", method: "GET", path: "/api/files/{learnerFile}", status: 404 },
      { as: "assessor", method: "GET", path: "/api/files/{learnerFile}", status: 200 },
    ],
  },
  {
    file: "app/api/units/[code]/route.ts",
    methods: ["GET"],
    probes: [
      { as: "signed-out", method: "GET", path: "/api/units/CPC308", status: 401 },
      { as: "signed-out", method: "GET", path: "/api/units/AG26", status: 401 },
      { as: "learner", method: "GET", path: "/api/units/NOT-A-UNIT", status: 404 },
    ],
  },
  {
    file: "app/api/centre/audit/route.ts",
    methods: ["GET"],
    probes: [
      { as: "signed-out", method: "GET", path: "/api/centre/audit", status: 401 },
      { as: "learner", method: "GET", path: "/api/centre/audit", status: 404 },
      { as: "assessor", method: "GET", path: "/api/centre/audit", status: 404 },
      { as: "verifier", method: "GET", path: "/api/centre/audit", status: 404 },
      // Another centre's admin asking for this centre's log by id.
      { as: "other-centre-admin", method: "GET", path: "/api/centre/audit?centre={centreId}", status: 404 },
    ],
  },
  {
    file: "app/api/quality/reports/route.ts",
    methods: ["GET"],
    probes: [
      { as: "signed-out", method: "GET", path: "/api/quality/reports", status: 401 },
      { as: "learner", method: "GET", path: "/api/quality/reports", status: 404 },
      // An assessor sees samples of their own decisions, never the centre's report.
      { as: "assessor", method: "GET", path: "/api/quality/reports?format=csv", status: 404 },
      { as: "verifier", method: "GET", path: "/api/quality/reports", status: 404 },
      { as: "other-centre-admin", method: "GET", path: "/api/quality/reports?centre={centreId}&format=csv", status: 404 },
    ],
  },
  {
    file: "app/api/quality/reports/plans/[id]/route.ts",
    methods: ["GET"],
    probes: [
      { as: "signed-out", method: "GET", path: "/api/quality/reports/plans/{samplePlan}", status: 401 },
      { as: "learner", method: "GET", path: "/api/quality/reports/plans/{samplePlan}", status: 404 },
      { as: "assessor", method: "GET", path: "/api/quality/reports/plans/{samplePlan}?format=csv", status: 404 },
      { as: "verifier", method: "GET", path: "/api/quality/reports/plans/{samplePlan}", status: 404 },
      { as: "other-centre-admin", method: "GET", path: "/api/quality/reports/plans/{samplePlan}?format=csv", status: 404 },
    ],
  },
  {
    file: "app/centre/import/template/route.ts",
    methods: ["GET"],
    why: "The learner import's template: only for those who may import learners into a centre.",
    probes: [
      { as: "signed-out", method: "GET", path: "/centre/import/template", status: 401 },
      { as: "learner", method: "GET", path: "/centre/import/template", status: 404 },
      { as: "assessor", method: "GET", path: "/centre/import/template", status: 404 },
      { as: "verifier", method: "GET", path: "/centre/import/template", status: 404 },
      { as: "other-centre-admin", method: "GET", path: "/centre/import/template", status: 200 },
    ],
  },
  {
    file: "app/api/v1/openapi.json/route.ts",
    methods: ["GET"],
    why: "Public by design: the description of the MIS API, no data.",
    probes: [{ as: "signed-out", method: "GET", path: "/api/v1/openapi.json", status: 200 }],
  },
  {
    file: "app/api/v1/users/route.ts",
    methods: ["GET", "POST"],
    probes: [...apiProbes("GET", "/api/v1/users", 200), ...apiProbes("POST", "/api/v1/users", 400)],
  },
  {
    file: "app/api/v1/enrolments/route.ts",
    methods: ["GET", "POST"],
    probes: [...apiProbes("GET", "/api/v1/enrolments", 200), ...apiProbes("POST", "/api/v1/enrolments", 400)],
  },
  {
    file: "app/api/v1/enrolments/[id]/assignments/route.ts",
    methods: ["POST"],
    probes: apiProbes("POST", "/api/v1/enrolments/{learnerEnrolment}/assignments", 400),
  },
  { file: "app/api/v1/enrolments/[id]/progress/route.ts", methods: ["GET"], probes: apiProbes("GET", "/api/v1/enrolments/{learnerEnrolment}/progress", 200) },
  { file: "app/api/v1/enrolments/[id]/evidence/route.ts", methods: ["GET"], probes: apiProbes("GET", "/api/v1/enrolments/{learnerEnrolment}/evidence", 200) },
  { file: "app/api/v1/learners/[id]/evidence/route.ts", methods: ["GET"], probes: apiProbes("GET", "/api/v1/learners/{learnerId}/evidence", 200) },
];

// Files with "use server" and the actions each exports. tests/integration/authz-actions.test.ts
// holds a refusal probe for every action named here, and fails when one is missing.
export const serverActions: ActionFile[] = [
  {
    file: "app/evidence/actions.ts",
    actions: [
      "addEvidenceAction",
      "updateEvidenceAction",
      "startRevisionAction",
      "deleteEvidenceAction",
      "submitEvidenceAction",
      "withdrawEvidenceAction",
      "setMappingAction",
      "removeFileAction",
      "addCommentAction",
      "requestWitnessAction",
      "createRecordAction",
      "sendForCountersignAction",
      "updateRecordAction",
    ],
  },
  // Public by design: a witness is not a user; the single-use, expiring token is the credential.
  { file: "app/witness/actions.ts", actions: ["respondToWitnessAction"] },
  {
    file: "app/enrolments/actions.ts",
    actions: ["savePlanAction", "signPlanAction", "decideManyAction", "reviewClaimAction", "signOffUnitAction", "countersignUnitAction"],
  },
  // Only the enrolment's IQA (docs/decisions/0040).
  { file: "app/enrolments/[id]/quality/actions.ts", actions: ["reopenCriterionAction", "unlockSignOffAction"] },
  { file: "app/notifications/actions.ts", actions: ["markNotificationsReadAction"] },
  // Installation-wide: any centre admin may run the integrity check (at most once a minute); it changes no learner data.
  { file: "app/integrity/actions.ts", actions: ["checkIntegrityAction"] },
  // Acts only on the caller's own account, and needs its current password.
  { file: "app/account/actions.ts", actions: ["changePasswordAction"] },
  { file: "app/centre/actions.ts", actions: ["signOutEverywhereAction", "setAccountActiveAction"] },
  // Public by design: the single-use, expiring token in a set-password link is the credential; asking
  // for a reset link answers the same whoever asks, and sends at most 3 links an hour to an account.
  { file: "app/set-password/actions.ts", actions: ["setPasswordAction", "forgottenPasswordAction"] },
  // Acts only on the caller's own sessions.
  { file: "app/account/sessions-actions.ts", actions: ["signOutMyselfEverywhereAction"] },
  {
    file: "app/centre/people/actions.ts",
    actions: ["invitePersonAction", "resendInvitationAction", "deactivatePersonAction", "reactivatePersonAction", "grantRoleAction", "endRoleAction"],
  },
  { file: "app/centre/settings/actions.ts", actions: ["updateCentreSettingsAction", "addClosureAction", "removeClosureAction", "addBankHolidaysAction"] },
  // Units are shared by the installation: any centre admin may upload, publish and retire (docs/decisions/0034).
  { file: "app/centre/units/actions.ts", actions: ["uploadUnitAction", "publishUnitAction", "retireUnitAction"] },
  {
    file: "app/centre/enrolments/actions.ts",
    actions: ["enrolLearnerAction", "assignEnrolmentAction", "withdrawEnrolmentAction", "markCertificatedAction", "changeUnitVersionAction"],
  },
  { file: "app/centre/import/actions.ts", actions: ["previewImportAction", "applyImportAction"] },
  { file: "app/centre/api-tokens/actions.ts", actions: ["createApiTokenAction", "revokeApiTokenAction"] },
  // IQA reviews (decision 0039): only the enrolment's IQA opens and signs; the plan's IQA opens its items.
  { file: "app/quality/reviews/actions.ts", actions: ["openPlanItemReviewAction", "openAdHocReviewAction", "recordVerdictAction"] },
  // Only the assessor an action is for responds; only the IQA who raised it closes it.
  { file: "app/quality/actions/actions.ts", actions: ["respondToActionAction", "closeActionAction"] },
  // Sample plans (issue 12, point 2): only the plan's own IQA draws, changes and signs it.
  {
    file: "app/quality/plans/actions.ts",
    actions: ["createSamplePlanAction", "removeSampleItemAction", "addSampleItemAction", "redrawSamplePlanAction", "signSamplePlanAction"],
  },
  // Internal quality assurance: the centre's IQAs (and, for the strategy, its admins) only.
  { file: "app/quality/strategy/actions.ts", actions: ["saveStrategyAction", "removeUnitStrategyAction"] },
  { file: "app/quality/assessors/actions.ts", actions: ["rateAssessorAction"] },
];

// Pages: a signed-out visitor is sent to sign in; a role's data is refused to others (see e2e).
export const protectedPages = [
  "/",
  "/units",
  "/units/CPC308",
  "/units/AG26",
  "/evidence",
  "/evidence/new",
  "/notifications",
  "/caseload",
  "/outbox",
  "/centre",
  "/integrity",
  "/account/password",
  "/centre/people",
  "/centre/people/invite",
  "/centre/people/00000000-0000-4000-8000-000000000000",
  "/centre/settings",
  "/centre/units",
  "/centre/units/00000000-0000-4000-8000-000000000000",
  "/centre/audit",
  "/centre/enrolments",
  "/centre/enrolments/new",
  "/centre/enrolments/00000000-0000-4000-8000-000000000000",
  "/centre/import",
  "/centre/import/00000000-0000-4000-8000-000000000000",
  "/centre/api-tokens",
  "/quality/reports",
  "/quality/reports/plans/00000000-0000-4000-8000-000000000000",
  "/quality",
  "/quality/strategy",
  "/quality/assessors",
  "/quality/assessors/00000000-0000-4000-8000-000000000000",
  // Any id: a signed-out visitor is sent to sign in before the enrolment is looked up.
  "/enrolments/00000000-0000-4000-8000-000000000000/review",
  "/enrolments/00000000-0000-4000-8000-000000000000/review/A1",
  "/enrolments/00000000-0000-4000-8000-000000000000/progress",
  "/quality/actions",
  "/quality/actions/00000000-0000-4000-8000-000000000000",
  "/quality/reviews/new",
  "/quality/reviews/00000000-0000-4000-8000-000000000000",
  "/quality/items/00000000-0000-4000-8000-000000000000",
  "/enrolments/00000000-0000-4000-8000-000000000000/quality",
  "/quality/plans",
  "/quality/plans/new",
  "/quality/plans/00000000-0000-4000-8000-000000000000",
];

// Pages open to a signed-out visitor by design: signing in, and the accessibility statement (read
// before someone has an account), and asking for a new password. A witness's link and a set-password
// link are public too, their token the credential (a made-up token shows "does not work").
export const publicPages = ["/sign-in", "/accessibility", "/forgot-password", "/set-password/not-a-real-token-0000000000000000"];
