import type { PersonStatus } from "@/server/centre/people";
import { Status, type Tone } from "@/ui/kit";

const statuses: Record<PersonStatus, { tone: Tone; label: string }> = {
  invited: { tone: "info", label: "Invited" },
  active: { tone: "success", label: "Active" },
  deactivated: { tone: "neutral", label: "Deactivated" },
};

/** A person's account state in a word: invited (no password chosen yet), active or deactivated. */
export function PersonStatusBadge({ status }: { status: PersonStatus }) {
  const { tone, label } = statuses[status];
  return <Status tone={tone}>{label}</Status>;
}
