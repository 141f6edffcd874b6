import { methodLabels } from "@/lib/portfolio/schemas";
import { type AssessorRisk, type MethodName, type RiskLevelName, type Strategy, riskFor } from "./strategy";

// The sample draw (issue 12, point 2; decision 0038): a pure function of the candidates, the
// strategy, what earlier plans sampled and a seed. Same input and seed, same plan.

export type Stage = "INTERIM" | "SUMMATIVE";

export type CandidateDecision = {
  id: string;
  criterionId: string;
  criterionCode: string;
  assessorId: string;
  decidedAt: Date;
  /** The methods of the evidence versions the decision relied on. */
  methods: MethodName[];
  /** Where the assessment took place, where the evidence records it (an observation's place). */
  sites: string[];
};

/** An enrolment the IQA covers, with its decisions in the period. */
export type Candidate = {
  enrolmentId: string;
  learnerId: string;
  learnerName: string;
  assessorId: string;
  assessorName: string;
  unitCode: string;
  /** Signed off: sampled summatively; otherwise in progress, sampled as interim. */
  signedOff: boolean;
  decisions: CandidateDecision[];
};

/** What earlier plans in the programme sampled. */
export type Earlier = { enrolmentIds: string[]; criterionIds: string[]; methods: MethodName[] };

export type DrawInput = {
  candidates: Candidate[];
  strategy: Strategy;
  risks: Map<string, AssessorRisk>;
  earlier: Earlier;
  iqaId: string;
  seed: number;
};

export type DrawnItem = { enrolmentId: string; stage: Stage; method?: MethodName; criterionIds: string[]; reasons: string[] };

/** A small seeded generator (mulberry32): numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
export const stageOf = (c: Pick<Candidate, "signedOff">): Stage => (c.signedOff ? "SUMMATIVE" : "INTERIM");
export const riskWords = (level: RiskLevelName) => level.toLowerCase();

/** Candidates the IQA may sample: never an enrolment they assess, nor a decision they made. */
export function eligible(candidates: Candidate[], iqaId: string): Candidate[] {
  return candidates
    .filter((c) => c.assessorId && c.assessorId !== iqaId && c.learnerId !== iqaId)
    .map((c) => ({ ...c, decisions: c.decisions.filter((d) => d.assessorId !== iqaId) }));
}

/** How many of `total` a percentage asks for: rounded up, at least one when there are any. */
export const required = (percent: number, total: number) => (total === 0 ? 0 : Math.max(1, Math.ceil((percent * total) / 100 - 1e-9)));

/** An assessor's requirement: learners by their overall risk, learner-units by each unit's risk. */
export function requirementFor(strategy: Strategy, risk: AssessorRisk | undefined, mine: Candidate[]) {
  const level = riskFor(risk);
  const learners = new Set(mine.map((c) => c.learnerId)).size;
  const units = mine.length;
  const unitShare = mine.reduce((sum, c) => sum + strategy.units[riskFor(risk, c.unitCode)], 0) / 100;
  return {
    level,
    learners,
    units,
    learnersPercent: strategy.learners[level],
    unitsPercent: units ? Math.round((unitShare / units) * 100) : strategy.units[level],
    learnersRequired: required(strategy.learners[level], learners),
    unitsRequired: units === 0 ? 0 : Math.max(1, Math.ceil(unitShare - 1e-9)),
  };
}

