import { type Candidate, type Stage, eligible, requirementFor } from "./draw";
import type { AssessorRisk, MethodName, RiskLevelName, Strategy } from "./strategy";

// What a plan covers (issue 12, point 2): assessor × unit × method, the criteria sampled per
// unit, and each assessor's planned share against their strategy. Pure, for the page and tests.

export type PlannedItem = { enrolmentId: string; stage: Stage; method?: MethodName | null; criterionIds: string[] };

/** SAMPLED: a live item covers it; NOT_SAMPLED: there are decisions to sample but none is; NONE: nothing to sample. */
export type CellState = "SAMPLED" | "NOT_SAMPLED" | "NONE";

export type AssessorShare = {
  assessorId: string;
  assessorName: string;
  level: RiskLevelName;
  learners: { total: number; planned: number; plannedPercent: number; requiredPercent: number; required: number };
  units: { total: number; planned: number; plannedPercent: number; requiredPercent: number; required: number };
  interim: number;
  summative: number;
  below: boolean;
};

export type Coverage = {
  methods: MethodName[];
  cells: { assessorId: string; assessorName: string; unitCode: string; byMethod: Record<string, CellState>; planned: boolean }[];
  criteria: { unitCode: string; sampled: string[]; notSampled: string[] }[];
  assessors: AssessorShare[];
};

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const percent = (n: number, of: number) => (of ? Math.round((n / of) * 100) : 0);
const byCode = (a: string, b: string) => a.localeCompare(b, "en", { numeric: true });

/** The decisions an item covers: those on its criteria, or all its enrolment's decisions in the period. */
function coveredBy(item: PlannedItem, c: Candidate) {
  const decisions = item.criterionIds.length ? c.decisions.filter((d) => item.criterionIds.includes(d.criterionId)) : c.decisions;
  return item.method ? decisions.filter((d) => d.methods.includes(item.method as MethodName)) : decisions;
}

export function coverage(items: PlannedItem[], candidates: Candidate[], strategy: Strategy, risks: Map<string, AssessorRisk>, iqaId = ""): Coverage {
  const pool = eligible(candidates, iqaId);
  const byId = new Map(pool.map((c) => [c.enrolmentId, c]));
  const planned = items.flatMap((i) => {
    const c = byId.get(i.enrolmentId);
    return c ? [{ item: i, c, decisions: coveredBy(i, c) }] : [];
  });
  const methods = [...new Set([...strategy.methods, ...pool.flatMap((c) => c.decisions.flatMap((d) => d.methods))])];

  const pairs = new Map<string, { assessorId: string; assessorName: string; unitCode: string }>();
  for (const c of pool) pairs.set(`${c.assessorId} ${c.unitCode}`, { assessorId: c.assessorId, assessorName: c.assessorName, unitCode: c.unitCode });
  const cells = [...pairs.values()]
    .sort((a, b) => byText(a.assessorName, b.assessorName) || byCode(a.unitCode, b.unitCode))
    .map((p) => {
      const mine = (c: Candidate) => c.assessorId === p.assessorId && c.unitCode === p.unitCode;
      const mineHere = planned.filter((x) => mine(x.c));
      const byMethod: Record<string, CellState> = {};
      for (const m of methods) {
        const sampled = mineHere.some((x) => x.decisions.some((d) => d.methods.includes(m)));
        const any = pool.some((c) => mine(c) && c.decisions.some((d) => d.methods.includes(m)));
        byMethod[m] = sampled ? "SAMPLED" : any ? "NOT_SAMPLED" : "NONE";
      }
      return { ...p, byMethod, planned: mineHere.length > 0 };
    });

  const units = [...new Set(pool.map((c) => c.unitCode))].sort(byCode);
  const criteria = units.map((unitCode) => {
    const decided = new Set(pool.filter((c) => c.unitCode === unitCode).flatMap((c) => c.decisions.map((d) => d.criterionCode)));
    const sampled = new Set(planned.filter((x) => x.c.unitCode === unitCode).flatMap((x) => x.decisions.map((d) => d.criterionCode)));
    return { unitCode, sampled: [...sampled].sort(byCode), notSampled: [...decided].filter((code) => !sampled.has(code)).sort(byCode) };
  });

  const assessorIds = [...new Set(pool.map((c) => c.assessorId))];
  const assessors = assessorIds
    .map((assessorId): AssessorShare => {
      const mine = pool.filter((c) => c.assessorId === assessorId);
      const need = requirementFor(strategy, risks.get(assessorId), mine);
      const plannedMine = planned.filter((x) => x.c.assessorId === assessorId);
      const learners = new Set(plannedMine.map((x) => x.c.learnerId)).size;
      const enrolments = new Set(plannedMine.map((x) => x.c.enrolmentId)).size;
      return {
        assessorId,
        assessorName: (mine[0] as Candidate).assessorName,
        level: need.level,
        learners: {
          total: need.learners,
          planned: learners,
          plannedPercent: percent(learners, need.learners),
          requiredPercent: need.learnersPercent,
          required: need.learnersRequired,
        },
        units: {
          total: need.units,
          planned: enrolments,
          plannedPercent: percent(enrolments, need.units),
          requiredPercent: need.unitsPercent,
          required: need.unitsRequired,
        },
        interim: plannedMine.filter((x) => x.item.stage === "INTERIM").length,
        summative: plannedMine.filter((x) => x.item.stage === "SUMMATIVE").length,
        below: learners < need.learnersRequired || enrolments < need.unitsRequired,
      };
    })
    .sort((a, b) => byText(a.assessorName, b.assessorName));
  return { methods, cells, criteria, assessors };
}
