import { describe, expect, it } from "vitest";
import { GENESIS_HASH, appendAudit, eventHashV1 } from "@/server/audit/append";
import { verifyIntegrity } from "@/server/audit/verify";
import { loadSigningKey } from "@/server/audit/signing-key";
import { freshDatabase } from "../support/db";

const { db, ownerDb } = await freshDatabase("schema");
const key = await loadSigningKey();

const append = (n: number) => db.$transaction((tx) => appendAudit(tx, { kind: "demo.loaded", actorId: null, data: { centres: [`centre ${n}`] } }));

describe("the audit chain's append, chained at commit", () => {
  it("continues a chain written with the first hash scheme, and verifies both", async () => {
    // An installation that wrote events before the head row existed: scheme 1, head seeded from them.
    const at = new Date("2026-11-01T10:00:00.123Z");
    const old = { at, kind: "demo.loaded", actorId: null, centreId: null, subject: null, ip: null, data: { centres: ["before"] } };
    const hash = eventHashV1(GENESIS_HASH, old);
    await ownerDb.$executeRaw`INSERT INTO "AuditEvent" (at, kind, data, "prevHash", hash, scheme) VALUES (${at.toISOString()}::timestamp, ${old.kind}, ${JSON.stringify(old.data)}::jsonb, ${GENESIS_HASH}, ${hash}, 1)`;
    await ownerDb.$executeRaw`UPDATE "AuditChainHead" SET "prevHash" = ${GENESIS_HASH}, hash = ${hash} WHERE id = 1`;
    await append(1);
    const events = await db.auditEvent.findMany({ orderBy: { id: "asc" } });
    expect(events.map((e) => e.scheme)).toEqual([1, 2]);
    expect(events[1]?.prevHash).toBe(hash);
    expect(await verifyIntegrity(db, key)).toMatchObject({ ok: true, eventsChecked: 2 });
  });

  it("chains 64 appends made at once, 32 at a time, in the order they are numbered", async () => {
    const before = await db.auditEvent.count();
    for (let round = 0; round < 2; round++) await Promise.all(Array.from({ length: 32 }, (_, i) => append(100 + round * 32 + i)));
    expect(await db.auditEvent.count()).toBe(before + 64);
    expect(await verifyIntegrity(db, key)).toMatchObject({ ok: true, eventsChecked: before + 64 });
    const [last] = await db.auditEvent.findMany({ orderBy: { id: "desc" }, take: 1 });
    expect(await db.auditChainHead.findUnique({ where: { id: 1 } })).toMatchObject({ hash: last?.hash, prevHash: last?.prevHash });
  });

  it("chains an event when its transaction commits: an open transaction that appended holds no lock, and events are numbered in commit order", async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let appended = () => {};
    const ready = new Promise<void>((resolve) => (appended = resolve));
    const first = db.$transaction(async (tx) => {
      await appendAudit(tx, { kind: "demo.loaded", actorId: null, data: { centres: ["appended first, committed second"] } });
      appended();
      await held; // still open: its event is not chained yet
    });
    await ready;
    await append(200); // would wait for the first transaction if appending locked the head
    release();
    await first;
    const [second, last] = await db.auditEvent.findMany({ orderBy: { id: "desc" }, take: 2 });
    expect(second?.data).toEqual({ centres: ["appended first, committed second"] });
    expect(last?.data).toEqual({ centres: ["centre 200"] });
    expect(await db.auditPending.count()).toBe(0);
    expect(await verifyIntegrity(db, key)).toMatchObject({ ok: true });
  });

  it("writes nothing when the transaction that appends rolls back, and the head stays where it was", async () => {
    const head = await db.auditChainHead.findUniqueOrThrow({ where: { id: 1 } });
    await expect(
      db.$transaction(async (tx) => {
        await appendAudit(tx, { kind: "demo.loaded", actorId: null, data: { centres: ["rolled back"] } });
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect(await db.auditChainHead.findUniqueOrThrow({ where: { id: 1 } })).toEqual(head);
    expect(await db.auditPending.count()).toBe(0);
    expect(await verifyIntegrity(db, key)).toMatchObject({ ok: true });
  });

  it("lets the app move the head but never add or remove one", async () => {
    await expect(db.$executeRaw`DELETE FROM "AuditChainHead"`).rejects.toThrow(/permission denied/);
    await expect(db.$executeRaw`INSERT INTO "AuditChainHead" (id, "prevHash", hash) VALUES (2, 'a', 'b')`).rejects.toThrow(/permission denied/);
  });
});
