import { describe, expect, it } from "vitest";
import { tokenCreate } from "@/cli/commands/token-create";
import { RATE_LIMIT_PER_MINUTE, callerFor, countRequest } from "@/server/api/bearer";
import { TOKEN_DAYS_DEFAULT, createApiToken, listApiTokens, revokeApiToken } from "@/server/api/tokens";
import { UserFacingError } from "@/server/errors";
import { NotFoundError } from "@/server/policy";
import { hashSecretToken } from "@/server/tokens/secret-token";
import { GET as listEnrolments } from "@/../app/api/v1/enrolments/route";
import * as build from "../support/builders";
import { freshDatabase } from "../support/db";

const { db } = await freshDatabase("schema");

const DAY = 86_400_000;
const call = (token: string | null) =>
  listEnrolments(new Request("http://attest.test/api/v1/enrolments", { headers: token ? { authorization: `Bearer ${token}` } : {} }), {
    params: Promise.resolve({}),
  });

async function adminOfNewCentre() {
  const centre = await build.centre();
  return { centre, admin: await build.user({ centre, roles: ["CENTRE_ADMIN"] }) };
}

describe("API tokens", () => {
  it("are shown once, stored only as a hash, named, expiring by default after 90 days, and audited", async () => {
    const { centre, admin } = await adminOfNewCentre();
    const now = new Date();
    const made = await createApiToken(admin, { name: "College MIS" }, now);
    expect(made.token).toMatch(/^att_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: made.id } });
    expect(row).toMatchObject({
      centreId: centre.id,
      name: "College MIS",
      tokenHash: hashSecretToken(made.token),
      prefix: made.prefix,
      createdById: admin.userId,
    });
    expect(JSON.stringify(row)).not.toContain(made.token.split("_")[2]);
    expect(row.expiresAt.getTime() - now.getTime()).toBe(TOKEN_DAYS_DEFAULT * DAY);
    const listed = await listApiTokens(admin);
    expect(listed.tokens.map((t) => [t.name, t.status])).toEqual([["College MIS", "active"]]);
    expect(JSON.stringify(listed)).not.toContain(made.token);
    const event = await db.auditEvent.findFirstOrThrow({ where: { kind: "api_token.created", subject: `api_token:${made.id}` } });
    expect(event).toMatchObject({ actorId: admin.userId, centreId: centre.id });
  });

  it("refuse a lifetime over 365 days or an empty name, and keep nothing", async () => {
    const { centre, admin } = await adminOfNewCentre();
    await expect(createApiToken(admin, { name: "MIS", days: "366" })).rejects.toMatchObject({ fields: { days: "A token can last at most 365 days" } });
    await expect(createApiToken(admin, { name: "  ", days: "30" })).rejects.toBeInstanceOf(UserFacingError);
    expect(await db.apiToken.count({ where: { centreId: centre.id } })).toBe(0);
  });

  it("belong to the admin's centre only: another centre's admin, an assessor and a learner are refused", async () => {
    const { centre, admin } = await adminOfNewCentre();
    const other = await adminOfNewCentre();
    const assessor = await build.user({ centre, roles: ["ASSESSOR"] });
    const learner = await build.user({ centre, roles: ["LEARNER"] });
    const made = await createApiToken(admin, { name: "MIS" });
    await expect(revokeApiToken(other.admin, { tokenId: made.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(createApiToken(other.admin, { name: "x", centreId: centre.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(listApiTokens(other.admin, { centre: centre.id })).rejects.toBeInstanceOf(NotFoundError);
    for (const who of [assessor, learner]) {
      await expect(createApiToken(who, { name: "x" })).rejects.toBeInstanceOf(NotFoundError);
      await expect(listApiTokens(who)).rejects.toBeInstanceOf(NotFoundError);
      await expect(revokeApiToken(who, { tokenId: made.id })).rejects.toBeInstanceOf(NotFoundError);
    }
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: made.id } })).revokedAt).toBeNull();
  });

  it("stop working at once when revoked (401), and revoking is audited once", async () => {
    const { admin } = await adminOfNewCentre();
    const made = await createApiToken(admin, { name: "MIS" });
    expect((await call(made.token)).status).toBe(200);
    expect(await revokeApiToken(admin, { tokenId: made.id })).toEqual({ revoked: true });
    expect(await revokeApiToken(admin, { tokenId: made.id })).toEqual({ revoked: false });
    const refused = await call(made.token);
    expect(refused.status).toBe(401);
    expect(refused.headers.get("www-authenticate")).toContain("Bearer");
    expect(await db.auditEvent.count({ where: { kind: "api_token.revoked", subject: `api_token:${made.id}` } })).toBe(1);
    expect((await listApiTokens(admin)).tokens[0]?.status).toBe("revoked");
  });

  it("stop working when expired (401), and a missing or made-up token is 401 too", async () => {
    const { admin } = await adminOfNewCentre();
    const made = await createApiToken(admin, { name: "MIS", days: "1" }, new Date(Date.now() - 2 * DAY));
    expect((await call(made.token)).status).toBe(401);
    expect((await call(null)).status).toBe(401);
    expect((await call(`att_${made.prefix}_${"x".repeat(43)}`)).status).toBe(401);
    expect((await call("not-a-token")).status).toBe(401);
    expect((await listApiTokens(admin)).tokens[0]?.status).toBe("expired");
  });

  it(`allow ${RATE_LIMIT_PER_MINUTE} requests a minute per token, counted in the database, then 429 with Retry-After`, async () => {
    const { admin } = await adminOfNewCentre();
    const made = await createApiToken(admin, { name: "MIS" });
    const caller = await callerFor(`Bearer ${made.token}`);
    const minute = new Date(Math.floor(Date.now() / 60_000) * 60_000 + 15_000);
    // Concurrent requests, as from several app instances: the one upsert counts each exactly once.
    await Promise.all(Array.from({ length: RATE_LIMIT_PER_MINUTE - 1 }, () => countRequest(caller, minute)));
    await countRequest(caller, minute);
    await expect(countRequest(caller, minute)).rejects.toMatchObject({ retryAfterSeconds: 45 });
    expect((await db.apiTokenWindow.findFirstOrThrow({ where: { tokenId: made.id } })).count).toBe(RATE_LIMIT_PER_MINUTE + 1);
    // The next minute starts a new count, and drops the windows before the last one.
    await countRequest(caller, new Date(minute.getTime() + 120_000));
    expect(await db.apiTokenWindow.count({ where: { tokenId: made.id } })).toBe(1);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: made.id } })).lastUsedAt?.getTime()).toBe(minute.getTime() + 120_000);
  });

  it("answer 429 through a route with Retry-After, audited", async () => {
    const { centre, admin } = await adminOfNewCentre();
    const made = await createApiToken(admin, { name: "MIS" });
    const start = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    await db.apiTokenWindow.create({ data: { tokenId: made.id, windowStart: start, count: RATE_LIMIT_PER_MINUTE } });
    const refused = await call(made.token);
    if (Math.floor(Date.now() / 60_000) * 60_000 !== start.getTime()) return; // the minute turned during the test
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({ error: expect.stringContaining("Too many requests") });
    const event = await db.auditEvent.findFirstOrThrow({ where: { kind: "api.request", centreId: centre.id }, orderBy: { id: "desc" } });
    expect(event.data).toMatchObject({ tokenId: made.id, method: "GET", path: "/api/v1/enrolments", status: 429 });
  });
});

