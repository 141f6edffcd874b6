import { DEFAULT_STRATEGY, type Strategy } from "@/lib/quality/strategy";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db/client";
import { administeredCentre, grantsAllowing } from "@/server/policy";
import { toStrategy } from "./strategy-read";

export type StrategySource = "unit" | "centre" | "default";
export type UnitStrategy = { code: string; title: string; strategy: Strategy; source: StrategySource };

/**
 * What the strategy page shows: the centre's default and, for each unit the centre has learners
 * on, the strategy that applies and where it comes from (as strategyFor decides, in two queries).
 */
export async function strategyOverview(actor: Actor, requested?: string | null) {
  const centreId = administeredCentre(actor, "manage:strategy", requested ?? null);
  const [rows, units] = await Promise.all([
    db.samplingStrategy.findMany({ where: { centreId } }),
    db.unit.findMany({
      where: { enrolments: { some: { centreId } } },
      select: { code: true, title: true },
      distinct: ["code"],
      orderBy: [{ code: "asc" }, { version: "desc" }],
    }),
  ]);
  const own = new Map(rows.map((r) => [r.unitCode, toStrategy(r)]));
  const centreOwn = own.get("");
  const centre = { strategy: centreOwn ?? DEFAULT_STRATEGY, source: (centreOwn ? "centre" : "default") as StrategySource };
  const perUnit: UnitStrategy[] = units.map((u) => {
    const mine = own.get(u.code);
    return mine ? { ...u, strategy: mine, source: "unit" } : { ...u, ...centre };
  });
  const centres = [...new Map(grantsAllowing(actor, "manage:strategy").map((g) => [g.centreId, g.centreName])).entries()].map(([id, name]) => ({ id, name }));
  return { centreId, centreName: centres.find((c) => c.id === centreId)?.name ?? "", centres, centre, units: perUnit };
}
