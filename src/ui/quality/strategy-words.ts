import type { RiskLevelName } from "@/lib/quality/strategy";

export const riskWords: Record<RiskLevelName, string> = { LOW: "Low", MEDIUM: "Medium", HIGH: "High" };

/** Where a strategy's numbers come from, in words. */
export const sourceWords = {
  unit: "This unit's own strategy",
  centre: "The centre's default",
  default: "Attest's default (the centre has not set its own)",
} as const;
