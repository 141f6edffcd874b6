export type DecisionEvent = { criterionId: string; outcome: "MET" | "NOT_YET_MET"; decidedAt: Date };
export type MetPoint = { day: string; met: number };

/**
 * Criteria met over time: the decisions replayed in order (a later "not yet met" takes a criterion
 * back out), one point per day on which the count changed, days as YYYY-MM-DD in UTC.
 */
export function metSeries(decisions: DecisionEvent[]): MetPoint[] {
  const state = new Map<string, boolean>();
  let met = 0;
  const points: MetPoint[] = [];
  for (const d of [...decisions].sort((a, b) => a.decidedAt.getTime() - b.decidedAt.getTime())) {
    const was = state.get(d.criterionId) ?? false;
    const now = d.outcome === "MET";
    state.set(d.criterionId, now);
    met += Number(now) - Number(was);
    const day = d.decidedAt.toISOString().slice(0, 10);
    const last = points.at(-1);
    if (last?.day === day) last.met = met;
    else points.push({ day, met });
  }
  return points.filter((p, i) => p.met !== points[i - 1]?.met);
}

/** A linear map from a domain onto a range, as d3-scale's scaleLinear does for two points. */
export function linear([d0, d1]: [number, number], [r0, r1]: [number, number]) {
  const span = d1 - d0 || 1;
  return (v: number) => r0 + ((v - d0) / span) * (r1 - r0);
}
