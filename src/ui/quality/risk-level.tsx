import type { RiskLevelName } from "@/lib/quality/strategy";
import { Status } from "@/ui/kit";
import { riskWords } from "./strategy-words";

const tone = { LOW: "success", MEDIUM: "warning", HIGH: "danger" } as const;

/** A risk level in words with its icon (never colour alone). */
export function RiskLevel({ level }: { level: RiskLevelName }) {
  return <Status tone={tone[level]}>{riskWords[level]} risk</Status>;
}
