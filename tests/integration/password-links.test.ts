import { describe, expect, it } from "vitest";
import { verifyPassword } from "@/server/auth/password";
import {
  LINK_NOT_VALID,
  RESETS_PER_HOUR,
  forgottenPassword,
  passwordLinkView,
  requestPasswordReset,
  setPasswordWithLink,
} from "@/server/auth/password-link-use";
import { startSession, touchLiveSession } from "@/server/auth/sessions";
import { issuePasswordLink } from "@/server/centre/password-links";
import { UserFacingError } from "@/server/errors";
import * as build from "../support/builders";
import { freshDatabase } from "../support/db";

const { db } = await freshDatabase();
const centre = await build.centre();
const tokenIn = (url: string) => url.split("/set-password/")[1] ?? "";
const newLink = (userId: string, purpose: "INVITE" | "RESET" = "INVITE", now = new Date()) =>
  db.$transaction((tx) => issuePasswordLink(tx, { userId, purpose, createdById: null }, now)).then((l) => tokenIn(l.url));
const password = { newPassword: "correct horse battery", confirmPassword: "correct horse battery" };

describe("a set-password link", () => {
  it("shows whose account it is, sets the password once, ends every session and is audited", async () => {
    const person = await build.user({ centre, roles: ["LEARNER"], password: null, name: "Nia Newcomer" });
    const token = await newLink(person.userId);
    expect(await passwordLinkView(token)).toMatchObject({ state: "open", name: "Nia Newcomer", purpose: "INVITE" });
    const session = await db.$transaction((tx) => startSession(tx, person.userId, null));
    await setPasswordWithLink(token, password, "203.0.113.9");
    const user = await db.user.findUniqueOrThrow({ where: { id: person.userId } });
    expect(await verifyPassword(user.passwordHash ?? "", "correct horse battery")).toBe(true);
    expect(await touchLiveSession(db, session, person.userId)).toBe(false);
    expect(await db.auditEvent.findFirst({ where: { kind: "auth.password_set", actorId: person.userId } })).toMatchObject({
      data: { purpose: "INVITE", sessionsEnded: 1 },
      ip: "203.0.113.9",
    });
    // Used: it never works again, and says so in one message.
    expect(await passwordLinkView(token)).toEqual({ state: "not-valid" });
    await expect(setPasswordWithLink(token, { newPassword: "another long password", confirmPassword: "another long password" })).rejects.toThrow(
      LINK_NOT_VALID,
    );
    expect(await verifyPassword((await db.user.findUniqueOrThrow({ where: { id: person.userId } })).passwordHash ?? "", "correct horse battery")).toBe(true);
  });

  it("works for only one of two uses at once", async () => {
    const person = await build.user({ centre, roles: ["LEARNER"], password: null });
    const token = await newLink(person.userId);
    const outcomes = await Promise.allSettled([
      setPasswordWithLink(token, { newPassword: "first racing password", confirmPassword: "first racing password" }),
      setPasswordWithLink(token, { newPassword: "second racing password", confirmPassword: "second racing password" }),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await db.auditEvent.count({ where: { kind: "auth.password_set", actorId: person.userId } })).toBe(1);
  });

  it("refuses an expired, replaced or unknown link, and a deactivated account's", async () => {
    const person = await build.user({ centre, roles: ["LEARNER"], password: null });
    const long = new Date(Date.now() - 8 * 86_400_000);
    const expired = await newLink(person.userId, "INVITE", long);
    expect(await passwordLinkView(expired)).toEqual({ state: "not-valid" });
    const replaced = await newLink(person.userId);
    const newest = await newLink(person.userId);
    for (const token of [expired, replaced, "made-up-token-made-up-token-made-up", "short"])
      await expect(setPasswordWithLink(token, password)).rejects.toThrow(LINK_NOT_VALID);
    await db.user.update({ where: { id: person.userId }, data: { active: false } });
    expect(await passwordLinkView(newest)).toEqual({ state: "not-valid" });
    await expect(setPasswordWithLink(newest, password)).rejects.toThrow(LINK_NOT_VALID);
    expect((await db.user.findUniqueOrThrow({ where: { id: person.userId } })).passwordHash).toBeNull();
  });

  it("keeps the same rules as change password: long enough, typed twice the same; a refusal uses nothing", async () => {
    const person = await build.user({ centre, roles: ["LEARNER"], password: null });
    const token = await newLink(person.userId);
    const short = setPasswordWithLink(token, { newPassword: "short", confirmPassword: "short" });
    await expect(short).rejects.toMatchObject({ fields: { newPassword: "Use at least 12 characters for the new password" } });
    await expect(setPasswordWithLink(token, { newPassword: "long enough password", confirmPassword: "long enough passwort" })).rejects.toMatchObject({
      fields: { confirmPassword: "The two new passwords are not the same" },
    });
    expect(await passwordLinkView(token)).toMatchObject({ state: "open" });
  });
});

describe("forgotten password", () => {
  it("mails a RESET link to an active account, and answers the same for an unknown address", async () => {
    const person = await build.user({ centre, roles: ["LEARNER"], email: "forgot@example.com", name: "Fay Forgot" });
    const mail = await requestPasswordReset({ email: " Forgot@Example.com " }, "198.51.100.1");
    expect(mail).toMatchObject({ to: "forgot@example.com", subject: "Reset your Attest password" });
    expect(await db.passwordToken.count({ where: { userId: person.userId, purpose: "RESET" } })).toBe(1);
    expect(await requestPasswordReset({ email: "nobody@example.com" })).toBeNull();
    // The form's own work resolves alike either way; the mail goes to the outbox in development.
    await expect(forgottenPassword({ email: "nobody@example.com" })).resolves.toBeUndefined();
    await expect(forgottenPassword({ email: "forgot@example.com" })).resolves.toBeUndefined();
    await expect.poll(() => db.outboxEmail.count({ where: { to: "forgot@example.com" } })).toBe(1);
    const outcomes = await db.auditEvent.findMany({ where: { kind: "password_reset.requested" }, orderBy: { id: "asc" } });
    expect(outcomes.map((e) => (e.data as { outcome: string }).outcome)).toEqual(["sent", "unknown", "unknown", "sent"]);
  });

  it(`sends at most ${RESETS_PER_HOUR} links an hour to one account, even when asked at once`, async () => {
    const person = await build.user({ centre, roles: ["LEARNER"], email: "flooded@example.com" });
    const asks = await Promise.all(Array.from({ length: 6 }, () => requestPasswordReset({ email: "flooded@example.com" })));
    expect(asks.filter(Boolean)).toHaveLength(RESETS_PER_HOUR);
    const later = new Date(Date.now() + 61 * 60_000);
    expect(await requestPasswordReset({ email: "flooded@example.com" }, null, later)).not.toBeNull();
    expect(await db.passwordToken.count({ where: { userId: person.userId } })).toBe(RESETS_PER_HOUR + 1);
  });

  it("sends nothing to a deactivated account, and refuses an address that is not one", async () => {
    await build.user({ centre, roles: ["LEARNER"], email: "off@example.com" });
    await db.user.update({ where: { email: "off@example.com" }, data: { active: false } });
    expect(await requestPasswordReset({ email: "off@example.com" })).toBeNull();
    await expect(requestPasswordReset({ email: "not an address" })).rejects.toBeInstanceOf(UserFacingError);
  });
});
