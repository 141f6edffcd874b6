import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { boldTerms } from "@/lib/standards/unit-file";
import { loadUnitFiles } from "@/server/standards/load";
import { must } from "@/lib/must";

const units = await loadUnitFiles();
const cpc = must(
  units.find((u) => u.unit.code === "CPC308"),
  'units.find((u) => u.unit.code === "CPC308")',
).unit;
const ag26 = must(
  units.find((u) => u.unit.code === "AG26"),
  'units.find((u) => u.unit.code === "AG26")',
).unit;

// White space, the seeds' HTML paragraphs and markdown emphasis aside, every text must be printed in the seed.
const normalise = (s: string) =>
  s
    .replace(/<[^>]+>/g, " ")
    .replace(/\*+/g, "")
    .replace(/\s+/g, " ")
    .trim();
const seed = (file: string) => normalise(readFileSync(`prisma/standards/sources/${file}`, "utf8"));

function allTexts(u: typeof cpc): string[] {
  return [
    u.title,
    u.purpose,
    ...Object.values(u.details).flatMap((v) => (Array.isArray(v) ? v : v ? [v] : [])),
    ...u.evidence.rules,
    ...u.evidence.methodsIntro,
    ...u.evidence.methods.flatMap((m) => [m.name, m.description]),
    ...u.scopeCategories.flatMap((s) => [s.name, ...s.printed, ...s.options]),
    ...u.glossary.flatMap((g) => [g.term, g.definition]),
    ...u.sections.flatMap((s) => [s.title, ...(s.preamble ? [s.preamble] : []), ...s.criteria.map((c) => c.text)]),
  ];
}

describe("CPC 308 as printed", () => {
  const text = seed("cpc-308-resources.txt");
  it("has elements A–C with 8, 7 and 7 performance criteria", () => {
    const elements = cpc.sections.filter((s) => s.kind === "ELEMENT");
    expect(elements.map((s) => [s.code, s.criteria.length])).toEqual([
      ["A", 8],
      ["B", 7],
      ["C", 7],
    ]);
    expect(elements.flatMap((s) => s.criteria.map((c) => c.code))).toEqual([
      ...["A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8"],
      ...["B1", "B2", "B3", "B4", "B5", "B6", "B7"],
      ...["C1", "C2", "C3", "C4", "C5", "C6", "C7"],
    ]);
  });
  it("has knowledge items 1–21 in their three groups", () => {
    const groups = cpc.sections.filter((s) => s.kind === "KNOWLEDGE_GROUP");
    expect(groups.map((g) => [g.title, g.criteria.length])).toEqual([
      ["Values", 5],
      ["Legislation and organisational policy and procedures", 5],
      ["Theory and practice", 11],
    ]);
    expect(groups.flatMap((g) => g.criteria.map((c) => c.code))).toEqual(Array.from({ length: 21 }, (_, i) => `K${i + 1}`));
  });
  it("has every scope category and option, the 7 key words, the key purpose and the values", () => {
    expect(cpc.scopeCategories.map((s) => s.name)).toEqual(["Provide information", "Resources", "People", "Risks", "Seek feedback", "Plans", "Records"]);
    expect(cpc.scopeCategories.map((s) => s.options.length)).toEqual([6, 5, 5, 8, 10, 4, 4]);
    expect(cpc.glossary.map((g) => g.term)).toEqual(["Eligibility criteria", "Outcome", "Sustainable", "Inclusive", "Accessible", "Organisation", "Criteria"]);
    expect(cpc.purpose).toContain("Specify, shape and secure quality services");
    expect(cpc.details.values.join(" ")).toContain("The values underpinning this unit");
  });
  it("keeps the bold terms of the criteria, each explained", () => {
    const source = readFileSync("prisma/standards/sources/cpc-308-resources.txt", "utf8");
    const criteriaText = source.slice(source.indexOf("You must show that you:"), source.indexOf("Knowledge specification"));
    const printedBold = [...criteriaText.matchAll(/\*\*(.+?)\*\*/g)].map((m) => must(m[1], "m[1]"));
    const ours = cpc.sections.flatMap((s) => s.criteria.flatMap((c) => boldTerms(c.text)));
    expect(ours).toEqual(printedBold);
    for (const c of cpc.sections.flatMap((s) => s.criteria)) expect(c.terms.map((t) => t.term).sort()).toEqual(boldTerms(c.text).sort());
  });
  it("uses only text printed in the seed", () => {
    for (const t of allTexts(cpc)) expect(text, t).toContain(normalise(t));
  });
});

describe("AG26 as printed", () => {
  const text = seed("ocr-ag26-service-agreements.txt");
  it("has its facts", () => {
    expect(ag26).toMatchObject({
      title: "Negotiate and maintain service agreements",
      unitNumber: "23",
      sectorReference: "AG26",
      level: 4,
      creditValue: 3,
      guidedLearningHours: 20,
      awardingBody: "OCR",
    });
  });
  it("has learning outcomes 1–3 with assessment criteria 1.1–3.3", () => {
    expect(ag26.sections.map((s) => [s.code, s.kind, s.criteria.map((c) => c.code)])).toEqual([
      ["1", "LEARNING_OUTCOME", ["1.1", "1.2", "1.3"]],
      ["2", "LEARNING_OUTCOME", ["2.1", "2.2", "2.3", "2.4"]],
      ["3", "LEARNING_OUTCOME", ["3.1", "3.2", "3.3"]],
    ]);
  });
  it("has its evidence rules and the five preferred assessment methods", () => {
    expect(ag26.evidence).toMatchObject({
      simulationAllowed: false,
      planRequiredFirst: true,
      allCriteriaRequired: true,
      consistencyOverTime: true,
      evidenceInPlaceAllowed: true,
    });
    expect(ag26.evidence.methods.map((m) => m.name)).toEqual([
      "Direct observation of performance",
      "Evaluation of work products",
      "Questioning",
      "Witness testimony",
      "Professional discussion",
    ]);
    expect(ag26.details.nosMapping[0]).toContain("National Occupational Standards in Advice and Guidance 2006");
  });
  it("uses only text printed in the seed", () => {
    for (const t of allTexts(ag26)) expect(text, t).toContain(normalise(t));
  });
});
