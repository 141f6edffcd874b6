import { describe, expect, it } from "vitest";
import { WRONG_CREDENTIALS } from "@/lib/throttle";
import { changePassword } from "@/server/auth/change-password";
import { authOptions } from "@/server/auth/options";
import { touchLiveSession } from "@/server/auth/sessions";
import { signInWithPassword } from "@/server/auth/sign-in";
import { loadSigningKey } from "@/server/audit/signing-key";
import { verifyIntegrity } from "@/server/audit/verify";
import { setAccountActive, signOutEverywhere } from "@/server/centre/accounts";
import { sessionLimits } from "@/server/env";
import { NotFoundError, UnauthenticatedError } from "@/server/policy";
import * as build from "../support/builders";
import { freshDatabase } from "../support/db";
import { must } from "@/lib/must";

const { db, url } = await freshDatabase();
const MINUTE = 60_000;
const home = await build.centre();
const admin = await build.user({ centre: home, roles: ["CENTRE_ADMIN"] });
const otherLearner = await build.user({ centre: home, roles: ["LEARNER"] });

/** A learner made for one test, so no other test depends on its password or state. */
async function newLearner(tag: string) {
  const learner = await build.user({ centre: home, roles: ["LEARNER"], name: `Session ${tag}` });
  return db.user.findUniqueOrThrow({ where: { id: learner.userId } });
}
const signIn = (email: string, at = new Date()) => signInWithPassword(db, { email, password: build.PASSWORD }, "10.0.0.9", at);
const row = (id: string) => db.session.findUniqueOrThrow({ where: { id } });

describe("a sign-in is a server-side session", () => {
  it("starts a row with a 12-hour absolute limit by default and a 60-minute idle limit", async () => {
    expect(sessionLimits({})).toEqual({ lifetimeMs: 12 * 3_600_000, idleMs: 60 * MINUTE });
    expect(sessionLimits({ ATTEST_SESSION_HOURS: "2", ATTEST_IDLE_MINUTES: "15" })).toEqual({ lifetimeMs: 2 * 3_600_000, idleMs: 15 * MINUTE });
    expect(() => sessionLimits({ ATTEST_SESSION_HOURS: "never" })).toThrow(/ATTEST_SESSION_HOURS must be a number/);
    expect(() => sessionLimits({ ATTEST_IDLE_MINUTES: "1" })).toThrow(/ATTEST_IDLE_MINUTES must be at least 5/);

    const user = await newLearner("start");
    const t0 = new Date();
    const signedIn = await signIn(user.email, t0);
    const session = await row(signedIn.sessionId);
    expect(session).toMatchObject({ userId: user.id, ip: "10.0.0.9", endedAt: null });
    expect(session.expiresAt.getTime() - session.createdAt.getTime()).toBe(12 * 3_600_000);
    expect(await touchLiveSession(db, signedIn.sessionId, user.id, t0)).toBe(true);
    // The session belongs to its user only, and nonsense is refused without an error.
    expect(await touchLiveSession(db, signedIn.sessionId, otherLearner.userId, t0)).toBe(false);
    expect(await touchLiveSession(db, "not-a-uuid", user.id, t0)).toBe(false);
    expect(await touchLiveSession(db, undefined, user.id, t0)).toBe(false);
  });

  it("ends at the absolute limit however active the user is", async () => {
    const user = await newLearner("absolute");
    const t0 = new Date();
    const { sessionId } = await signIn(user.email, t0);
    // Busy all day: a request every 30 minutes keeps it from idling.
    for (let t = 30 * MINUTE; t < 12 * 60 * MINUTE; t += 30 * MINUTE)
      expect(await touchLiveSession(db, sessionId, user.id, new Date(t0.getTime() + t))).toBe(true);
    expect(await touchLiveSession(db, sessionId, user.id, new Date(t0.getTime() + 12 * 60 * MINUTE))).toBe(false);
  });

  it("ends after the idle limit, and is touched at most once a minute", async () => {
    const user = await newLearner("idle");
    const t0 = new Date();
    const { sessionId } = await signIn(user.email, t0);
    expect(await touchLiveSession(db, sessionId, user.id, new Date(t0.getTime() + 30_000))).toBe(true);
    expect((await row(sessionId)).lastSeenAt).toEqual(t0);
    const t1 = new Date(t0.getTime() + 59 * MINUTE);
    expect(await touchLiveSession(db, sessionId, user.id, t1)).toBe(true);
    expect((await row(sessionId)).lastSeenAt).toEqual(t1);
    // 59 minutes after t1 it is still live (the touch moved the idle window)...
    expect(await touchLiveSession(db, sessionId, user.id, new Date(t1.getTime() + 59 * MINUTE))).toBe(true);
    const t2 = new Date(t1.getTime() + 59 * MINUTE);
    // ...and an hour of silence after that ends it.
    expect(await touchLiveSession(db, sessionId, user.id, new Date(t2.getTime() + 60 * MINUTE))).toBe(false);
  });

  it("next-auth reports no user for an ended session, and signing out ends it once, audited", async () => {
    process.env.DATABASE_URL = url;
    process.env.NEXTAUTH_SECRET ??= "integration-test-secret-integration-test-secret";
    const options = authOptions();
    const user = await newLearner("signout");
    const { sessionId } = await signIn(user.email);
    const token = await must(
      must(options.callbacks, "options.callbacks").jwt,
      'must(options.callbacks, "options.callbacks").jwt',
    )({ token: {}, user: { id: user.id, sessionId } as never, account: null });
    expect(token).toMatchObject({ sub: user.id, sid: sessionId });
    await expect(
      must(must(options.callbacks, "options.callbacks").jwt, 'must(options.callbacks, "options.callbacks").jwt')({ token, account: null } as never),
    ).resolves.toMatchObject({ sid: sessionId });

    await must(must(options.events, "options.events").signOut, 'must(options.events, "options.events").signOut')({ token, session: undefined as never });
    expect(await row(sessionId)).toMatchObject({ endReason: "sign_out" });
    expect(await db.auditEvent.count({ where: { kind: "auth.sign_out", actorId: user.id } })).toBe(1);
    // The replayed token is refused (next-auth then clears the cookie and reports no session).
    await expect(
      must(must(options.callbacks, "options.callbacks").jwt, 'must(options.callbacks, "options.callbacks").jwt')({ token, account: null } as never),
    ).rejects.toThrow();
    // A token from before server-side sessions carries no session id: refused too.
    await expect(
      must(
        must(options.callbacks, "options.callbacks").jwt,
        'must(options.callbacks, "options.callbacks").jwt',
      )({ token: { sub: user.id }, account: null } as never),
    ).rejects.toThrow();
    await must(must(options.events, "options.events").signOut, 'must(options.events, "options.events").signOut')({ token, session: undefined as never });
    expect(await db.auditEvent.count({ where: { kind: "auth.sign_out", actorId: user.id } })).toBe(1);
  });
});

