import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { latestUnits } from "@/server/demo/factories";
import { UserFacingError } from "@/server/errors";
import { NotFoundError } from "@/server/policy";
import { UNIT_FILE_MAX_BYTES, publishUnitVersion, retireUnitVersion, unitCatalogueForAdmin, uploadUnitDraft } from "@/server/standards/manage";
import { getUnitTree, listUnits, unitVersionTree } from "@/server/standards/queries";
import { setUpDatabase } from "@/server/startup/set-up-database";
import * as build from "../support/builders";
import { freshDatabase } from "../support/db";

await freshDatabase();
const centre = await build.centre();
const elsewhere = await build.centre();
const admin = await build.user({ centre, roles: ["CENTRE_ADMIN"] });
const otherAdmin = await build.user({ centre: elsewhere, roles: ["CENTRE_ADMIN"] });
const assessor = await build.user({ centre, roles: ["ASSESSOR"] });
const learner = await build.user({ centre, roles: ["LEARNER"] });
const enrolled = await build.enrolment({ learner, assessor, unit: "AG26" });

const ag26 = JSON.parse(readFileSync("prisma/standards/ag26.json", "utf8")) as { version: number; title: string; sections: { criteria: { code: string }[] }[] };
const file = (content: unknown, name = "ag26-v2.json") => new File([typeof content === "string" ? content : JSON.stringify(content)], name);
const v2 = { ...ag26, version: 2, title: `${ag26.title} (revised)` };

