import { describe, expect, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import type { Actor } from "@/server/auth/actor";
import { applyImport, importPreview, previewImport } from "@/server/centre/import";
import { withDb } from "@/server/db/client";
import { PrismaClient } from "@/server/db/generated/client";
import { UserFacingError } from "@/server/errors";
import { NotFoundError } from "@/server/policy";
import { must } from "@/lib/must";
import * as build from "../support/builders";
import { freshDatabase } from "../support/db";

// Bulk onboarding (issue 11, point 3; decision 0032): a CSV previewed row by row, applied once.
const { db, url } = await freshDatabase();
const home = await build.centre({ name: "Home" });
const elsewhere = await build.centre({ name: "Elsewhere" });
const admin = await build.user({ centre: home, roles: ["CENTRE_ADMIN"] });
const ada = await build.user({ centre: home, roles: ["ASSESSOR"], name: "Ada Assessor", email: "ada@import.example" });
const ben = await build.user({ centre: home, roles: ["ASSESSOR"], name: "Ben Assessor", email: "ben@import.example" });
await build.user({ centre: home, roles: ["IQA"], name: "Ida Quality", email: "ida@import.example" });
await build.user({ centre: elsewhere, roles: ["ASSESSOR"], email: "stranger@import.example" });
const known = await build.user({ centre: home, roles: ["LEARNER"], name: "Kim Known", email: "kim@import.example" });
await build.enrolment({ learner: known, assessor: ada, unit: "CPC308" });
const otherAdmin = await build.user({ centre: elsewhere, roles: ["CENTRE_ADMIN"] });
const outsiders: Actor[] = [otherAdmin, ada, known, await build.user({ centre: home, roles: ["EXTERNAL_VERIFIER"] })];

const file = (text: string, name = "learners.csv") => new File([text], name, { type: "text/csv" });
const header = "Name,Email,Unit codes,Assessor email,IQA email,Start date";
// A byte order mark, CRLF line ends, a quoted name with a comma, good rows and bad ones.
const mixed = [
  `\uFEFF${header}`,
  `"Lee, Jordan",jordan@import.example,CPC308;AG26,ada@import.example,ida@import.example,3/11/2026`,
  `Kim Known,KIM@import.example,CPC 308,ada@import.example,,1/9/2026`,
  `Bad Email,not-an-email,CPC308,,,3/11/2026`,
  `No Unit,nounit@import.example,XYZ1,,,3/11/2026`,
  `Bad Date,baddate@import.example,AG26,,,31/2/2026`,
  `Wrong Assessor,wrong@import.example,AG26,stranger@import.example,,3/11/2026`,
  `,noname@import.example,AG26,,,3/11/2026`,
  `Again Jordan,jordan@import.example,AG26,,,3/11/2026`,
  `Alex Morgan,alex@import.example,AG26|CPC308,,,10/11/2026`,
].join("\r\n");

const preview = async (text: string, who: Actor = admin) => importPreview(who, (await previewImport(who, { file: file(text) })).id, {});

describe("previewing a file", () => {
  it("shows each row's result, or its problems by row and column, and changes nothing", async () => {
    const users = await db.user.count();
    const enrolments = await db.enrolment.count();
    const p = await preview(mixed);
    const byRow = new Map(p.rows.map((r) => [r.row, r]));
    const problems = (row: number) => must(byRow.get(row), `row ${row}`).problems.map((x) => x.column);
    expect(must(byRow.get(2), "row").outcome).toBe(
      "New learner, invited by email; enrol on CPC 308 version 1 and AG26 version 1 (assessor Ada Assessor, IQA Ida Quality)",
    );
    expect(must(byRow.get(2), "row").name).toBe("Lee, Jordan");
    expect(must(byRow.get(3), "row").outcome).toBe("No change");
    expect(problems(4)).toEqual(["email"]);
    expect(problems(5)).toEqual(["units"]);
    expect(must(byRow.get(5), "row").problems[0]?.message).toMatch(/No published unit has the code XYZ1/);
    expect(problems(6)).toEqual(["startDate"]);
    expect(problems(7)).toEqual(["assessorEmail"]);
    expect(problems(8)).toEqual(["name"]);
    expect(problems(9)).toEqual(["email"]);
    expect(must(byRow.get(9), "row").problems[0]?.message).toMatch(/also on row 2/);
    expect(must(byRow.get(10), "row").steps.filter((s) => s.kind === "enrol")).toHaveLength(2);
    expect(p.summary).toEqual({ rows: 9, withProblems: 6, unchanged: 1, newLearners: 2, enrolments: 4, reassignments: 0 });
    expect(p.appliedAt).toBeNull();
    expect(await db.user.count()).toBe(users);
    expect(await db.enrolment.count()).toBe(enrolments);
    expect((await importPreview(admin, p.id, { show: "problems" })).shownTotal).toBe(6);
  });

  it("refuses a file it cannot read, beside the file field", async () => {
    const refused = async (f: File) => {
      const e = await previewImport(admin, { file: f }).catch((err: unknown) => err);
      expect(e).toBeInstanceOf(UserFacingError);
      return (e as UserFacingError).fields.file;
    };
    expect(await refused(file("Name,Email\r\nA,a@x.example\r\n"))).toMatch(/no “Unit codes”, “Assessor email”, “IQA email”, “Start date” columns/);
    expect(await refused(file(""))).toMatch(/Choose a CSV file/);
    expect(await refused(file(`${header}\r\n`))).toMatch(/no learners/);
    expect(await refused(new File([Buffer.from([0x4e, 0x61, 0xff, 0xfe, 0x0a])], "latin.csv"))).toMatch(/UTF-8/);
    expect(await refused(file(`${header}\r\n"unclosed,a@x.example,AG26,,,1/1/2026\r\n`))).toMatch(/Row 2: a quoted field is not closed/);
  });

  it("takes the same few statements for 200 rows as for 20 (no query per row)", async () => {
    const rows = (n: number) =>
      [header, ...Array.from({ length: n }, (_, i) => `Person ${i},person${i}@bulk.example,CPC308;AG26,ada@import.example,ida@import.example,3/11/2026`)].join(
        "\n",
      );
    const counts: number[] = [];
    for (const n of [20, 200]) {
      const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }), log: [{ emit: "event", level: "query" }] });
      let statements = 0;
      client.$on("query", (e) => {
        if (!/^(BEGIN|COMMIT|ROLLBACK)/.test(e.query)) statements++;
      });
      try {
        await withDb(client, () => previewImport(admin, { file: file(rows(n)) }));
      } finally {
        await client.$disconnect();
      }
      counts.push(statements);
    }
    expect(counts[0]).toBe(counts[1]);
    expect(counts[0]).toBeLessThanOrEqual(8);
  });
});