function shuffled<T>(list: T[], random: () => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const methodsOf = (c: Candidate) => new Set(c.decisions.flatMap((d) => d.methods));
const sitesOf = (c: Candidate) => new Set(c.decisions.flatMap((d) => d.sites));

/** Draws a sample plan: the strategy's share of each assessor's work first, then the coverage gaps. */
export function drawSample(input: DrawInput): DrawnItem[] {
  const random = mulberry32(input.seed);
  const earlierEnrolments = new Set(input.earlier.enrolmentIds);
  const earlierCriteria = new Set(input.earlier.criterionIds);
  const fresh = (c: Candidate) => c.decisions.filter((d) => !earlierCriteria.has(d.criterionId)).length;
  // A seeded shuffle breaks ties; what has something to sample, and what was not sampled before, comes first.
  const pool = shuffled(
    eligible(input.candidates, input.iqaId).sort((a, b) => byText(a.enrolmentId, b.enrolmentId)),
    random,
  ).sort(
    (a, b) =>
      Number(b.decisions.length > 0 || b.signedOff) - Number(a.decisions.length > 0 || a.signedOff) ||
      Number(earlierEnrolments.has(a.enrolmentId)) - Number(earlierEnrolments.has(b.enrolmentId)) ||
      Number(fresh(b) > 0) - Number(fresh(a) > 0),
  );
  const items = new Map<string, DrawnItem>();
  const add = (c: Candidate, reason: string, extra: Partial<DrawnItem> = {}) => {
    const existing = items.get(c.enrolmentId);
    if (existing) existing.reasons.push(reason);
    else items.set(c.enrolmentId, { enrolmentId: c.enrolmentId, stage: stageOf(c), criterionIds: [], reasons: [reason], ...extra });
  };

  const assessors = [...new Set(pool.map((c) => c.assessorId))].sort(byText);
  for (const assessorId of assessors) {
    const mine = pool.filter((c) => c.assessorId === assessorId);
    const name = (mine[0] as Candidate).assessorName;
    const need = requirementFor(input.strategy, input.risks.get(assessorId), mine);
    const chosen: Candidate[] = [];
    // Of what is left, the one of the stage the split wants next, if there is one.
    const next = (accept: (c: Candidate) => boolean) => {
      const left = mine.filter((c) => !chosen.includes(c) && accept(c));
      const interim = chosen.filter((c) => !c.signedOff).length;
      const want: Stage = interim < Math.round((input.strategy.interimPercent * (chosen.length + 1)) / 100) ? "INTERIM" : "SUMMATIVE";
      return left.find((c) => stageOf(c) === want) ?? left[0];
    };
    const level = riskWords(need.level);
    while (new Set(chosen.map((c) => c.learnerId)).size < need.learnersRequired) {
      const learners = new Set(chosen.map((c) => c.learnerId));
      const c = next((x) => !learners.has(x.learnerId));
      if (!c) break;
      chosen.push(c);
      add(c, `${name} is rated ${level} risk: ${need.learnersPercent}% of learners`);
    }
    while (chosen.length < need.unitsRequired) {
      const units = new Set(chosen.map((c) => c.unitCode));
      const c = next((x) => !units.has(x.unitCode)) ?? next(() => true);
      if (!c) break;
      chosen.push(c);
      add(c, `${name} is rated ${level} risk: ${need.unitsPercent}% of units`);
    }
  }

  fillGaps(pool, items, input, add);
  const byId = new Map(pool.map((c) => [c.enrolmentId, c]));
  for (const item of items.values()) {
    const c = byId.get(item.enrolmentId) as Candidate;
    const covered = item.criterionIds.length ? c.decisions.filter((d) => item.criterionIds.includes(d.criterionId)) : c.decisions;
    const codes = [...new Set(covered.filter((d) => !earlierCriteria.has(d.criterionId)).map((d) => d.criterionCode))].sort(byText);
    if (codes.length) item.reasons.push(`${codes.length === 1 ? "Criterion" : "Criteria"} ${codes.join(", ")} not sampled before`);
  }
  return [...items.values()];
}

/** Adds an item for each thing not yet covered: an assessor, a unit, a method, a site, a stage. */
function fillGaps(pool: Candidate[], items: Map<string, DrawnItem>, input: DrawInput, add: (c: Candidate, reason: string, extra?: Partial<DrawnItem>) => void) {
  const inPlan = () => pool.filter((c) => items.has(c.enrolmentId));
  const first = (accept: (c: Candidate) => boolean) => pool.find((c) => !items.has(c.enrolmentId) && accept(c));

  const assessorsIn = new Set(inPlan().map((c) => c.assessorId));
  for (const c of pool) {
    if (assessorsIn.has(c.assessorId)) continue;
    assessorsIn.add(c.assessorId);
    add(c, `Covers ${c.assessorName}, not yet sampled this period`);
  }
  for (const unit of [...new Set(pool.map((c) => c.unitCode))].sort(byText)) {
    if (inPlan().some((c) => c.unitCode === unit)) continue;
    const c = first((x) => x.unitCode === unit);
    if (c) add(c, `Covers unit ${unit}, not yet sampled this period`);
  }
  const earlierMethods = new Set(input.earlier.methods);
  const found = new Set(pool.flatMap((c) => [...methodsOf(c)]));
  const wanted = [...input.strategy.methods, ...[...found].filter((m) => !earlierMethods.has(m)).sort(byText)];
  for (const method of [...new Set(wanted)]) {
    if (!found.has(method) || inPlan().some((c) => methodsOf(c).has(method))) continue;
    const c = first((x) => methodsOf(x).has(method));
    if (!c) continue;
    const why = input.strategy.methods.includes(method) ? "not yet sampled this period" : "never sampled in earlier plans";
    const criterionIds = [...new Set(c.decisions.filter((d) => d.methods.includes(method)).map((d) => d.criterionId))].sort(byText);
    add(c, `Covers ${methodLabels[method].toLowerCase()}, ${why}`, { method, criterionIds });
  }
  for (const site of [...new Set(pool.flatMap((c) => [...sitesOf(c)]))].sort(byText)) {
    if (inPlan().some((c) => sitesOf(c).has(site))) continue;
    const c = first((x) => sitesOf(x).has(site));
    if (c) add(c, `Covers the assessment site "${site}", not yet sampled this period`);
  }
  for (const stage of ["INTERIM", "SUMMATIVE"] as const) {
    if (input.strategy.interimPercent === (stage === "INTERIM" ? 0 : 100)) continue;
    if (inPlan().some((c) => stageOf(c) === stage)) continue;
    const c = first((x) => stageOf(x) === stage && (x.decisions.length > 0 || x.signedOff));
    if (c) add(c, `Adds ${stage === "INTERIM" ? "an interim" : "a summative"} sample: none yet in this plan`);
  }
}