describe("changing a password", () => {
  it("needs the current password and a long new one typed twice", async () => {
    const user = await newLearner("pw-rules");
    const actor = await build.actor(user.id);
    const change = (over: Record<string, string>) =>
      changePassword(actor, { currentPassword: build.PASSWORD, newPassword: "a long new password", confirmPassword: "a long new password", ...over });
    await expect(change({ newPassword: "short", confirmPassword: "short" })).rejects.toMatchObject({
      fields: { newPassword: "Use at least 12 characters for the new password" },
    });
    await expect(change({ confirmPassword: "a long new passwore" })).rejects.toMatchObject({
      fields: { confirmPassword: "The two new passwords are not the same" },
    });
    await expect(change({ currentPassword: "not the password" })).rejects.toMatchObject({ fields: { currentPassword: expect.any(String) } });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(user.passwordHash);
    // The wrong guess counts towards the account's throttling.
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).failedSignIns).toBe(1);
  });

  it("stores the new one as argon2id, ends every session of that user, and audits it", async () => {
    const user = await newLearner("pw-change");
    const other = await signIn(otherLearner.email);
    const [a, b] = [await signIn(user.email), await signIn(user.email)];
    const result = await changePassword(
      await build.actor(user.id),
      { currentPassword: build.PASSWORD, newPassword: "correct horse battery", confirmPassword: "correct horse battery" },
      "10.1.1.1",
    );
    expect(result).toEqual({ sessionsEnded: 2 });
    for (const s of [a, b]) {
      expect(await row(s.sessionId)).toMatchObject({ endReason: "password_changed" });
      expect(await touchLiveSession(db, s.sessionId, user.id)).toBe(false);
    }
    expect(await touchLiveSession(db, other.sessionId, other.id)).toBe(true);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toMatch(/^\$argon2id\$/);
    await expect(signIn(user.email)).rejects.toThrow(WRONG_CREDENTIALS);
    await expect(signInWithPassword(db, { email: user.email, password: "correct horse battery" }, null)).resolves.toMatchObject({ id: user.id });
    expect(await db.auditEvent.findFirstOrThrow({ where: { kind: "auth.password_changed", actorId: user.id } })).toMatchObject({
      ip: "10.1.1.1",
      data: { sessionsEnded: 2 },
    });
    expect(await verifyIntegrity(db, await loadSigningKey())).toMatchObject({ ok: true });
  });
});