describe("applying a previewed file", () => {
  it("applies the good rows in one go, invites and enrols, once; the same file again changes nothing", async () => {
    const p = await preview(mixed);
    const result = await applyImport(admin, { importId: p.id });
    expect(result.summary).toMatchObject({ newLearners: 2, enrolments: 4, withProblems: 6 });
    const jordan = await db.user.findUniqueOrThrow({
      where: { email: "jordan@import.example" },
      include: { roleGrants: true, enrolments: { include: { unit: true, assignments: true } } },
    });
    expect(jordan.name).toBe("Lee, Jordan");
    expect(jordan.roleGrants.map((g) => [g.centreId, g.role])).toEqual([[home.id, "LEARNER"]]);
    expect(jordan.enrolments.map((e) => e.unit.code).sort()).toEqual(["AG26", "CPC308"]);
    const cpc = must(
      jordan.enrolments.find((e) => e.unit.code === "CPC308"),
      "cpc",
    );
    expect(cpc.assessorId).toBe(ada.userId);
    expect(cpc.startedAt.toISOString().slice(0, 10)).toBe("2026-11-03");
    expect(cpc.assignments.map((a) => a.role).sort()).toEqual(["ASSESSOR", "IQA"]);
    expect(await db.outboxEmail.count({ where: { to: "jordan@import.example" } })).toBe(1);
    expect(
      await db.user.count({ where: { email: { in: ["not-an-email", "nounit@import.example", "baddate@import.example", "noname@import.example"] } } }),
    ).toBe(0);
    expect(await db.auditEvent.count({ where: { kind: "import.applied", subject: `import:${p.id}` } })).toBe(1);
    expect((await importPreview(admin, p.id, {})).appliedAt).not.toBeNull();

    // Once only.
    await expect(applyImport(admin, { importId: p.id })).rejects.toThrow(/already been applied/);

    // The same file again: every row that was good is now "No change", and applying it changes nothing.
    const before = { users: await db.user.count(), enrolments: await db.enrolment.count(), assignments: await db.enrolmentAssignment.count() };
    const again = await preview(mixed);
    expect(again.summary).toMatchObject({ newLearners: 0, enrolments: 0, reassignments: 0, unchanged: 3 });
    expect(again.rows.filter((r) => !r.problems.length).every((r) => r.outcome === "No change")).toBe(true);
    await applyImport(admin, { importId: again.id });
    expect({ users: await db.user.count(), enrolments: await db.enrolment.count(), assignments: await db.enrolmentAssignment.count() }).toEqual(before);
    expect(await db.outboxEmail.count({ where: { to: "jordan@import.example" } })).toBe(1);
  });

  it("reassigns an assessor named in the file, with history, and checks again at apply time", async () => {
    const p = await preview(`${header}\nKim Known,kim@import.example,CPC308,ben@import.example,,1/9/2026\nLate Comer,late@import.example,AG26,,,1/9/2026`);
    expect(p.rows[0]?.outcome).toBe("On CPC 308, change assessor to Ben Assessor");
    // Between preview and apply, someone else enrols the late comer: the check at apply finds it, and the row changes nothing more.
    const late = await build.user({ centre: home, roles: ["LEARNER"], email: "late@import.example" });
    await build.enrolment({ learner: late, unit: "AG26" });
    const done = await applyImport(admin, { importId: p.id });
    expect(done.summary).toMatchObject({ reassignments: 1, enrolments: 0, newLearners: 0 });
    const kim = await db.enrolment.findFirstOrThrow({
      where: { learnerId: known.userId, unit: { code: "CPC308" } },
      include: { assignments: { where: { role: "ASSESSOR" } } },
    });
    expect(kim.assessorId).toBe(ben.userId);
    expect(kim.assignments.map((a) => [a.userId, a.endedAt === null, a.reason])).toContainEqual([ben.userId, true, "Learner import"]);
  });

  it("is refused, as not found, to anyone but the centre's admins", async () => {
    const p = await preview(`${header}\nOut Sider,outsider@import.example,AG26,,,1/9/2026`);
    for (const who of outsiders) {
      await expect(previewImport(who, { file: file(mixed), centreId: home.id })).rejects.toBeInstanceOf(NotFoundError);
      await expect(importPreview(who, p.id, {})).rejects.toBeInstanceOf(NotFoundError);
      await expect(applyImport(who, { importId: p.id })).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await db.user.count({ where: { email: "outsider@import.example" } })).toBe(0);
    expect((await importPreview(admin, p.id, {})).appliedAt).toBeNull();
  });
});
