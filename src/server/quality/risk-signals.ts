import { ukDay } from "@/lib/format";
import type { RiskSignals } from "@/lib/quality/suggest-risk";
import type { Db, Tx } from "@/server/db/client";

// What the suggested risk rating learns from (docs/decisions/0037), for many assessors of one
// centre in three queries whatever their number. No policy check: callers authorised the centre.

const yearBefore = (now: Date) => {
  const d = new Date(now);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  return d;
};

/** Each assessor's signals in the centre: IQA verdicts of the last 12 months, overdue open actions, and their decisions so far. */
export async function riskSignals(db: Db | Tx, centreId: string, assessorIds: string[], now = new Date()): Promise<Map<string, RiskSignals>> {
  const ids = [...new Set(assessorIds)];
  const today = new Date(`${ukDay(now)}T00:00:00Z`);
  const [verdicts, overdue, decisions] = await Promise.all([
    db.iqaVerdict.groupBy({
      by: ["assessorId", "agrees"],
      where: { assessorId: { in: ids }, signedAt: { gte: yearBefore(now), lte: now }, review: { centreId } },
      _count: { _all: true },
    }),
    db.iqaAction.groupBy({
      by: ["assessorId"],
      where: { centreId, assessorId: { in: ids }, closedAt: null, dueOn: { lt: today } },
      _count: { _all: true },
    }),
    db.decision.groupBy({
      by: ["assessorId"],
      where: { centreId, assessorId: { in: ids }, decidedAt: { lte: now } },
      _count: { _all: true },
      _min: { decidedAt: true },
    }),
  ]);
  const signals = new Map<string, RiskSignals>(ids.map((id) => [id, { sampled: 0, disagreed: 0, overdueActions: 0, firstDecisionAt: null, decisions: 0 }]));
  const of = (id: string) => signals.get(id) as RiskSignals;
  for (const v of verdicts) {
    of(v.assessorId).sampled += v._count._all;
    if (!v.agrees) of(v.assessorId).disagreed += v._count._all;
  }
  for (const a of overdue) of(a.assessorId).overdueActions = a._count._all;
  for (const d of decisions) Object.assign(of(d.assessorId), { decisions: d._count._all, firstDecisionAt: d._min.decidedAt });
  return signals;
}