describe("a centre admin manages a user's sessions and account", () => {
  it("signs a user out everywhere", async () => {
    const user = await newLearner("everywhere");
    const [a, b] = [await signIn(user.email), await signIn(user.email)];
    expect(await signOutEverywhere(admin, { userId: user.id })).toEqual({ sessionsEnded: 2 });
    for (const s of [a, b]) expect(await row(s.sessionId)).toMatchObject({ endReason: "signed_out_everywhere" });
    const event = await db.auditEvent.findFirstOrThrow({ where: { kind: "user.sessions_ended", actorId: admin.userId } });
    expect(event).toMatchObject({ subject: `user:${user.id}`, data: { userId: user.id, sessionsEnded: 2 } });
    expect(event.centreId).toBe(must(admin.grants[0], "admin.grants[0]").centreId);
    // The user can sign in again afterwards.
    expect(await touchLiveSession(db, (await signIn(user.email)).sessionId, user.id)).toBe(true);
  });

  it("disables an account (ending its sessions) and enabling it does not revive them", async () => {
    const user = await newLearner("disable");
    const { sessionId } = await signIn(user.email);
    expect(await setAccountActive(admin, { userId: user.id, active: "false" })).toEqual({ active: false, sessionsEnded: 1 });
    expect(await row(sessionId)).toMatchObject({ endReason: "account_disabled" });
    await expect(signIn(user.email)).rejects.toThrow(WRONG_CREDENTIALS);
    expect(await setAccountActive(admin, { userId: user.id, active: "true" })).toEqual({ active: true, sessionsEnded: 0 });
    expect(await touchLiveSession(db, sessionId, user.id)).toBe(false);
    expect(await db.auditEvent.count({ where: { kind: { in: ["user.disabled", "user.enabled"] }, subject: `user:${user.id}` } })).toBe(2);
    await expect(signIn(user.email)).resolves.toMatchObject({ id: user.id });
  });

  it("starts no session for a sign-in that raced a disable (so enabling later cannot revive one)", async () => {
    const user = await newLearner("race");
    let signingIn: Promise<unknown> | undefined;
    await db.$transaction(
      async (tx) => {
        // Hold the row as setAccountActive does, let the sign-in read and verify, then disable and commit.
        await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${user.id}::uuid FOR UPDATE`;
        signingIn = signIn(user.email).catch((e: Error) => e);
        await new Promise((r) => setTimeout(r, 1500));
        await tx.user.update({ where: { id: user.id }, data: { active: false } });
      },
      { timeout: 10_000 },
    );
    expect(((await signingIn) as Error).message).toBe(WRONG_CREDENTIALS);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    await setAccountActive(admin, { userId: user.id, active: "true" });
    expect(await db.session.count({ where: { userId: user.id, endedAt: null } })).toBe(0);
  });

  it("refuses an admin disabling themselves, and anyone who is not that user's centre admin", async () => {
    await expect(setAccountActive(admin, { userId: admin.userId, active: "false" })).rejects.toThrow("You cannot disable your own account");
    const user = await newLearner("outsiders");
    const { sessionId } = await signIn(user.email);
    const outsiders = [
      await build.user({ centre: await build.centre(), roles: ["CENTRE_ADMIN"] }),
      await build.user({ centre: home, roles: ["ASSESSOR"] }),
      otherLearner,
      await build.user({ centre: home, roles: ["EXTERNAL_VERIFIER"] }),
    ];
    for (const outsider of outsiders) {
      await expect(signOutEverywhere(outsider, { userId: user.id })).rejects.toBeInstanceOf(NotFoundError);
      await expect(setAccountActive(outsider, { userId: user.id, active: "false" })).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(signOutEverywhere(admin, { userId: "nonsense" })).rejects.toMatchObject({ fields: { userId: "Choose a user from the list" } });
    expect(await touchLiveSession(db, sessionId, user.id)).toBe(true);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).active).toBe(true);
  });
});
