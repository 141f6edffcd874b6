import { describe, expect, it } from "vitest";
import type { RoleName } from "@/lib/roles";
import { type Actor, loadActor } from "@/server/auth/actor";
import {
  type ScopedPermission,
  type Subject,
  can,
  editableEvidence,
  enrolmentAllowing,
  enrolmentSubject,
  evidenceSubject,
  readableEnrolment,
  readableEvidence,
  scope,
  scopedPermissions,
  submittableEvidence,
} from "@/server/policy";
import { loadUnitFiles } from "@/server/standards/load";
import { publishUnits } from "@/server/standards/publish";
import { freshDatabase } from "../support/db";
import { must } from "@/lib/must";

// Two centres, each with one person per role, a few enrolments and items (the learners' own,
// records by their assessor and by an assessor who no longer assesses them), and a few people
// with roles in both centres or ids on rows in a centre where they hold no role. For every
// person and every scoped permission, the where-clause returns exactly the rows `can` allows.

const { db, ownerDb } = await freshDatabase("schema");
await publishUnits(ownerDb, await loadUnitFiles());
const [unitA, unitB] = await ownerDb.unit.findMany({ orderBy: { code: "asc" } });

const centres = {
  north: await ownerDb.centre.create({ data: { slug: "north", name: "North" } }),
  south: await ownerDb.centre.create({ data: { slug: "south", name: "South" } }),
};
type CentreName = keyof typeof centres;

async function person(name: string, ...grants: [CentreName, RoleName][]) {
  const user = await ownerDb.user.create({ data: { email: `${name.toLowerCase().replace(/\W+/g, ".")}@example.com`, name } });
  if (grants.length) await ownerDb.roleGrant.createMany({ data: grants.map(([c, role]) => ({ userId: user.id, centreId: centres[c].id, role })) });
  return user;
}

const people: Record<string, { id: string }> = {};
for (const c of ["north", "south"] as const) {
  people[`learner ${c}`] = await person(`Learner ${c}`, [c, "LEARNER"]);
  people[`second learner ${c}`] = await person(`Second learner ${c}`, [c, "LEARNER"]);
  people[`assessor ${c}`] = await person(`Assessor ${c}`, [c, "ASSESSOR"]);
  people[`former assessor ${c}`] = await person(`Former assessor ${c}`, [c, "ASSESSOR"]);
  people[`iqa ${c}`] = await person(`Iqa ${c}`, [c, "IQA"]);
  people[`admin ${c}`] = await person(`Admin ${c}`, [c, "CENTRE_ADMIN"]);
  people[`verifier ${c}`] = await person(`Verifier ${c}`, [c, "EXTERNAL_VERIFIER"]);
}
people["learner north, assessor south"] = await person("Both", ["north", "LEARNER"], ["south", "ASSESSOR"]);
people["admin north, iqa south"] = await person("Admin and iqa", ["north", "CENTRE_ADMIN"], ["south", "IQA"]);
people["no role"] = await person("Nobody");

const id = (name: string) => must(people[name], "people[name]").id;
const enrol = (c: CentreName, learner: string, unitId: string, assessor: string | null, iqa: string | null) =>
  ownerDb.enrolment.create({ data: { centreId: centres[c].id, learnerId: id(learner), unitId, assessorId: assessor && id(assessor), iqaId: iqa && id(iqa) } });
const item = (c: CentreName, learner: string, author: string | null, title: string) =>
  ownerDb.evidence.create({
    data: {
      centreId: centres[c].id,
      learnerId: id(learner),
      authorId: author && id(author),
      title,
      method: "WORK_PRODUCT",
      activityFrom: new Date("2026-03-01"),
    },
  });

for (const c of ["north", "south"] as const) {
  await enrol(c, `learner ${c}`, must(unitA, "unitA").id, `assessor ${c}`, `iqa ${c}`);
  await enrol(c, `learner ${c}`, must(unitB, "unitB").id, `assessor ${c}`, null);
  await enrol(c, `second learner ${c}`, must(unitA, "unitA").id, null, null);
  await item(c, `learner ${c}`, null, "Own item");
  await item(c, `learner ${c}`, `assessor ${c}`, "Record by their assessor");
  await item(c, `learner ${c}`, `former assessor ${c}`, "Record by a former assessor");
  await item(c, `second learner ${c}`, null, "Item of a learner with no assessor");
  await ownerDb.outboxEmail.create({ data: { centreId: centres[c].id, to: "someone@example.com", subject: c, text: c } });
}
// Ids on rows where the person holds no role: "Both" learns in north and assesses there without
// an assessor's grant; the south assessor is named on a north enrolment.
await enrol("north", "learner north, assessor south", must(unitA, "unitA").id, "assessor south", "admin north, iqa south");
await item("north", "learner north, assessor south", null, "Item of the learner who assesses elsewhere");
await enrol("south", "second learner south", must(unitB, "unitB").id, "learner north, assessor south", "admin north, iqa south");
await item("south", "second learner south", "learner north, assessor south", "Record by the person who learns elsewhere");
await ownerDb.outboxEmail.create({ data: { to: "operator@example.com", subject: "installation", text: "no centre" } });

