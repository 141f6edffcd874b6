import type { assessmentMethods } from "@/lib/standards/unit-file";

// A centre's sampling strategy as the sample draw and the pages use it. The defaults apply until a
// centre sets its own (recorded in docs/decisions, issue 12); every percentage is the centre's choice.

export const riskLevels = ["LOW", "MEDIUM", "HIGH"] as const;
export type RiskLevelName = (typeof riskLevels)[number];
export type MethodName = (typeof assessmentMethods)[number];

export type Strategy = {
  /** Percent of each assessor's learners to sample, by the assessor's risk level. */
  learners: Record<RiskLevelName, number>;
  /** Percent of each assessor's units (learner-units they assess) to sample, by risk level. */
  units: Record<RiskLevelName, number>;
  /** Of the sample, the percent taken while units are in progress; the rest is summative. */
  interimPercent: number;
  /** Methods every plan must cover. */
  methods: MethodName[];
};

export const DEFAULT_STRATEGY: Strategy = {
  learners: { LOW: 10, MEDIUM: 25, HIGH: 50 },
  units: { LOW: 10, MEDIUM: 25, HIGH: 100 },
  interimPercent: 50,
  methods: ["OBSERVATION", "WORK_PRODUCT", "WITNESS_TESTIMONY", "PROFESSIONAL_DISCUSSION"],
};

/** An assessor nobody has rated is sampled at this level. */
export const UNRATED_RISK: RiskLevelName = "MEDIUM";

/** An assessor's current ratings: overall, and where set for a unit code or a method. */
export type AssessorRisk = { overall: RiskLevelName; byUnit: Record<string, RiskLevelName>; byMethod: Partial<Record<MethodName, RiskLevelName>> };

const order: Record<RiskLevelName, number> = { LOW: 0, MEDIUM: 1, HIGH: 2 };
/** The rating that applies to an assessor's work on a unit: the highest of overall and the unit's own. */
export function riskFor(risk: AssessorRisk | undefined, unitCode?: string): RiskLevelName {
  const overall = risk?.overall ?? UNRATED_RISK;
  const unit = unitCode ? risk?.byUnit[unitCode] : undefined;
  return unit && order[unit] > order[overall] ? unit : overall;
}
