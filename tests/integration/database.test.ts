import { afterEach, describe, expect, it } from "vitest";
import { openLocalDatabase } from "@/server/db/local-database";
import * as build from "../support/builders";
import { freshDatabase } from "../support/db";

const { db, url, ownerDb } = await freshDatabase();
// Rows to keep: a learner's two enrolments, and an item whose submission wrote audit events.
const learner = await build.user({ centre: await build.centre(), roles: ["LEARNER"] });
for (const unit of ["CPC308", "AG26"]) await build.enrolment({ learner, unit });
await build.submittedItem({ learner, criteria: ["A1"] });
const saved = process.env.DATABASE_URL;
afterEach(() => {
  if (saved === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = saved;
});

describe("the database", () => {
  it("is the server at DATABASE_URL when set, with no embedded one started", async () => {
    process.env.DATABASE_URL = url;
    const local = await openLocalDatabase();
    expect(local).toMatchObject({ url, embedded: false });
  });

  it("refuses an undefined id in a filter instead of matching every row", async () => {
    const id: string | undefined = undefined;
    await expect(db.user.findMany({ where: { id } })).rejects.toThrow(/undefined/i);
    await expect(db.enrolment.deleteMany({ where: { learnerId: id } })).rejects.toThrow(/undefined/i);
    expect(await db.enrolment.count()).toBe(2);
  });

  it("keeps audit events append-only: the app's role may not, and the owner's trigger refuses", async () => {
    const event = await db.auditEvent.findFirstOrThrow();
    const change = (client: typeof db) => client.$executeRawUnsafe(`UPDATE "AuditEvent" SET ip = '1.2.3.4' WHERE id = ${event.id}`);
    const remove = (client: typeof db) => client.$executeRawUnsafe(`DELETE FROM "AuditEvent"`);
    await expect(change(db)).rejects.toThrow(/permission denied for table AuditEvent/);
    await expect(remove(db)).rejects.toThrow(/permission denied for table AuditEvent/);
    await expect(change(ownerDb)).rejects.toThrow(/AuditEvent is append-only: UPDATE/);
    await expect(remove(ownerDb)).rejects.toThrow(/AuditEvent is append-only: DELETE/);
    expect(await db.auditEvent.count()).toBeGreaterThan(0);
  });
});
