import { Status, type Tone } from "@/ui/kit";

const labels = { DRAFT: "Draft", SUBMITTED: "Submitted for assessment", WITHDRAWN: "Withdrawn" } as const;
const tones: Record<keyof typeof labels, Tone> = { DRAFT: "neutral", SUBMITTED: "info", WITHDRAWN: "warning" };

/** An item's state in words with its icon; a new version being drafted still reads as submitted (`draft` false). */
export function EvidenceStatusText({ status, draft }: { status: keyof typeof labels; draft?: boolean }) {
  const shown = status === "DRAFT" && draft === false ? "SUBMITTED" : status;
  return <Status tone={tones[shown]}>{labels[shown]}</Status>;
}
