import type { RiskLevelName } from "./strategy";

// Attest's suggested risk rating for an assessor, from what has happened to their work
// (docs/decisions/0037). Only ever a suggestion: the IQA rates.

/** What is known about one assessor's work in a centre. */
export type RiskSignals = {
  /** Their decisions an IQA judged in the last 12 months. */
  sampled: number;
  /** Of those, how many the IQA disagreed with. */
  disagreed: number;
  /** IQA actions on their work still open past their due date. */
  overdueActions: number;
  /** Their first signed decision in the centre, if any. */
  firstDecisionAt: Date | null;
  /** How many decisions they have signed in the centre. */
  decisions: number;
};

export type RiskSuggestion = { level: RiskLevelName; reasons: string[] };

/** Fewer decisions than this, or a first decision more recent than NEW_MONTHS, makes an assessor new. */
export const NEW_DECISIONS = 20;
export const NEW_MONTHS = 6;
/** Sampled decisions, all agreed with, needed before the record alone suggests low risk. */
export const TRACK_RECORD = 5;
/** The share of sampled decisions disagreed with (with at least two) that suggests high risk. */
export const HIGH_DISAGREEMENT = 0.25;

const rank: Record<RiskLevelName, number> = { LOW: 0, MEDIUM: 1, HIGH: 2 };
const highest = (levels: RiskLevelName[]): RiskLevelName => levels.reduce((a, b) => (rank[b] > rank[a] ? b : a), "LOW");
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Whole calendar months from `from` to `to` (0 when less than a month). */
export function monthsBetween(from: Date, to: Date): number {
  const months = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + (to.getUTCMonth() - from.getUTCMonth());
  return Math.max(0, to.getUTCDate() < from.getUTCDate() ? months - 1 : months);
}

function sampling(s: RiskSignals): { level: RiskLevelName; reason: string } {
  const { sampled, disagreed } = s;
  if (sampled === 0) return { level: "MEDIUM", reason: "No decisions sampled in the last 12 months" };
  if (disagreed > 0) {
    const reason = `${disagreed} of ${plural(sampled, "sampled decision")} disagreed with in the last 12 months`;
    return { level: disagreed >= 2 && disagreed / sampled >= HIGH_DISAGREEMENT ? "HIGH" : "MEDIUM", reason };
  }
  if (sampled < TRACK_RECORD)
    return { level: "MEDIUM", reason: `Only ${plural(sampled, "decision")} sampled in the last 12 months, all agreed with: too few to lower the risk` };
  return { level: "LOW", reason: `All ${sampled} sampled decisions agreed with in the last 12 months` };
}

function newness(s: RiskSignals, now: Date): string | null {
  if (!s.firstDecisionAt) return "New assessor: no decisions yet";
  const months = monthsBetween(s.firstDecisionAt, now);
  if (months < NEW_MONTHS) return `New assessor: first decision ${months === 0 ? "less than a month" : plural(months, "month")} ago`;
  if (s.decisions < NEW_DECISIONS) return `New assessor: ${plural(s.decisions, "decision")} so far`;
  return null;
}

/**
 * The level each signal points to, the highest winning: disagreements (two or more and at least a
 * quarter of those sampled: high; any: medium), overdue actions (two or more: high; one: medium),
 * a new assessor (high, or medium once five or more sampled decisions were all agreed with). With
 * nothing sampled the record cannot lower the risk below medium.
 */
export function suggestRisk(s: RiskSignals, now: Date): RiskSuggestion {
  const fresh = newness(s, now);
  const record = sampling(s);
  const levels: RiskLevelName[] = [record.level];
  const reasons: string[] = [];
  if (fresh) {
    levels.push(record.level === "LOW" ? "MEDIUM" : "HIGH");
    reasons.push(fresh);
  }
  reasons.push(record.reason);
  if (s.overdueActions > 0) {
    levels.push(s.overdueActions >= 2 ? "HIGH" : "MEDIUM");
    reasons.push(`${plural(s.overdueActions, "action")} overdue`);
  }
  return { level: highest(levels), reasons };
}
