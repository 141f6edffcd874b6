import { z } from "zod";

const text = z.string().trim().min(1, "must not be empty");
const paragraphs = z.array(text);

export const assessmentMethods = ["WORK_PRODUCT", "OBSERVATION", "QUESTIONING", "WITNESS_TESTIMONY", "PROFESSIONAL_DISCUSSION", "REFLECTIVE_ACCOUNT"] as const;

const term = z
  .object({
    term: text,
    scope: text.optional(),
    glossary: text.optional(),
  })
  .strict()
  .refine((t) => Boolean(t.scope) !== Boolean(t.glossary), "a term names either a scope category or a glossary term");

const criterion = z
  .object({
    code: z.string().regex(/^[A-Z]?\d+(\.\d+)?$/, "a criterion code as printed, e.g. A1, 1.1 or K12"),
    kind: z.enum(["PERFORMANCE", "ASSESSMENT", "KNOWLEDGE"]),
    text,
    terms: z.array(term).default([]),
  })
  .strict();

const section = z
  .object({
    code: z.string().regex(/^[A-Za-z0-9.-]+$/, "letters, digits, '.' and '-' only"),
    kind: z.enum(["ELEMENT", "LEARNING_OUTCOME", "KNOWLEDGE_GROUP"]),
    title: text,
    preamble: text.nullable(),
    criteria: z.array(criterion).min(1, "a section has at least one criterion"),
  })
  .strict();

export const unitFileSchema = z
  .object({
    code: z.string().regex(/^[A-Z0-9]+$/, "upper-case letters and digits only, e.g. CPC308"),
    version: z.number().int().positive(),
    displayCode: text,
    title: text,
    awardingBody: text,
    level: z.number().int().min(1).max(8).nullable(),
    creditValue: z.number().int().positive().nullable(),
    guidedLearningHours: z.number().int().positive().nullable(),
    unitNumber: text.nullable(),
    sectorReference: text.nullable(),
    purpose: text,
    details: z
      .object({
        about: paragraphs,
        scopeIntro: paragraphs,
        values: paragraphs,
        glossaryIntro: paragraphs,
        knowledgeIntro: paragraphs,
        learningOutcomesIntro: text.optional(),
        assessment: paragraphs,
        nosMapping: paragraphs,
        additionalInformation: paragraphs,
      })
      .strict(),
    evidence: z
      .object({
        simulationAllowed: z.boolean(),
        planRequiredFirst: z.boolean(),
        allCriteriaRequired: z.boolean(),
        consistencyOverTime: z.boolean(),
        evidenceInPlaceAllowed: z.boolean(),
        rules: paragraphs,
        methodsIntro: paragraphs,
        methods: z.array(z.object({ method: z.enum(assessmentMethods), name: text, description: text }).strict()),
      })
      .strict(),
    scopeCategories: z.array(
      z
        .object({
          key: z.string().regex(/^[a-z0-9-]+$/, "lower-case letters, digits and '-' only"),
          name: text,
          printed: paragraphs.min(1),
          options: z.array(text).min(1, "a scope category has at least one option"),
        })
        .strict(),
    ),
    glossary: z.array(z.object({ term: text, definition: text }).strict()),
    sections: z.array(section).min(1, "a unit has at least one section"),
  })
  .strict()
  .superRefine((unit, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
    const dupes = (entries: [value: string, path: (string | number)[]][], what: string) => {
      const seen = new Set<string>();
      for (const [v, path] of entries)
        if (seen.has(v)) issue(path, `duplicate ${what} "${v}"`);
        else seen.add(v);
    };
    dupes(
      unit.sections.map((s, i) => [s.code, ["sections", i, "code"]]),
      "section code",
    );
    const all = unit.sections.flatMap((s, si) => s.criteria.map((c, ci) => ({ c, path: ["sections", si, "criteria", ci] })));
    dupes(
      all.map((x) => [x.c.code, [...x.path, "code"]]),
      "criterion code",
    );
    dupes(
      unit.scopeCategories.map((s, i) => [s.key, ["scopeCategories", i, "key"]]),
      "scope category",
    );
    dupes(
      unit.glossary.map((g, i) => [g.term, ["glossary", i, "term"]]),
      "glossary term",
    );
    dupes(
      unit.evidence.methods.map((m, i) => [m.method, ["evidence", "methods", i, "method"]]),
      "assessment method",
    );

    const scopes = new Set(unit.scopeCategories.map((s) => s.key));
    const glossary = new Set(unit.glossary.map((g) => g.term));
    for (const { c, path } of all) {
      const bold = boldTerms(c.text);
      const linked = c.terms.map((t) => t.term);
      for (const b of bold) if (!linked.includes(b)) issue([...path, "text"], `bold term "${b}" has no explanation in terms`);
      c.terms.forEach((t, ti) => {
        if (!bold.includes(t.term)) issue([...path, "terms", ti, "term"], `"${t.term}" is not a bold term of the criterion`);
        if (t.scope && !scopes.has(t.scope)) issue([...path, "terms", ti, "scope"], `unknown scope category "${t.scope}"`);
        if (t.glossary && !glossary.has(t.glossary)) issue([...path, "terms", ti, "glossary"], `unknown glossary term "${t.glossary}"`);
      });
    }
  });

export type UnitFile = z.infer<typeof unitFileSchema>;

/** The terms marked **bold** in a criterion's printed text. */
export function boldTerms(text: string): string[] {
  return [...text.matchAll(/\*\*(.+?)\*\*/g)].flatMap((m) => m[1] ?? []);
}

/** Splits printed text into plain and bold runs, for rendering. */
export function textRuns(text: string): { text: string; bold: boolean }[] {
  return text
    .split(/(\*\*.+?\*\*)/g)
    .filter(Boolean)
    .map((part) => (part.startsWith("**") && part.endsWith("**") ? { text: part.slice(2, -2), bold: true } : { text: part, bold: false }));
}
