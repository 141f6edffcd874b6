import { describe, expect, it } from "vitest";
import { WRONG_CREDENTIALS } from "@/lib/throttle";
import { loadActor } from "@/server/auth/actor";
import { signInWithPassword } from "@/server/auth/sign-in";
import * as build from "../support/builders";
import { freshDatabase } from "../support/db";
import { must } from "@/lib/must";

const { db } = await freshDatabase();
const home = await build.centre();
const learner = () => build.user({ centre: home, roles: ["LEARNER"] });

describe("signing in", () => {
  it("accepts the right password, stored as argon2id, and audits it", async () => {
    await build.user({ centre: home, roles: ["LEARNER"], email: "jordan.lee@home.example" });
    const signedIn = await signInWithPassword(db, { email: " Jordan.Lee@Home.example ", password: build.PASSWORD }, "10.0.0.1");
    expect(signedIn.email).toBe("jordan.lee@home.example");
    expect((await db.user.findUniqueOrThrow({ where: { id: signedIn.id } })).passwordHash).toMatch(/^\$argon2id\$/);
    const event = await db.auditEvent.findFirstOrThrow({ where: { kind: "auth.sign_in", actorId: signedIn.id } });
    expect(event.ip).toBe("10.0.0.1");
  });

  it("gives the same clear message for a wrong password and an unknown account", async () => {
    await expect(signInWithPassword(db, { email: (await learner()).email, password: "wrong" }, null)).rejects.toThrow(WRONG_CREDENTIALS);
    await expect(signInWithPassword(db, { email: "nobody@home.example", password: "wrong" }, null)).rejects.toThrow(WRONG_CREDENTIALS);
    await expect(signInWithPassword(db, { email: "not an email", password: "x" }, null)).rejects.toThrow("Enter an email address");
    await expect(signInWithPassword(db, { email: "a@b.example" }, null)).rejects.toThrow(/password/i);
  });

  it("throttles an account after repeated failures, then lets it in again after the wait", async () => {
    const { email } = await learner();
    const other = await build.user({ centre: home, roles: ["ASSESSOR"] });
    const t0 = new Date();
    for (let i = 0; i < 5; i++) await expect(signInWithPassword(db, { email, password: "nope" }, null, t0)).rejects.toThrow(WRONG_CREDENTIALS);
    // Even the right password waits while the account is throttled.
    await expect(signInWithPassword(db, { email, password: build.PASSWORD }, null, t0)).rejects.toThrow(WRONG_CREDENTIALS);
    // Other accounts are not affected.
    await expect(signInWithPassword(db, { email: other.email, password: build.PASSWORD }, null, t0)).resolves.toBeTruthy();
    const later = new Date(t0.getTime() + 31_000);
    await expect(signInWithPassword(db, { email, password: build.PASSWORD }, null, later)).resolves.toMatchObject({ email });
    expect(await db.user.findUniqueOrThrow({ where: { email } })).toMatchObject({ failedSignIns: 0, lockedUntil: null });
  });

  it("refuses a disabled account", async () => {
    const { email } = await learner();
    await db.user.update({ where: { email }, data: { active: false } });
    await expect(signInWithPassword(db, { email, password: build.PASSWORD }, null)).rejects.toThrow(WRONG_CREDENTIALS);
  });

  it("tells an attacker nothing about whether an account exists: same words, same work, for every failure", async () => {
    // Four failing paths: no such account, wrong password, disabled (right password), throttled (right password).
    const [wrong, disabled, throttled] = [
      await build.user({ centre: home, roles: ["ASSESSOR"] }),
      await build.user({ centre: home, roles: ["IQA"] }),
      await build.user({ centre: await build.centre(), roles: ["LEARNER"] }),
    ];
    await db.user.update({ where: { id: disabled.userId }, data: { active: false } });
    await db.user.update({ where: { id: throttled.userId }, data: { lockedUntil: new Date(Date.now() + 10 * 60_000) } });
    const paths: Record<string, { email: string; password: string }> = {
      unknown: { email: "nobody-here@home.example", password: build.PASSWORD },
      wrong: { email: wrong.email, password: "not the password" },
      disabled: { email: disabled.email, password: build.PASSWORD },
      throttled: { email: throttled.email, password: build.PASSWORD },
    };
    const timings: Record<string, number[]> = {};
    for (let round = 0; round < 4; round++) {
      for (const [name, credentials] of Object.entries(paths)) {
        const started = performance.now();
        const error = await signInWithPassword(db, credentials, null).catch((e: Error) => e);
        (timings[name] ??= []).push(performance.now() - started);
        expect(error, name).toBeInstanceOf(Error);
        expect((error as Error).message, name).toBe(WRONG_CREDENTIALS);
      }
    }
    // Every path verifies one argon2 hash (tens of milliseconds); one that skipped it would be several times faster.
    const median = (xs: number[]) => must(xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)], "xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]");
    const medians = Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, median(v)]));
    expect(Math.min(...Object.values(medians)) / Math.max(...Object.values(medians)), JSON.stringify(medians)).toBeGreaterThan(0.4);
    // The audit log still tells administrators which it was.
    const reasons = await db.auditEvent.findMany({ where: { kind: "auth.sign_in_failed" }, select: { data: true } });
    expect(new Set(reasons.map((r) => (r.data as { reason: string }).reason))).toEqual(new Set(["unknown_user", "password", "inactive", "throttled"]));
    // Per-account throttling is kept: the wrong password was counted against that account only.
    expect((await db.user.findUniqueOrThrow({ where: { id: wrong.userId } })).failedSignIns).toBe(4);
  });
});

describe("the actor is read from the database on every request", () => {
  it("loses a removed role and a disabled account at once", async () => {
    const { userId: id } = await build.user({ centre: home, roles: ["IQA"] });
    expect(must(await loadActor(db, id), "(await loadActor(db, id))").grants.map((g) => g.role)).toEqual(["IQA"]);
    await db.roleGrant.deleteMany({ where: { userId: id } });
    expect(must(await loadActor(db, id), "(await loadActor(db, id))").grants).toEqual([]);
    await db.user.update({ where: { id }, data: { active: false } });
    expect(await loadActor(db, id)).toBeNull();
  });

  it("gives a verifier access only inside their window", async () => {
    const now = new Date();
    const { userId: id } = await build.user({
      centre: home,
      roles: ["EXTERNAL_VERIFIER"],
      window: { startsAt: now, endsAt: new Date(now.getTime() + 365 * 86_400_000) },
    });
    const grant = await db.roleGrant.findFirstOrThrow({ where: { userId: id } });
    expect(must(await loadActor(db, id), "(await loadActor(db, id))").grants).toHaveLength(1);
    expect(
      must(
        await loadActor(db, id, new Date(must(grant.endsAt, "grant.endsAt").getTime() + 1)),
        '(await loadActor(db, id, new Date(must(grant.endsAt, "grant.endsAt").getTime() + 1)))',
      ).grants,
    ).toHaveLength(0);
    expect(
      must(
        await loadActor(db, id, new Date(must(grant.startsAt, "grant.startsAt").getTime() - 1)),
        '(await loadActor(db, id, new Date(must(grant.startsAt, "grant.startsAt").getTime() - 1)))',
      ).grants,
    ).toHaveLength(0);
  });

  it("knows nobody for an unknown id", async () => {
    expect(await loadActor(db, "00000000-0000-0000-0000-000000000000")).toBeNull();
  });
});
