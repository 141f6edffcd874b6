import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/actor";
import { setUpDatabase } from "@/server/startup/set-up-database";
import { UnauthenticatedError, NotFoundError } from "@/server/policy";
import { loadUnitFiles, parseUnitFile } from "@/server/standards/load";
import { PublishedUnitChangedError, publishUnits } from "@/server/standards/publish";
import { getUnitTree, listUnits } from "@/server/standards/queries";
import { freshDatabase } from "../support/db";
import { must } from "@/lib/must";

const { ownerDb: db, ownerUrl: url } = await freshDatabase("schema");
const reader: Actor = {
  userId: "00000000-0000-0000-0000-000000000001",
  email: "r@example.com",
  name: "R",
  grants: [{ centreId: "c", centreName: "C", role: "LEARNER", endsAt: null }],
};
const cpcText = readFileSync("prisma/standards/cpc-308.json", "utf8");

describe("publishing units", () => {
  it("a folder with one broken file loads nothing", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "units-"));
    writeFileSync(path.join(dir, "ag26.json"), readFileSync("prisma/standards/ag26.json"));
    writeFileSync(path.join(dir, "cpc.json"), cpcText.replace('"code": "A1"', '"code": "A 1"'));
    await expect(setUpDatabase({ url, ownerUrl: url }, { demo: false, standardsDir: dir })).rejects.toThrow(/cpc\.json: sections\[0\]\.criteria\[0\]\.code/);
    expect(await db.unit.count()).toBe(0);
  });

  it("stores both units whole, once", async () => {
    const files = await loadUnitFiles();
    expect(await publishUnits(db, files)).toEqual({ published: ["AG26 v1", "CPC308 v1"], unchanged: [] });
    expect(await publishUnits(db, files)).toEqual({ published: [], unchanged: ["AG26 v1", "CPC308 v1"] });
    expect(await db.unit.count()).toBe(2);
    const cpc = await db.unit.findFirstOrThrow({
      where: { code: "CPC308" },
      include: { _count: { select: { criteria: true, sections: true, scopeCategories: true, glossaryTerms: true } } },
    });
    expect(cpc._count).toEqual({ criteria: 43, sections: 6, scopeCategories: 7, glossaryTerms: 7 });
    expect(cpc.status).toBe("PUBLISHED");
    expect(await db.auditEvent.count({ where: { kind: "unit.published" } })).toBe(2);
  });

  it("never edits a published version in place; a new version sits beside it", async () => {
    const changed = parseUnitFile("cpc-308.json", cpcText.replace("Identify significant trends", "Spot trends"));
    await expect(publishUnits(db, [changed])).rejects.toBeInstanceOf(PublishedUnitChangedError);
    expect((await db.criterion.findFirstOrThrow({ where: { code: "A2", unit: { code: "CPC308" } } })).text).toContain("Identify significant trends");

    const v2 = parseUnitFile("cpc-308.json", cpcText.replace('"version": 1', '"version": 2').replace("Identify significant trends", "Spot trends"));
    await publishUnits(db, [v2]);
    expect((await getUnitTree(reader, "CPC308")).version).toBe(2);
    const v1 = await getUnitTree(reader, "cpc308", "1");
    expect(must(must(v1.sections[0], "v1.sections[0]").criteria[1], 'must(v1.sections[0], "v1.sections[0]").criteria[1]').text).toContain(
      "Identify significant trends",
    );
    expect((await listUnits(reader)).map((u) => [u.code, u.version])).toEqual([
      ["AG26", 1],
      ["CPC308", 2],
    ]);
  });

  it("returns the whole tree with bold terms explained", async () => {
    const unit = await getUnitTree(reader, "AG26");
    expect(unit.sections.flatMap((s) => s.criteria.map((c) => c.code))).toHaveLength(10);
    expect(unit.assessmentMethods).toHaveLength(5);
    expect(unit).toMatchObject({ simulationAllowed: false, planRequiredFirst: true, unitNumber: "23", level: 4 });
    const cpc = await getUnitTree(reader, "CPC308", 1);
    const a1 = must(must(cpc.sections[0], "cpc.sections[0]").criteria[0], 'must(cpc.sections[0], "cpc.sections[0]").criteria[0]');
    expect(a1.terms).toEqual([
      { term: "information", scope: "provide-information", glossary: null },
      { term: "people", scope: "people", glossary: null },
      { term: "resources", scope: "resources", glossary: null },
    ]);
    expect(
      must(
        cpc.scopeCategories.find((s) => s.key === "risks"),
        'cpc.scopeCategories.find((s) => s.key === "risks")',
      ).options,
    ).toContain("risk of financial loss");
  });

  it("answers not found for a bad code", async () => {
    await expect(getUnitTree(reader, "NOPE")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getUnitTree(reader, "../etc")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getUnitTree(reader, "AG26", "x")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getUnitTree({ ...reader, grants: [] }, "AG26")).rejects.toBeInstanceOf(NotFoundError);
  });
});
