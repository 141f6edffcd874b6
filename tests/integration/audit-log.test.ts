import { describe, expect, it } from "vitest";
import { appendAudit } from "@/server/audit/append";
import { AUDIT_PAGE_SIZE, auditCsv, centreAuditLog } from "@/server/audit/log";
import { updateCentreSettings } from "@/server/centre/settings";
import { db } from "@/server/db/client";
import { NotFoundError } from "@/server/policy";
import * as build from "../support/builders";
import { freshDatabase } from "../support/db";

await freshDatabase();
const centre = await build.centre();
const elsewhere = await build.centre();
const admin = await build.user({ centre, roles: ["CENTRE_ADMIN"], name: "Amira Khan", email: "amira@audit.example" });
const otherAdmin = await build.user({ centre: elsewhere, roles: ["CENTRE_ADMIN"], name: "Riley Adams" });
const assessor = await build.user({ centre, roles: ["ASSESSOR"], name: "Sam Okafor", email: "sam@audit.example" });
const verifier = await build.user({ centre, roles: ["EXTERNAL_VERIFIER"] });

// 120 events in the centre by the assessor, two settings changes by the admin, and one event elsewhere.
await db.$transaction(async (tx) => {
  for (let i = 0; i < 120; i++)
    await appendAudit(
      tx,
      { kind: "comment.added", actorId: assessor.userId, data: { evidenceId: `e${i}`, commentId: `c${i}`, parentId: null } },
      { centreId: centre.id },
    );
});
await updateCentreSettings(admin, { reviewTargetDays: "7", witnessLinkDays: "14", outboxAllowed: "on" });
await updateCentreSettings(admin, { reviewTargetDays: "8", witnessLinkDays: "14", outboxAllowed: "on" });
await updateCentreSettings(otherAdmin, { reviewTargetDays: "9", witnessLinkDays: "14", outboxAllowed: "on" });

async function csvText(raw: Record<string, unknown>) {
  const { lines } = await auditCsv(admin, raw);
  const out: string[][] = [];
  for await (const line of lines) out.push(line);
  return out;
}

describe("the centre's audit log", () => {
  it("lists only the centre's events, newest first, a page at a time by id", async () => {
    const first = await centreAuditLog(admin, {});
    expect(first.events).toHaveLength(AUDIT_PAGE_SIZE);
    expect(first.events[0]?.kind).toBe("centre.settings_changed");
    expect(first.events[0]?.data).toEqual({ changes: { reviewTargetDays: { from: 7, to: 8 } } });
    const ids = first.events.map((e) => BigInt(e.id));
    expect([...ids].sort((a, b) => (a > b ? -1 : 1))).toEqual(ids);
    const pages = [first];
    while (pages.at(-1)?.older) pages.push(await centreAuditLog(admin, { before: pages.at(-1)?.older }));
    const all = pages.flatMap((p) => p.events);
    expect(all).toHaveLength(122);
    expect(new Set(all.map((e) => e.id)).size).toBe(122);
    expect(all.some((e) => e.actor?.name === "Riley Adams")).toBe(false);
  });

  it("filters by person, kind and date", async () => {
    const byAdmin = await centreAuditLog(admin, { person: "AMIRA@audit.example" });
    expect(byAdmin.events.map((e) => e.kind)).toEqual(["centre.settings_changed", "centre.settings_changed"]);
    const comments = await centreAuditLog(admin, { kind: "comment.added" });
    expect(comments.events.every((e) => e.kind === "comment.added")).toBe(true);
    expect(comments.older).toBeDefined();
    expect((await centreAuditLog(admin, { person: "nobody@audit.example" })).events).toEqual([]);
    expect((await centreAuditLog(admin, { person: "nobody@audit.example" })).unknownPerson).toBe(true);
    const today = new Date().toISOString().slice(0, 10);
    expect((await centreAuditLog(admin, { "from-day": "1", "from-month": "1", "from-year": "2000", to: "2000-12-31" })).events).toEqual([]);
    expect((await centreAuditLog(admin, { from: today, to: today, kind: "centre.settings_changed" })).events).toHaveLength(2);
  });

  it("leaves out a filter it cannot read, and says so, instead of failing", async () => {
    const log = await centreAuditLog(admin, { kind: "not.a.kind", "from-day": "31", "from-month": "2", "from-year": "2026" });
    expect(log.problems.length).toBe(2);
    expect(log.events).toHaveLength(AUDIT_PAGE_SIZE);
  });

  it("is refused to anyone but the centre's admins, and never shows another centre's events", async () => {
    await expect(centreAuditLog(otherAdmin, { centre: centre.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(auditCsv(otherAdmin, { centre: centre.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(centreAuditLog(assessor, {})).rejects.toBeInstanceOf(NotFoundError);
    await expect(centreAuditLog(verifier, {})).rejects.toBeInstanceOf(NotFoundError);
    const theirs = await centreAuditLog(otherAdmin, {});
    expect(theirs.events.map((e) => e.actor?.name)).toEqual(["Riley Adams"]);
  });

  it("exports the filtered events as CSV, every one of them, and audits the download", async () => {
    const rows = await csvText({ kind: "comment.added" });
    expect(rows[0]).toEqual(["Id", "Time (UTC)", "Person", "Email", "Kind", "Subject", "Details"]);
    expect(rows).toHaveLength(121);
    expect(rows.slice(1).every((r) => r[4] === "comment.added" && r[2] === "Sam Okafor")).toBe(true);
    const exported = await db.auditEvent.findFirstOrThrow({ where: { kind: "audit.exported" }, orderBy: { id: "desc" } });
    expect(exported).toMatchObject({ actorId: admin.userId, centreId: centre.id });
    expect(exported.data).toMatchObject({ filters: { kind: "comment.added", person: null } });
  });

  it("shows the chain's last verification", async () => {
    expect((await centreAuditLog(admin, {})).verification).toBeNull();
    await db.auditVerification.create({
      data: { startedAt: new Date(), finishedAt: new Date(), ok: true, eventsChecked: 130, recordsChecked: 0, problem: null, source: "cli", actorId: null },
    });
    expect((await centreAuditLog(admin, {})).verification).toMatchObject({ ok: true, source: "cli", eventsChecked: 130 });
  });
});