const actors: [string, Actor][] = await Promise.all(
  Object.entries(people).map(async ([name, u]) => [name, must(await loadActor(db, u.id), "(await loadActor(db, u.id))")] as [string, Actor]),
);

// Every row of each model, with what decides how someone stands to it.
const evidenceRows = await db.evidence.findMany();
const evidenceRowsWithSubjects = await Promise.all(evidenceRows.map(async (e) => ({ id: e.id, subjects: [await evidenceSubject(db, e)] })));
const enrolmentRows = (await db.enrolment.findMany()).map((e) => ({ id: e.id, subjects: [enrolmentSubject(e)] }));
const accountRows = (await db.user.findMany({ include: { roleGrants: true } })).map((u) => ({
  id: u.id,
  subjects: u.roleGrants.map((g): Subject => ({ centreId: g.centreId })),
}));
const outboxRows = (await db.outboxEmail.findMany()).map((m) => ({ id: m.id, subjects: m.centreId ? [{ centreId: m.centreId }] : [] }));

const entity = (p: ScopedPermission) => must(p.split(":")[1], 'p.split(":")[1]');
const rowsOf = (p: ScopedPermission) =>
  ({ evidence: evidenceRowsWithSubjects, testimony: evidenceRowsWithSubjects, account: accountRows, outbox: outboxRows })[entity(p)] ?? enrolmentRows;

async function scopedIds(actor: Actor, p: ScopedPermission): Promise<string[]> {
  const select = { id: true } as const;
  const where = scope(actor, p) as never;
  const rows = await (entity(p) === "evidence" || entity(p) === "testimony"
    ? db.evidence.findMany({ where, select })
    : entity(p) === "account"
      ? db.user.findMany({ where, select })
      : entity(p) === "outbox"
        ? db.outboxEmail.findMany({ where, select })
        : db.enrolment.findMany({ where, select }));
  return rows.map((r) => r.id).sort();
}

describe("query scopes and can agree", () => {
  it("covers every scoped permission", () => {
    expect(scopedPermissions.length).toBeGreaterThan(10);
  });

  it.each(scopedPermissions)("%s: each person's scope returns exactly the rows can allows", async (permission) => {
    let allowedSomewhere = 0;
    for (const [name, actor] of actors) {
      const allowed = rowsOf(permission)
        .filter((row) => row.subjects.some((s) => can(actor, permission, s)))
        .map((row) => row.id)
        .sort();
      expect(await scopedIds(actor, permission), `${name}: ${permission}`).toEqual(allowed);
      allowedSomewhere += allowed.length;
    }
    expect(allowedSomewhere).toBeGreaterThan(0);
  });

  it("reads a learner's items for the admin of their centre and their assessor, not for the other centre", async () => {
    const own = must(
      evidenceRows.find((e) => e.title === "Own item" && e.centreId === centres.north.id),
      'evidenceRows.find((e) => e.title === "Own item" && e.centreId === centres.north.id)',
    );
    const readers: string[] = [];
    for (const [name, actor] of actors)
      if ((await db.evidence.count({ where: { AND: [{ id: own.id }, scope(actor, "read:evidence")] } })) === 1) readers.push(name);
    expect(readers.sort()).toEqual(["admin north", "admin north, iqa south", "assessor north", "iqa north", "learner north"]);
  });
});

const outcome = (load: () => Promise<unknown>) =>
  load().then(
    () => true,
    () => false,
  );

describe("the loaders refuse exactly what can refuses", () => {
  it("evidence: read, change, submit", async () => {
    for (const [name, actor] of actors) {
      for (const e of evidenceRows) {
        const subject = await evidenceSubject(db, e);
        const readable = can(actor, "read:evidence", subject);
        expect(await outcome(() => readableEvidence(db, actor, e.id)), `${name} reads ${e.title}`).toBe(readable);
        expect(await outcome(() => editableEvidence(db, actor, e.id)), `${name} changes ${e.title}`).toBe(readable && can(actor, "update:evidence", subject));
        expect(await outcome(() => submittableEvidence(db, actor, e.id)), `${name} submits ${e.title}`).toBe(
          readable && can(actor, "submit:evidence", subject),
        );
      }
    }
  });

  it("enrolments: read, decide, countersign", async () => {
    for (const [name, actor] of actors) {
      for (const row of await db.enrolment.findMany()) {
        const subject = enrolmentSubject(row);
        const readable = can(actor, "read:enrolment", subject);
        expect(await outcome(() => readableEnrolment(db, actor, row.id)), `${name} reads`).toBe(readable);
        expect(await outcome(() => enrolmentAllowing(db, actor, row.id, "decide:criterion")), `${name} decides`).toBe(
          readable && can(actor, "decide:criterion", subject),
        );
        expect(await outcome(() => enrolmentAllowing(db, actor, row.id, "countersign:enrolment")), `${name} countersigns`).toBe(
          readable && can(actor, "countersign:enrolment", subject),
        );
      }
    }
  });
});
