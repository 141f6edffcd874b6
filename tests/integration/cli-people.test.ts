import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { centreCreate } from "@/cli/commands/centre-create";
import { UsageError } from "@/cli/commands/io";
import { userResetLink } from "@/cli/commands/user-reset-link";
import { hashSecretToken } from "@/server/tokens/secret-token";
import * as build from "../support/builders";
import { freshDatabase } from "../support/db";

const { db, url } = await freshDatabase("schema");

function capture() {
  const lines = { out: [] as string[], err: [] as string[] };
  return { io: { out: (l: string) => lines.out.push(l), err: (l: string) => lines.err.push(l) }, lines };
}
const linkOf = (lines: string[]) => lines.find((l) => l.includes("/set-password/")) ?? null;
const tokenRow = (link: string) => db.passwordToken.findUniqueOrThrow({ where: { tokenHash: hashSecretToken(link.split("/set-password/")[1] ?? "") } });

describe("npm run attest -- centre create", () => {
  it("creates the centre and its first admin, prints a single-use link, and audits both (via the command line)", async () => {
    const { io, lines } = capture();
    expect(await centreCreate(db, ["--name", "Harbour College", "--admin", "Head@Harbour.example", "--admin-name", "Hana Head"], io)).toBe(0);
    expect(lines.out[0]).toBe('Created the centre "Harbour College" (harbour-college).');
    const link = linkOf(lines.out);
    expect(link).toMatch(/\/set-password\/[A-Za-z0-9_-]{43}$/);
    const centre = await db.centre.findUniqueOrThrow({ where: { slug: "harbour-college" } });
    const admin = await db.user.findUniqueOrThrow({ where: { email: "head@harbour.example" }, include: { roleGrants: true } });
    expect(admin).toMatchObject({ name: "Hana Head", passwordHash: null });
    expect(admin.roleGrants).toMatchObject([{ centreId: centre.id, role: "CENTRE_ADMIN" }]);
    expect(await tokenRow(link ?? "")).toMatchObject({ userId: admin.id, purpose: "INVITE", usedAt: null, createdById: null });
    const events = await db.auditEvent.findMany({ where: { centreId: centre.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.kind, e.actorId, (e.data as { via: string }).via])).toEqual([
      ["centre.created", null, "cli"],
      ["person.invited", null, "cli"],
    ]);
  });

  it("run again with the same name makes no second centre, says so, and gives a fresh link (the old one stops working)", async () => {
    const first = capture();
    await centreCreate(db, ["--name", "Quay Academy", "--admin", "quay@example.com"], first.io);
    const again = capture();
    expect(await centreCreate(db, ["--name", "quay academy", "--admin", "quay@example.com"], again.io)).toBe(0);
    expect(again.lines.out[0]).toBe('The centre "Quay Academy" (quay-academy) already exists: nothing new was made.');
    expect(again.lines.out[1]).toBe("quay@example.com is already an admin of this centre.");
    expect(await db.centre.count({ where: { slug: "quay-academy" } })).toBe(1);
    const oldLink = await tokenRow(linkOf(first.lines.out) ?? "");
    expect(oldLink.expiresAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect((await tokenRow(linkOf(again.lines.out) ?? "")).usedAt).toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { email: "quay@example.com" } })).name).toBe("quay");
  });

  it("prints no link for an admin who already has a password, and points to user reset-link", async () => {
    await build.user({ email: "known@example.com" });
    const { io, lines } = capture();
    expect(await centreCreate(db, ["--name", "Known Centre", "--admin", "known@example.com"], io)).toBe(0);
    expect(linkOf(lines.out)).toBeNull();
    expect(lines.out.join("\n")).toContain("user reset-link known@example.com");
  });

  it("refuses bad input with exit 2 and the usage line, changing nothing", async () => {
    const before = await db.centre.count();
    const bad = capture();
    expect(await centreCreate(db, ["--name", "!!!", "--admin", "not-an-address"], bad.io)).toBe(2);
    expect(bad.lines.err).toContain("--name: Use letters or digits in the centre's name");
    expect(bad.lines.err.at(-1)).toMatch(/^Usage: npm run attest -- centre create --name/);
    await expect(centreCreate(db, ["--name", "X"], capture().io)).rejects.toBeInstanceOf(UsageError);
    await expect(centreCreate(db, ["--name", "X", "--admin", "a@b.example", "--colour", "red"], capture().io)).rejects.toBeInstanceOf(UsageError);
    expect(await db.centre.count()).toBe(before);
  });

  it("as the real command: exit 2 and the usage line on a missing option", async () => {
    const run = promisify(execFile)("npx", ["tsx", "src/cli/attest.ts", "centre", "create", "--name", "Nowhere"], {
      env: { ...process.env, DATABASE_URL: url },
    });
    const failed = await run.then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed?.code).toBe(2);
    expect(failed?.stderr).toContain('Usage: npm run attest -- centre create --name "<centre name>" --admin <email>');
    expect(await db.centre.count({ where: { slug: "nowhere" } })).toBe(0);
  }, 60_000);
});

describe("npm run attest -- user reset-link", () => {
  it("prints a new link, audited, and the previous one stops working", async () => {
    const user = await build.user({ email: "forgetful@example.com", name: "Fran Forgetful" });
    const first = capture();
    expect(await userResetLink(db, ["Forgetful@example.com"], first.io)).toBe(0);
    const second = capture();
    expect(await userResetLink(db, ["forgetful@example.com"], second.io)).toBe(0);
    expect(second.lines.out[0]).toContain("Fran Forgetful");
    expect(await tokenRow(linkOf(second.lines.out) ?? "")).toMatchObject({ userId: user.userId, purpose: "RESET", usedAt: null });
    expect((await tokenRow(linkOf(first.lines.out) ?? "")).expiresAt.getTime()).toBeLessThanOrEqual(Date.now());
    const events = await db.auditEvent.findMany({ where: { kind: "password_link.issued", subject: `user:${user.userId}` } });
    expect(events.map((e) => e.data)).toEqual([
      { userId: user.userId, purpose: "RESET", via: "cli" },
      { userId: user.userId, purpose: "RESET", via: "cli" },
    ]);
  });

  it("says clearly when there is no such account, the address is not one, or the account is deactivated", async () => {
    const missing = capture();
    expect(await userResetLink(db, ["nobody@example.com"], missing.io)).toBe(1);
    expect(missing.lines.err).toEqual(["There is no account with the email address nobody@example.com."]);
    const bad = capture();
    expect(await userResetLink(db, ["not-an-address"], bad.io)).toBe(2);
    await expect(userResetLink(db, [], capture().io)).rejects.toBeInstanceOf(UsageError);
    await build.user({ email: "gone@example.com" });
    await db.user.update({ where: { email: "gone@example.com" }, data: { active: false } });
    const gone = capture();
    expect(await userResetLink(db, ["gone@example.com"], gone.io)).toBe(1);
    expect(gone.lines.err[0]).toContain("deactivated");
  });
});