describe("uploading a unit file", () => {
  it("reports every problem with its exact path and stores nothing", async () => {
    const broken = structuredClone(v2);
    (broken.sections[1]?.criteria[0] as { code: unknown }).code = "";
    (broken as { version: unknown }).version = "two";
    const attempt = uploadUnitDraft(admin, file(broken));
    await expect(attempt).rejects.toBeInstanceOf(UserFacingError);
    const error = (await attempt.catch((e: UserFacingError) => e)) as UserFacingError;
    expect(error.message).toMatch(/problems; nothing was stored/);
    expect(error.fields.unitFile).toMatch(/^version: /m);
    expect(error.fields.unitFile).toMatch(/^sections\[1\]\.criteria\[0\]\.code: /m);
    await expect(uploadUnitDraft(admin, file("{ not json"))).rejects.toMatchObject({
      fields: { unitFile: expect.stringMatching(/^\(file\): not valid JSON/) },
    });
    await expect(uploadUnitDraft(admin, file("x".repeat(UNIT_FILE_MAX_BYTES + 1)))).rejects.toMatchObject({
      fields: { unitFile: expect.stringMatching(/at most 512 KB/) },
    });
    await expect(uploadUnitDraft(admin, null)).rejects.toMatchObject({ fields: { unitFile: expect.stringMatching(/Choose a unit file/) } });
    expect(await db.unit.count({ where: { code: "AG26" } })).toBe(1);
  });

  it("keeps a valid file as a draft that learners cannot see, and shows it to the admin as learners will see it", async () => {
    const { unitId, code, version } = await uploadUnitDraft(admin, file(v2));
    expect({ code, version }).toEqual({ code: "AG26", version: 2 });
    expect(await db.unit.findUniqueOrThrow({ where: { id: unitId } })).toMatchObject({ status: "DRAFT", publishedAt: null });
    const preview = await unitVersionTree(admin, unitId);
    expect(preview.title).toBe(v2.title);
    expect(preview.sections.length).toBe(ag26.sections.length);
    await expect(getUnitTree(learner, "AG26", 2)).rejects.toBeInstanceOf(NotFoundError);
    expect((await listUnits(learner)).find((u) => u.code === "AG26")?.version).toBe(1);
    await expect(unitVersionTree(learner, unitId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(unitVersionTree(assessor, unitId)).rejects.toBeInstanceOf(NotFoundError);
    // A version is never replaced: the same code and version again is refused.
    await expect(uploadUnitDraft(admin, file(v2))).rejects.toMatchObject({ fields: { unitFile: expect.stringMatching(/already exists \(as a draft\)/) } });
    expect((await db.auditEvent.findFirstOrThrow({ where: { kind: "unit.draft_uploaded" } })).centreId).toBe(centre.id);
  });

  it("publishes a draft as a new version; learners already enrolled stay on theirs", async () => {
    const draft = await db.unit.findFirstOrThrow({ where: { code: "AG26", version: 2 } });
    await publishUnitVersion(admin, { unitId: draft.id }, new Date("2026-12-02T10:00:00Z"));
    expect(await db.unit.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ status: "PUBLISHED", publishedById: admin.userId });
    await expect(publishUnitVersion(admin, { unitId: draft.id })).rejects.toBeInstanceOf(UserFacingError);
    expect((await getUnitTree(learner, "AG26")).version).toBe(2);
    expect((await db.enrolment.findUniqueOrThrow({ where: { id: enrolled.id } })).unitId).toBe(enrolled.unitId);
    const catalogue = await unitCatalogueForAdmin(admin);
    expect(catalogue.filter((u) => u.code === "AG26").map((u) => [u.version, u.status, u.enrolments])).toEqual([
      [2, "PUBLISHED", 0],
      [1, "PUBLISHED", 1],
    ]);
    const event = await db.auditEvent.findFirstOrThrow({ where: { kind: "unit.published", actorId: admin.userId } });
    expect(event).toMatchObject({ centreId: centre.id, subject: `unit:${draft.id}` });
  });

  it("retires a version for new enrolments only", async () => {
    const v1 = await db.unit.findFirstOrThrow({ where: { code: "AG26", version: 1 } });
    const v2row = await db.unit.findFirstOrThrow({ where: { code: "AG26", version: 2 } });
    await retireUnitVersion(admin, { unitId: v2row.id });
    await expect(retireUnitVersion(admin, { unitId: v2row.id })).rejects.toBeInstanceOf(UserFacingError);
    // New enrolments take the newest version still open: version 1.
    expect((await latestUnits(db)).find((u) => u.code === "AG26")?.id).toBe(v1.id);
    expect((await listUnits(learner)).find((u) => u.code === "AG26")?.version).toBe(1);
    // A learner on a retired version still reads it.
    await retireUnitVersion(admin, { unitId: v1.id });
    expect((await getUnitTree(learner, "AG26", 1)).version).toBe(1);
    expect((await db.enrolment.findUniqueOrThrow({ where: { id: enrolled.id } })).unitId).toBe(v1.id);
    expect(await db.auditEvent.count({ where: { kind: "unit.retired", centreId: centre.id } })).toBe(2);
  });

  it("lets any centre admin publish (units are shared), and nobody else", async () => {
    const v3 = await uploadUnitDraft(otherAdmin, file({ ...v2, version: 3 }));
    await expect(publishUnitVersion(assessor, { unitId: v3.unitId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(publishUnitVersion(learner, { unitId: v3.unitId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(uploadUnitDraft(learner, file({ ...v2, version: 4 }))).rejects.toBeInstanceOf(NotFoundError);
    await publishUnitVersion(otherAdmin, { unitId: v3.unitId });
    expect((await db.auditEvent.findFirstOrThrow({ where: { kind: "unit.published", actorId: otherAdmin.userId } })).centreId).toBe(elsewhere.id);
  });
});

describe("starting the app", () => {
  it("publishes a new unit file and enrols no one on it, demo or not", async () => {
    const { ownerUrl, ownerDb } = await freshDatabase("schema");
    const dir = mkdtempSync(path.join(tmpdir(), "units-"));
    for (const name of ["ag26.json", "cpc-308.json"]) writeFileSync(path.join(dir, name), readFileSync(`prisma/standards/${name}`));
    writeFileSync(path.join(dir, "new.json"), JSON.stringify({ ...ag26, code: "NEW1", displayCode: "NEW 1" }));
    await setUpDatabase({ url: ownerUrl, ownerUrl }, { demo: true, standardsDir: dir });
    expect(await ownerDb.unit.count({ where: { code: "NEW1", status: "PUBLISHED" } })).toBe(1);
    expect(await ownerDb.enrolment.count({ where: { unit: { code: "NEW1" } } })).toBe(0);
    expect(await ownerDb.enrolment.count({ where: { unit: { code: "CPC308" } } })).toBeGreaterThan(0);
    await setUpDatabase({ url: ownerUrl, ownerUrl }, { demo: true, standardsDir: dir });
    expect(await ownerDb.enrolment.count({ where: { unit: { code: "NEW1" } } })).toBe(0);
  });
});
