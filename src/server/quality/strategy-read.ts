import { type AssessorRisk, DEFAULT_STRATEGY, type MethodName, type Strategy, UNRATED_RISK } from "@/lib/quality/strategy";
import type { Db, Tx } from "@/server/db/client";

// Reads the strategy and the risk ratings as they stand; no policy check here: callers have
// already authorised the centre.

type Row = {
  learnersLow: number;
  learnersMedium: number;
  learnersHigh: number;
  unitsLow: number;
  unitsMedium: number;
  unitsHigh: number;
  interimPercent: number;
  methods: MethodName[];
};
export const toStrategy = (r: Row): Strategy => ({
  learners: { LOW: r.learnersLow, MEDIUM: r.learnersMedium, HIGH: r.learnersHigh },
  units: { LOW: r.unitsLow, MEDIUM: r.unitsMedium, HIGH: r.unitsHigh },
  interimPercent: r.interimPercent,
  methods: r.methods,
});

/** The strategy for a unit code in a centre: the unit's own, else the centre's default, else Attest's defaults. */
export async function strategyFor(db: Db | Tx, centreId: string, unitCode = ""): Promise<Strategy & { source: "unit" | "centre" | "default" }> {
  const rows = await db.samplingStrategy.findMany({ where: { centreId, unitCode: { in: [...new Set(["", unitCode])] } } });
  const unit = unitCode ? rows.find((r) => r.unitCode === unitCode) : undefined;
  const centre = rows.find((r) => r.unitCode === "");
  if (unit) return { ...toStrategy(unit), source: "unit" };
  if (centre) return { ...toStrategy(centre), source: "centre" };
  return { ...DEFAULT_STRATEGY, source: "default" };
}

/** Each assessor's current ratings in a centre (the newest row per scope), in one query. */
export async function currentRisks(db: Db | Tx, centreId: string): Promise<Map<string, AssessorRisk>> {
  const rows = await db.assessorRiskRating.findMany({
    where: { centreId },
    orderBy: { ratedAt: "desc" },
    distinct: ["assessorId", "unitCode", "method"],
    select: { assessorId: true, unitCode: true, method: true, level: true },
  });
  const risks = new Map<string, AssessorRisk>();
  for (const r of rows) {
    const risk = risks.get(r.assessorId) ?? { overall: UNRATED_RISK, byUnit: {}, byMethod: {} };
    if (r.method) risk.byMethod[r.method] = r.level;
    else if (r.unitCode) risk.byUnit[r.unitCode] = r.level;
    else risk.overall = r.level;
    risks.set(r.assessorId, risk);
  }
  return risks;
}