describe("npm run attest -- token create", () => {
  function capture() {
    const lines = { out: [] as string[], err: [] as string[] };
    return { io: { out: (l: string) => lines.out.push(l), err: (l: string) => lines.err.push(l) }, lines };
  }

  it("prints a working token once for the centre named by name or slug, audited as the command line", async () => {
    const centre = await build.centre({ name: "Harbour College CLI" });
    const { io, lines } = capture();
    expect(await tokenCreate(db, ["--centre", "Harbour College CLI", "--name", "MIS", "--days", "30"], io)).toBe(0);
    const token = lines.out.find((l) => l.startsWith("att_")) ?? "";
    const row = await db.apiToken.findUniqueOrThrow({ where: { tokenHash: hashSecretToken(token) } });
    expect(row).toMatchObject({ centreId: centre.id, name: "MIS", createdById: null });
    expect(Math.round((row.expiresAt.getTime() - row.createdAt.getTime()) / DAY)).toBe(30);
    expect((await call(token)).status).toBe(200);
    const event = await db.auditEvent.findFirstOrThrow({ where: { kind: "api_token.created", subject: `api_token:${row.id}` } });
    expect(event).toMatchObject({ actorId: null, centreId: centre.id, data: expect.objectContaining({ via: "cli" }) });
    const slug = (await db.centre.findUniqueOrThrow({ where: { id: centre.id } })).slug;
    expect(await tokenCreate(db, ["--centre", slug, "--name", "MIS 2"], capture().io)).toBe(0);
  });

  it("says clearly what is wrong and makes nothing: unknown centre, bad days, missing name", async () => {
    const centre = await build.centre({ name: "Quay CLI" });
    const unknown = capture();
    expect(await tokenCreate(db, ["--centre", "Nowhere", "--name", "MIS"], unknown.io)).toBe(2);
    expect(unknown.lines.err[0]).toBe("--centre: No centre has this name or slug");
    const days = capture();
    expect(await tokenCreate(db, ["--centre", "Quay CLI", "--name", "MIS", "--days", "400"], days.io)).toBe(2);
    expect(days.lines.err[0]).toBe("--days: A token can last at most 365 days");
    await expect(tokenCreate(db, ["--centre", "Quay CLI"], capture().io)).rejects.toThrow("--name");
    expect(await db.apiToken.count({ where: { centreId: centre.id } })).toBe(0);
  });
});
