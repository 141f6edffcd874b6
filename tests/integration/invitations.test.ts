import { describe, expect, it } from "vitest";
import { inviteInTx, sendInvitationMails } from "@/server/centre/invitations";
import * as build from "../support/builders";
import { freshDatabase } from "../support/db";

const { db } = await freshDatabase();
const centre = await build.centre();
const admin = await build.user({ centre, roles: ["CENTRE_ADMIN"] });
const invite = (spec: { email: string; roles: ("LEARNER" | "ASSESSOR" | "IQA" | "CENTRE_ADMIN")[]; name?: string }) =>
  db.$transaction((tx) =>
    inviteInTx(tx, { centreId: centre.id, name: spec.name ?? "Ada Lovelace", email: spec.email, roles: spec.roles, actorId: admin.userId }),
  );

describe("inviting a person", () => {
  it("creates the user without a password, grants the roles, audits and issues one link", async () => {
    const result = await invite({ email: "  Ada@Example.COM ", roles: ["LEARNER", "ASSESSOR"] });
    expect(result).toMatchObject({ created: true, rolesAdded: ["LEARNER", "ASSESSOR"] });
    expect(result.mail?.to).toBe("ada@example.com");
    expect(result.mail?.text).toContain("/set-password/");
    const user = await db.user.findUniqueOrThrow({ where: { id: result.userId }, include: { roleGrants: true } });
    expect(user).toMatchObject({ email: "ada@example.com", passwordHash: null, name: "Ada Lovelace" });
    expect(user.roleGrants.map((g) => g.role).sort()).toEqual(["ASSESSOR", "LEARNER"]);
    expect(await db.passwordToken.count({ where: { userId: result.userId, purpose: "INVITE", usedAt: null } })).toBe(1);
    expect(await db.auditEvent.count({ where: { kind: "person.invited", subject: `user:${result.userId}` } })).toBe(1);
  });

  it("is idempotent: a second invitation adds only new roles and replaces the link", async () => {
    const again = await invite({ email: "ada@example.com", roles: ["LEARNER", "IQA"], name: "Someone Else" });
    expect(again).toMatchObject({ created: false, rolesAdded: ["IQA"] });
    expect(again.mail?.text).toContain("Dear Ada Lovelace");
    const live = await db.passwordToken.count({ where: { userId: again.userId, usedAt: null, expiresAt: { gt: new Date() } } });
    expect(live).toBe(1);
    expect(await db.roleGrant.count({ where: { userId: again.userId } })).toBe(3);
    expect(await db.auditEvent.count({ where: { kind: "role.granted", subject: `user:${again.userId}` } })).toBe(1);
  });

  it("sends no link to someone who already has a password", async () => {
    const existing = await build.user({ email: "has-password@example.com" });
    const result = await invite({ email: "has-password@example.com", roles: ["LEARNER"] });
    expect(result).toMatchObject({ userId: existing.userId, created: false, rolesAdded: ["LEARNER"], mail: null });
  });

  it("makes one user when two invitations of the same address race", async () => {
    const [a, b] = await Promise.all([invite({ email: "race@example.com", roles: ["LEARNER"] }), invite({ email: "race@example.com", roles: ["LEARNER"] })]);
    expect(a.userId).toBe(b.userId);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(await db.roleGrant.count({ where: { userId: a.userId } })).toBe(1);
  });

  it("sends the mails after the commit (outbox in development)", async () => {
    const result = await invite({ email: "mailed@example.com", roles: ["LEARNER"] });
    expect(await sendInvitationMails([result.mail, null])).toEqual([]);
    expect(await db.outboxEmail.count({ where: { to: "mailed@example.com" } })).toBe(1);
  });
});
