import { describe, expect, it } from "vitest";
import { startSession, touchLiveSession } from "@/server/auth/sessions";
import { signOutMyselfEverywhere } from "@/server/auth/sign-out-everywhere";
import { listPeople, personInCentre } from "@/server/centre/people";
import { deactivatePerson, endRole, grantRole, invitePerson, reactivatePerson, resendInvitation } from "@/server/centre/people-changes";
import { UserFacingError } from "@/server/errors";
import { NotFoundError } from "@/server/policy";
import * as build from "../support/builders";
import { freshDatabase } from "../support/db";

const { db } = await freshDatabase();
const centre = await build.centre({ name: "Home Centre" });
const elsewhere = await build.centre({ name: "Other Centre" });
const admin = await build.user({ centre, roles: ["CENTRE_ADMIN"], name: "Amy Admin" });
const otherAdmin = await build.user({ centre: elsewhere, roles: ["CENTRE_ADMIN"] });
const learner = await build.user({ centre, roles: ["LEARNER"], name: "Lee Learner" });
const session = () => db.$transaction((tx) => startSession(tx, learner.userId, null));

describe("inviting from the people page", () => {
  it("creates the person with their roles and sends the invitation mail after the commit", async () => {
    const result = await invitePerson(admin, { name: "Ivy Invitee", email: "Ivy@Example.com", roles: ["LEARNER", "ASSESSOR"] });
    expect(result).toMatchObject({ created: true, mailed: true, rolesAdded: ["LEARNER", "ASSESSOR"] });
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { to: "ivy@example.com" } });
    expect(mail).toMatchObject({ centreId: centre.id, subject: "Your Attest account: choose a password" });
    expect(mail.text).toContain("by Home Centre");
    const listed = await listPeople(admin, null, { q: "ivy" });
    expect(listed.rows).toEqual([{ id: result.userId, name: "Ivy Invitee", email: "ivy@example.com", status: "invited", roles: ["LEARNER", "ASSESSOR"] }]);
  });

  it("refuses bad input beside its field, and someone who already holds every role, changing nothing", async () => {
    await expect(invitePerson(admin, { name: "", email: "nope", roles: ["EXTERNAL_VERIFIER"] })).rejects.toMatchObject({
      fields: { name: "Enter the person's full name", email: "Enter an email address, like name@example.com", "roles.0": expect.any(String) },
    });
    await expect(invitePerson(admin, { name: "X", email: "x@example.com", roles: [] })).rejects.toMatchObject({
      fields: { roles: "Choose at least one role" },
    });
    await expect(invitePerson(admin, { name: "Lee", email: learner.email, roles: ["LEARNER"] })).rejects.toBeInstanceOf(UserFacingError);
    expect(await db.user.count({ where: { email: "x@example.com" } })).toBe(0);
  });

  it("is refused for another centre, for assessors and learners: not found", async () => {
    const assessor = await build.user({ centre, roles: ["ASSESSOR"] });
    for (const who of [otherAdmin, assessor, learner])
      await expect(invitePerson(who, { centreId: centre.id, name: "Sly", email: "sly@example.com", roles: ["CENTRE_ADMIN"] })).rejects.toBeInstanceOf(
        NotFoundError,
      );
    // Another centre's admin invites into their own centre only.
    await invitePerson(otherAdmin, { name: "Sly", email: "sly@example.com", roles: ["LEARNER"] });
    const sly = await db.user.findUniqueOrThrow({ where: { email: "sly@example.com" }, include: { roleGrants: true } });
    expect(sly.roleGrants.map((g) => g.centreId)).toEqual([elsewhere.id]);
  });
});

