import { describe, expect, it } from "vitest";
import { createApiToken } from "@/server/api/tokens";
import * as users from "@/../app/api/v1/users/route";
import * as enrolments from "@/../app/api/v1/enrolments/route";
import * as assignments from "@/../app/api/v1/enrolments/[id]/assignments/route";
import * as progress from "@/../app/api/v1/enrolments/[id]/progress/route";
import * as enrolmentEvidence from "@/../app/api/v1/enrolments/[id]/evidence/route";
import * as learnerEvidence from "@/../app/api/v1/learners/[id]/evidence/route";
import * as build from "../support/builders";
import { freshDatabase } from "../support/db";

const { db } = await freshDatabase("units");

type Handler = (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>;
const routes: [RegExp, Record<string, Handler>][] = [
  [/^\/api\/v1\/users$/, users as never],
  [/^\/api\/v1\/enrolments$/, enrolments as never],
  [/^\/api\/v1\/enrolments\/([^/]+)\/assignments$/, assignments as never],
  [/^\/api\/v1\/enrolments\/([^/]+)\/progress$/, progress as never],
  [/^\/api\/v1\/enrolments\/([^/]+)\/evidence$/, enrolmentEvidence as never],
  [/^\/api\/v1\/learners\/([^/]+)\/evidence$/, learnerEvidence as never],
];

/** A request to the route handler as Next.js calls it, with a bearer token. */
async function api(token: string, method: "GET" | "POST", url: string, body?: unknown) {
  const path = url.split("?")[0] ?? "";
  for (const [pattern, module] of routes) {
    const match = pattern.exec(path);
    const handler = match && module[method];
    if (!handler) continue;
    const init: RequestInit = { method, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" } };
    if (body !== undefined) init.body = typeof body === "string" ? body : JSON.stringify(body);
    const response = await handler(new Request(`http://attest.test${url}`, init), { params: Promise.resolve({ id: match[1] ?? "" }) });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> & { data?: Record<string, unknown>[] } };
  }
  throw new Error(`No route for ${method} ${url}`);
}

async function centreWithToken(name?: string) {
  const centre = await build.centre({ name });
  const admin = await build.user({ centre, roles: ["CENTRE_ADMIN"] });
  const { token, id } = await createApiToken(admin, { name: "MIS" });
  return { centre, admin, token, tokenId: id };
}

const cpc308 = () => db.unit.findFirstOrThrow({ where: { code: "CPC308", status: "PUBLISHED" }, orderBy: { version: "desc" } });

describe("/api/v1 with a centre's token", () => {
  it("creates a learner and an assessor, enrols and assigns them, then reads the enrolment's progress and evidence", async () => {
    const { centre, admin, token, tokenId } = await centreWithToken();
    const learner = await api(token, "POST", "/api/v1/users", { name: "Lena Learner", email: "Lena@Api.example", roles: ["LEARNER"] });
    expect(learner).toMatchObject({ status: 201, body: { created: true, rolesAdded: ["LEARNER"], invitationSent: true } });
    const assessor = await api(token, "POST", "/api/v1/users", { name: "Asa Assessor", email: "asa@api.example", roles: ["ASSESSOR"] });
    const iqa = await api(token, "POST", "/api/v1/users", { name: "Ida IQA", email: "ida@api.example", roles: ["IQA"] });
    expect(await db.outboxEmail.count({ where: { to: "lena@api.example" } })).toBe(1);

    const listed = await api(token, "GET", "/api/v1/users?role=LEARNER");
    expect(listed.body.data?.map((u) => [u.email, u.roles])).toEqual([["lena@api.example", ["LEARNER"]]]);
    expect(listed.body).toMatchObject({ page: 1, pageSize: 50, total: 1, pages: 1 });

    const unit = await cpc308();
    const enrolled = await api(token, "POST", "/api/v1/enrolments", {
      learnerId: learner.body.id,
      unitId: unit.id,
      assessorId: assessor.body.id,
      startedAt: "2026-09-01",
    });
    expect(enrolled).toMatchObject({
      status: 201,
      body: { status: "IN_PROGRESS", startedAt: "2026-09-01", learner: { email: "lena@api.example" }, assessor: { id: assessor.body.id }, iqa: null },
    });
    const enrolmentId = enrolled.body.id as string;

    const assigned = await api(token, "POST", `/api/v1/enrolments/${enrolmentId}/assignments`, { role: "IQA", userId: iqa.body.id, reason: "From the MIS" });
    expect(assigned).toMatchObject({ status: 200, body: { iqa: { id: iqa.body.id } } });
    expect(await db.enrolmentAssignment.count({ where: { enrolmentId } })).toBe(2);

    const listedEnrolments = await api(token, "GET", `/api/v1/enrolments?learnerId=${learner.body.id as string}&unit=cpc308&status=IN_PROGRESS`);
    expect(listedEnrolments.body.data?.map((e) => e.id)).toEqual([enrolmentId]);

    const total = await db.criterion.count({ where: { unitId: unit.id } });
    const fresh = await api(token, "GET", `/api/v1/enrolments/${enrolmentId}/progress`);
    expect(fresh).toMatchObject({
      status: 200,
      body: { enrolmentId, criteria: { total, met: 0, awaitingDecision: 0, notYetMet: 0, notStarted: total }, lastActivityAt: null },
    });

    // The learner and assessor work in the app: one item submitted, one criterion met.
    const learnerActor = await build.actor(learner.body.id as string);
    const assessorActor = await build.actor(assessor.body.id as string);
    const enrolment = { id: enrolmentId, centreId: centre.id, unitId: unit.id, unitCode: "CPC308", learner: learnerActor, assessor: assessorActor, iqa: null };
    const item = await build.submittedItem({ learner: learnerActor, criteria: ["A1", "A2"], title: "Site induction record" });
    await build.signedDecision({ enrolment, criterion: "A1" });
    const after = await api(token, "GET", `/api/v1/enrolments/${enrolmentId}/progress`);
    expect(after.body).toMatchObject({ criteria: { total, met: 1, awaitingDecision: 1, notYetMet: 0, notStarted: total - 2 } });
    expect(after.body.lastActivityAt).toEqual(expect.any(String));

    for (const url of [`/api/v1/enrolments/${enrolmentId}/evidence`, `/api/v1/learners/${learner.body.id as string}/evidence`]) {
      const evidence = await api(token, "GET", url);
      expect(evidence.status).toBe(200);
      expect(evidence.body.data).toEqual([
        expect.objectContaining({
          id: item.id,
          title: "Site induction record",
          status: "SUBMITTED",
          submitted: expect.objectContaining({
            version: 1,
            contentHash: item.contentHash,
            files: [expect.objectContaining({ fileName: "evidence.pdf", sha256: expect.any(String), size: expect.any(Number) })],
          }),
          criteria: [expect.objectContaining({ criterion: "A1", enrolmentId }), expect.objectContaining({ criterion: "A2", enrolmentId })],
        }),
      ]);
      expect(JSON.stringify(evidence.body)).not.toContain("account");
    }

    // Writes are audited as the token's maker, and every request names the token, its method, path and status.
    const created = await db.auditEvent.findFirstOrThrow({ where: { kind: "enrolment.created", subject: `enrolment:${enrolmentId}` } });
    expect(created.actorId).toBe(admin.userId);
    const requests = await db.auditEvent.findMany({ where: { kind: "api.request", centreId: centre.id }, orderBy: { id: "asc" } });
    expect(requests.map((r) => r.data)).toContainEqual({ tokenId, method: "POST", path: "/api/v1/enrolments", status: 201 });
    expect(requests.map((r) => r.data)).toContainEqual({ tokenId, method: "GET", path: `/api/v1/enrolments/${enrolmentId}/progress`, status: 200 });
    expect(requests.length).toBe(11); // each of the 11 requests above, once
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: tokenId } })).lastUsedAt).not.toBeNull();
  });

  it("sees nothing of another centre: its enrolments, learners and users are 404 or absent, and assigning there changes nothing", async () => {
    const mine = await centreWithToken();
    const theirs = await centreWithToken();
    const learner = await build.user({ centre: theirs.centre, roles: ["LEARNER"] });
    const assessor = await build.user({ centre: theirs.centre, roles: ["ASSESSOR"] });
    const myAssessor = await build.user({ centre: mine.centre, roles: ["ASSESSOR"] });
    const enrolment = await build.enrolment({ learner, unit: "CPC308" });
    for (const url of [
      `/api/v1/enrolments/${enrolment.id}/progress`,
      `/api/v1/enrolments/${enrolment.id}/evidence`,
      `/api/v1/learners/${learner.userId}/evidence`,
    ]) {
      expect(await api(mine.token, "GET", url)).toMatchObject({ status: 404, body: { error: "Not found.", fields: {} } });
      expect((await api(theirs.token, "GET", url)).status).toBe(200);
    }
    const assign = await api(mine.token, "POST", `/api/v1/enrolments/${enrolment.id}/assignments`, { role: "ASSESSOR", userId: myAssessor.userId });
    expect(assign.status).toBe(404);
    expect((await db.enrolment.findUniqueOrThrow({ where: { id: enrolment.id } })).assessorId).toBeNull();
    expect((await api(mine.token, "GET", "/api/v1/enrolments")).body.data).toEqual([]);
    expect((await api(mine.token, "GET", "/api/v1/users")).body.data?.map((u) => u.id)).not.toContain(learner.userId);
    // Enrolling their learner, or naming their assessor, is refused as bad input and makes nothing.
    const unit = await cpc308();
    const enrol = await api(mine.token, "POST", "/api/v1/enrolments", {
      learnerId: learner.userId,
      unitId: unit.id,
      assessorId: assessor.userId,
      startedAt: "2026-09-01",
    });
    expect(enrol).toMatchObject({ status: 400, body: { fields: { learnerId: expect.any(String), assessorId: expect.any(String) } } });
    expect(await db.enrolment.count({ where: { learnerId: learner.userId } })).toBe(1);
    expect((await api(mine.token, "GET", "/api/v1/enrolments/not-an-id/progress")).status).toBe(404);
  });

  it("answers bad input with 400 and each field's message, never 500, and keeps nothing", async () => {
    const { centre, token } = await centreWithToken();
    const before = await db.user.count();
    const cases: [string, "GET" | "POST", unknown, string][] = [
      ["/api/v1/users", "POST", { name: "", email: "not-an-email", roles: [] }, "email"],
      ["/api/v1/users", "POST", { name: "A", email: "a@x.example", roles: ["OWNER"] }, "roles.0"],
      ["/api/v1/users", "POST", { name: "A\u0000B", email: "a@x.example", roles: ["LEARNER"] }, "name"],
      ["/api/v1/users", "POST", { name: "A", email: "a@x.example", roles: ["LEARNER"], admin: true }, "form"],
      ["/api/v1/users", "POST", "{not json", "body"],
      ["/api/v1/users", "POST", [1, 2], "form"],
      ["/api/v1/enrolments", "POST", { learnerId: "x", unitId: "y", startedAt: "2026-02-30" }, "learnerId"],
      [
        "/api/v1/enrolments",
        "POST",
        { learnerId: "00000000-0000-4000-8000-000000000000", unitId: "00000000-0000-4000-8000-000000000000", startedAt: "2026-02-01" },
        "unitId",
      ],
      ["/api/v1/users?role=OWNER", "GET", undefined, "role"],
      ["/api/v1/users?page=0", "GET", undefined, "page"],
      ["/api/v1/enrolments?pageSize=1000", "GET", undefined, "pageSize"],
      ["/api/v1/enrolments?status=LOST", "GET", undefined, "status"],
      ["/api/v1/enrolments?learnerId=abc", "GET", undefined, "learnerId"],
    ];
    for (const [url, method, body, field] of cases) {
      const answer = await api(token, method, url, body);
      expect(answer.status, `${method} ${url} ${JSON.stringify(body)}`).toBe(400);
      expect(answer.body.error, url).toEqual(expect.any(String));
      expect(Object.keys(answer.body.fields as object), `${url} ${JSON.stringify(body)}: ${JSON.stringify(answer.body)}`).toContain(field);
    }
    expect(await db.user.count()).toBe(before);
    expect(await db.enrolment.count({ where: { centreId: centre.id } })).toBe(0);
  });

  it("pages lists: pageSize and page choose the slice, total counts them all", async () => {
    const { centre, token } = await centreWithToken();
    for (const n of [1, 2, 3]) await build.user({ centre, roles: ["LEARNER"], name: `Learner ${n}` });
    const second = await api(token, "GET", "/api/v1/users?role=LEARNER&pageSize=2&page=2");
    expect(second.body).toMatchObject({ page: 2, pageSize: 2, total: 3, pages: 2 });
    expect(second.body.data?.map((u) => u.name)).toEqual(["Learner 3"]);
  });
});
