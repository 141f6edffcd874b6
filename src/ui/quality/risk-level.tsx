import type { RiskLevelName } from "@/lib/quality/strategy";
import { Status } from "@/ui/kit";

const tone = { LOW: "success", MEDIUM: "warning", HIGH: "danger" } as const;
const words: Record<RiskLevelName, string> = { LOW: "Low risk", MEDIUM: "Medium risk", HIGH: "High risk" };

/** A risk level in words with its icon (never colour alone). */
export function RiskLevel({ level }: { level: RiskLevelName }) {
  return <Status tone={tone[level]}>{words[level]}</Status>;
}
