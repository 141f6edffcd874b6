import { describe, expect, it } from "vitest";
import { WRONG_CREDENTIALS } from "../../src/lib/throttle";
import { loadActor } from "../../src/server/auth/actor";
import { signInWithPassword } from "../../src/server/auth/sign-in";
import { DEMO_PASSWORD } from "../../src/server/demo/load-demo";
import { freshDatabase } from "../support/db";

const { db } = await freshDatabase("demo");
const userId = async (email: string) => (await db.user.findUniqueOrThrow({ where: { email } })).id;

describe("signing in", () => {
  it("accepts the right password, stored as argon2id, and audits it", async () => {
    const user = await signInWithPassword(db, { email: " Learner@Northgate.example ", password: DEMO_PASSWORD }, "10.0.0.1");
    expect(user.email).toBe("learner@northgate.example");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toMatch(/^\$argon2id\$/);
    const event = await db.auditEvent.findFirstOrThrow({ where: { kind: "auth.sign_in", actorId: user.id } });
    expect(event.ip).toBe("10.0.0.1");
  });

  it("gives the same clear message for a wrong password and an unknown account", async () => {
    await expect(signInWithPassword(db, { email: "learner2@northgate.example", password: "wrong" }, null)).rejects.toThrow(WRONG_CREDENTIALS);
    await expect(signInWithPassword(db, { email: "nobody@northgate.example", password: "wrong" }, null)).rejects.toThrow(WRONG_CREDENTIALS);
    await expect(signInWithPassword(db, { email: "not an email", password: "x" }, null)).rejects.toThrow("Enter an email address");
    await expect(signInWithPassword(db, { email: "a@b.example" }, null)).rejects.toThrow(/password/i);
  });

  it("throttles an account after repeated failures, then lets it in again after the wait", async () => {
    const email = "learner3@northgate.example";
    const t0 = new Date();
    for (let i = 0; i < 5; i++) await expect(signInWithPassword(db, { email, password: "nope" }, null, t0)).rejects.toThrow(WRONG_CREDENTIALS);
    // Even the right password waits while the account is throttled.
    await expect(signInWithPassword(db, { email, password: DEMO_PASSWORD }, null, t0)).rejects.toThrow(WRONG_CREDENTIALS);
    // Other accounts are not affected.
    await expect(signInWithPassword(db, { email: "assessor@northgate.example", password: DEMO_PASSWORD }, null, t0)).resolves.toBeTruthy();
    const later = new Date(t0.getTime() + 31_000);
    await expect(signInWithPassword(db, { email, password: DEMO_PASSWORD }, null, later)).resolves.toMatchObject({ email });
    expect(await db.user.findUniqueOrThrow({ where: { email } })).toMatchObject({ failedSignIns: 0, lockedUntil: null });
  });

  it("refuses a disabled account", async () => {
    await db.user.update({ where: { email: "learner2@northgate.example" }, data: { active: false } });
    await expect(signInWithPassword(db, { email: "learner2@northgate.example", password: DEMO_PASSWORD }, null)).rejects.toThrow(WRONG_CREDENTIALS);
    await db.user.update({ where: { email: "learner2@northgate.example" }, data: { active: true } });
  });

  it("tells an attacker nothing about whether an account exists: same words, same work, for every failure", async () => {
    // Four failing paths: no such account, wrong password, disabled (right password), throttled (right password).
    await db.user.update({ where: { email: "iqa@northgate.example" }, data: { active: false } });
    await db.user.update({ where: { email: "learner@riverside.example" }, data: { lockedUntil: new Date(Date.now() + 10 * 60_000) } });
    const paths: Record<string, { email: string; password: string }> = {
      unknown: { email: "nobody-here@northgate.example", password: DEMO_PASSWORD },
      wrong: { email: "assessor@northgate.example", password: "not the password" },
      disabled: { email: "iqa@northgate.example", password: DEMO_PASSWORD },
      throttled: { email: "learner@riverside.example", password: DEMO_PASSWORD },
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
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const medians = Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, median(v)]));
    expect(Math.min(...Object.values(medians)) / Math.max(...Object.values(medians)), JSON.stringify(medians)).toBeGreaterThan(0.4);
    // The audit log still tells administrators which it was.
    const reasons = await db.auditEvent.findMany({ where: { kind: "auth.sign_in_failed" }, select: { data: true } });
    expect(new Set(reasons.map((r) => (r.data as { reason: string }).reason))).toEqual(new Set(["unknown_user", "password", "inactive", "throttled"]));
    // Per-account throttling is kept: the wrong password was counted against that account only.
    expect((await db.user.findUniqueOrThrow({ where: { email: "assessor@northgate.example" } })).failedSignIns).toBe(4);
    await db.user.update({ where: { email: "iqa@northgate.example" }, data: { active: true } });
    await db.user.update({ where: { email: "assessor@northgate.example" }, data: { failedSignIns: 0 } });
  });
});

describe("the actor is read from the database on every request", () => {
  it("loses a removed role and a disabled account at once", async () => {
    const id = await userId("iqa@northgate.example");
    expect((await loadActor(db, id))!.grants.map((g) => g.role)).toEqual(["IQA"]);
    await db.roleGrant.deleteMany({ where: { userId: id } });
    expect((await loadActor(db, id))!.grants).toEqual([]);
    await db.user.update({ where: { id }, data: { active: false } });
    expect(await loadActor(db, id)).toBeNull();
  });

  it("gives a verifier access only inside their window", async () => {
    const id = await userId("verifier@northgate.example");
    const grant = await db.roleGrant.findFirstOrThrow({ where: { userId: id } });
    expect((await loadActor(db, id))!.grants).toHaveLength(1);
    expect((await loadActor(db, id, new Date(grant.endsAt!.getTime() + 1)))!.grants).toHaveLength(0);
    expect((await loadActor(db, id, new Date(grant.startsAt!.getTime() - 1)))!.grants).toHaveLength(0);
  });

  it("knows nobody for an unknown id", async () => {
    expect(await loadActor(db, "00000000-0000-0000-0000-000000000000")).toBeNull();
  });
});
