import { randomUUID } from "node:crypto";
import { appendAudit } from "@/server/audit/append";
import type { Db, Tx } from "@/server/db/client";
import type { LoadedUnit } from "./load";
import { must } from "@/lib/must";

export class PublishedUnitChangedError extends Error {
  constructor(source: string, code: string, version: number) {
    super(
      `${source}: ${code} version ${version} is already published with different content. A published version is never edited; give the change a new version number.`,
    );
    this.name = "PublishedUnitChangedError";
  }
}

export type PublishResult = { published: string[]; unchanged: string[] };

/** Publishes unit files in one transaction: all of them, or none. Re-publishing identical content changes nothing. */
export async function publishUnits(db: Db, units: LoadedUnit[]): Promise<PublishResult> {
  return db.$transaction(async (tx) => {
    const result: PublishResult = { published: [], unchanged: [] };
    for (const loaded of units) {
      const { code, version } = loaded.unit;
      const existing = await tx.unit.findUnique({ where: { code_version: { code, version } }, select: { contentHash: true } });
      if (existing) {
        if (existing.contentHash !== loaded.contentHash) throw new PublishedUnitChangedError(loaded.source, code, version);
        result.unchanged.push(`${code} v${version}`);
        continue;
      }
      await insertUnit(tx, loaded);
      result.published.push(`${code} v${version}`);
    }
    return result;
  });
}

/** Who uploaded a draft, in which of their centres: a draft waits for an admin to publish it. */
export type DraftBy = { actorId: string; centreId: string };

/** Stores a unit file's whole tree: published (the command line, start), or as a draft an admin uploaded. */
export async function insertUnit(tx: Tx, { unit, contentHash, source }: LoadedUnit, draft?: DraftBy): Promise<string> {
  const unitId = randomUUID();
  const { evidence } = unit;
  await tx.unit.create({
    data: {
      id: unitId,
      code: unit.code,
      version: unit.version,
      displayCode: unit.displayCode,
      title: unit.title,
      awardingBody: unit.awardingBody,
      level: unit.level,
      creditValue: unit.creditValue,
      guidedLearningHours: unit.guidedLearningHours,
      unitNumber: unit.unitNumber,
      sectorReference: unit.sectorReference,
      purpose: unit.purpose,
      status: draft ? "DRAFT" : "PUBLISHED",
      publishedAt: draft ? null : new Date(),
      contentHash,
      details: { ...unit.details, methodsIntro: evidence.methodsIntro },
      simulationAllowed: evidence.simulationAllowed,
      planRequiredFirst: evidence.planRequiredFirst,
      allCriteriaRequired: evidence.allCriteriaRequired,
      consistencyOverTime: evidence.consistencyOverTime,
      evidenceInPlaceAllowed: evidence.evidenceInPlaceAllowed,
      evidenceRules: evidence.rules,
    },
  });

  const scopeIds = new Map(unit.scopeCategories.map((s) => [s.key, randomUUID()]));
  await tx.scopeCategory.createMany({
    data: unit.scopeCategories.map((s, position) => ({
      id: must(scopeIds.get(s.key), "scopeIds.get(s.key)"),
      unitId,
      key: s.key,
      name: s.name,
      guidance: s.printed.join("\n"),
      position,
    })),
  });
  await tx.scopeOption.createMany({
    data: unit.scopeCategories.flatMap((s) =>
      s.options.map((text, position) => ({ categoryId: must(scopeIds.get(s.key), "scopeIds.get(s.key)"), text, position })),
    ),
  });
  const glossaryIds = new Map(unit.glossary.map((g) => [g.term, randomUUID()]));
  await tx.glossaryTerm.createMany({
    data: unit.glossary.map((g, position) => ({
      id: must(glossaryIds.get(g.term), "glossaryIds.get(g.term)"),
      unitId,
      term: g.term,
      definition: g.definition,
      position,
    })),
  });
  await tx.unitAssessmentMethod.createMany({
    data: evidence.methods.map((m, position) => ({ unitId, method: m.method, name: m.name, description: m.description, position })),
  });

  const sections = unit.sections.map((s, position) => ({ ...s, id: randomUUID(), position }));
  await tx.unitSection.createMany({
    data: sections.map((s) => ({ id: s.id, unitId, code: s.code, kind: s.kind, title: s.title, preamble: s.preamble, position: s.position })),
  });
  let position = 0;
  const criteria = sections.flatMap((s) => s.criteria.map((c) => ({ ...c, id: randomUUID(), sectionId: s.id, position: position++ })));
  await tx.criterion.createMany({
    data: criteria.map((c) => ({ id: c.id, unitId, sectionId: c.sectionId, code: c.code, text: c.text, kind: c.kind, position: c.position })),
  });
  await tx.criterionTerm.createMany({
    data: criteria.flatMap((c) =>
      c.terms.map((t) => ({
        criterionId: c.id,
        term: t.term,
        scopeCategoryId: t.scope ? must(scopeIds.get(t.scope), "scopeIds.get(t.scope)") : null,
        glossaryTermId: t.glossary ? must(glossaryIds.get(t.glossary), "glossaryIds.get(t.glossary)") : null,
      })),
    ),
  });
  if (draft)
    await appendAudit(
      tx,
      { kind: "unit.draft_uploaded", actorId: draft.actorId, data: { unitId, code: unit.code, version: unit.version, contentHash, source } },
      { centreId: draft.centreId, subject: `unit:${unitId}` },
    );
  else
    await appendAudit(
      tx,
      { kind: "unit.published", actorId: null, data: { code: unit.code, version: unit.version, contentHash, source } },
      { subject: `unit:${unitId}` },
    );
  return unitId;
}