describe("the people list and a person's page", () => {
  it("pages, searches by name or email, shows status, and shows nobody of another centre", async () => {
    const off = await build.user({ centre, roles: ["ASSESSOR"], name: "Dee Deactivated" });
    await deactivatePerson(admin, { userId: off.userId, reason: "Left the centre" });
    const page = await listPeople(admin, null, {});
    expect(page.rows.find((r) => r.id === off.userId)?.status).toBe("deactivated");
    expect(page.rows.find((r) => r.id === learner.userId)?.status).toBe("active");
    expect(page.rows.some((r) => r.email === "sly@example.com")).toBe(false);
    expect((await listPeople(admin, null, { q: "LEARNER" })).rows.map((r) => r.name)).toEqual(["Lee Learner"]);
    await expect(listPeople(admin, elsewhere.id, {})).rejects.toBeInstanceOf(NotFoundError);
    await expect(personInCentre(otherAdmin, null, learner.userId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(personInCentre(learner, null, learner.userId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(personInCentre(admin, null, "not-a-uuid")).rejects.toBeInstanceOf(NotFoundError);
    const view = await personInCentre(admin, null, off.userId);
    expect(view.history[0]).toMatchObject({ kind: "person.deactivated", by: "Amy Admin", data: { reason: "Left the centre" } });
  });

  it("pages 25 at a time", async () => {
    const many = await build.centre();
    const boss = await build.user({ centre: many, roles: ["CENTRE_ADMIN"], name: "Aaa Boss" });
    for (let i = 0; i < 26; i++) await build.user({ centre: many, roles: ["LEARNER"], name: `Zed ${String(i).padStart(2, "0")}` });
    const first = await listPeople(boss, null, {});
    expect([first.total, first.pages, first.rows.length]).toEqual([27, 2, 25]);
    expect((await listPeople(boss, null, { page: "2" })).rows.map((r) => r.name)).toEqual(["Zed 24", "Zed 25"]);
  });
});

describe("resending an invitation", () => {
  it("sends a new link and the old one stops working; refused once they have a password", async () => {
    const { userId } = await invitePerson(admin, { name: "Rae Resend", email: "rae@example.com", roles: ["LEARNER"] });
    const [old] = await db.passwordToken.findMany({ where: { userId } });
    await resendInvitation(admin, { userId });
    expect((await db.passwordToken.findUniqueOrThrow({ where: { id: old?.id ?? "" } })).expiresAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(await db.passwordToken.count({ where: { userId, usedAt: null, expiresAt: { gt: new Date() } } })).toBe(1);
    expect(await db.outboxEmail.count({ where: { to: "rae@example.com" } })).toBe(2);
    await expect(resendInvitation(admin, { userId: learner.userId })).rejects.toThrow(/already chosen a password/);
    await expect(resendInvitation(otherAdmin, { userId })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("deactivating and reactivating", () => {
  it("ends the person's sessions at once, keeps the reason, and needs one", async () => {
    const live = await session();
    await expect(deactivatePerson(admin, { userId: learner.userId, reason: "  " })).rejects.toMatchObject({
      fields: { reason: "Give the reason for deactivating" },
    });
    expect(await touchLiveSession(db, live, learner.userId)).toBe(true);
    expect(await deactivatePerson(admin, { userId: learner.userId, reason: "Finished the course" })).toEqual({ sessionsEnded: 1, changed: true });
    expect(await touchLiveSession(db, live, learner.userId)).toBe(false);
    expect((await db.user.findUniqueOrThrow({ where: { id: learner.userId } })).active).toBe(false);
    await reactivatePerson(admin, { userId: learner.userId, reason: "Came back" });
    expect((await db.user.findUniqueOrThrow({ where: { id: learner.userId } })).active).toBe(true);
    const kinds = await db.auditEvent.findMany({ where: { subject: `user:${learner.userId}`, kind: { startsWith: "person." } }, orderBy: { id: "asc" } });
    expect(kinds.map((e) => [e.kind, (e.data as { reason: string }).reason, e.actorId])).toEqual([
      ["person.deactivated", "Finished the course", admin.userId],
      ["person.reactivated", "Came back", admin.userId],
    ]);
  });

  it("refuses your own account, and another centre's admin, an assessor or a learner (not found)", async () => {
    await expect(deactivatePerson(admin, { userId: admin.userId, reason: "oops" })).rejects.toThrow(/your own account/);
    const assessor = await build.user({ centre, roles: ["ASSESSOR"] });
    for (const who of [otherAdmin, assessor, learner])
      await expect(deactivatePerson(who, { userId: learner.userId, reason: "x" })).rejects.toBeInstanceOf(NotFoundError);
    expect((await db.user.findUniqueOrThrow({ where: { id: learner.userId } })).active).toBe(true);
  });

  it("never leaves a centre without an admin, even when two admins deactivate each other at once", async () => {
    const small = await build.centre();
    const [a, b] = [await build.user({ centre: small, roles: ["CENTRE_ADMIN"] }), await build.user({ centre: small, roles: ["CENTRE_ADMIN"] })];
    const outcomes = await Promise.allSettled([deactivatePerson(a, { userId: b.userId, reason: "r" }), deactivatePerson(b, { userId: a.userId, reason: "r" })]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await db.user.count({ where: { id: { in: [a.userId, b.userId] }, active: true } })).toBe(1);
  });
});

describe("giving and ending roles", () => {
  it("gives a role, ends it with a reason (kept, with its end), and gives it again", async () => {
    await grantRole(admin, { userId: learner.userId, role: "IQA", reason: "Qualified as IQA" });
    expect((await build.actor(learner.userId)).grants.map((g) => g.role).sort()).toEqual(["IQA", "LEARNER"]);
    await expect(grantRole(admin, { userId: learner.userId, role: "IQA" })).rejects.toMatchObject({ fields: { role: "They already hold this role" } });
    await expect(endRole(admin, { userId: learner.userId, role: "IQA", reason: "" })).rejects.toMatchObject({
      fields: { reason: "Give the reason for ending the role" },
    });
    await endRole(admin, { userId: learner.userId, role: "IQA", reason: "Moved on" });
    expect((await build.actor(learner.userId)).grants.map((g) => g.role)).toEqual(["LEARNER"]);
    const view = await personInCentre(admin, null, learner.userId);
    expect(view.endedRoles.map((r) => r.role)).toEqual(["IQA"]);
    expect(view.history.slice(0, 2).map((e) => [e.kind, e.data.reason])).toEqual([
      ["role.ended", "Moved on"],
      ["role.granted", "Qualified as IQA"],
    ]);
    await grantRole(admin, { userId: learner.userId, role: "IQA" });
    expect((await build.actor(learner.userId)).grants.map((g) => g.role).sort()).toEqual(["IQA", "LEARNER"]);
    await expect(endRole(admin, { userId: learner.userId, role: "ASSESSOR", reason: "x" })).rejects.toMatchObject({
      fields: { role: "They do not hold this role" },
    });
  });

  it("keeps the centre's last admin, and an admin does not end their own admin role", async () => {
    await expect(endRole(admin, { userId: admin.userId, role: "CENTRE_ADMIN", reason: "x" })).rejects.toThrow(/your own admin role/);
    const small = await build.centre();
    const [a, b] = [await build.user({ centre: small, roles: ["CENTRE_ADMIN"] }), await build.user({ centre: small, roles: ["CENTRE_ADMIN"] })];
    const outcomes = await Promise.allSettled([
      endRole(a, { userId: b.userId, role: "CENTRE_ADMIN", reason: "r" }),
      endRole(b, { userId: a.userId, role: "CENTRE_ADMIN", reason: "r" }),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await db.roleGrant.count({ where: { centreId: small.id, role: "CENTRE_ADMIN", endsAt: null } })).toBe(1);
  });

  it("refuses another centre's admin, an assessor and a learner (not found)", async () => {
    for (const who of [otherAdmin, learner]) {
      await expect(grantRole(who, { userId: learner.userId, role: "CENTRE_ADMIN" })).rejects.toBeInstanceOf(NotFoundError);
      await expect(endRole(who, { userId: admin.userId, role: "CENTRE_ADMIN", reason: "x" })).rejects.toBeInstanceOf(NotFoundError);
    }
  });
});

describe("signing yourself out everywhere", () => {
  it("ends every session of your own, this one included, and nobody else's", async () => {
    const mine = [await session(), await session()];
    const theirs = await db.$transaction((tx) => startSession(tx, admin.userId, null));
    expect(await signOutMyselfEverywhere(learner)).toEqual({ sessionsEnded: 2 });
    for (const s of mine) expect(await touchLiveSession(db, s, learner.userId)).toBe(false);
    expect(await touchLiveSession(db, theirs, admin.userId)).toBe(true);
    expect(await db.auditEvent.count({ where: { kind: "auth.signed_out_everywhere", actorId: learner.userId } })).toBe(1);
  });
});
