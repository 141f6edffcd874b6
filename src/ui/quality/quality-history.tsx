import { formatDateTime } from "@/lib/format";
import type { Reopening, UnlockedSignOff } from "@/server/quality/reopen-history";

// What quality assurance changed, in words. The reason is null for those who may not read the
// IQA's notes on the assessor (the learner), so it is simply not there.

const withReason = (reason: string | null) => (reason ? ` Reason: ${reason}${/[.!?]$/.test(reason) ? "" : "."}` : "");

/** "Reopened by Priya Shah on 2 December 2026 at 14:05. Reason: …" */
export function ReopeningWords({ r }: { r: Reopening }) {
  return (
    <>
      <strong>Reopened</strong>
      {` by ${r.by} (quality assurance) on ${formatDateTime(r.at)}; the assessor decides again.${withReason(r.reason)}`}
    </>
  );
}

/** Earlier sign-offs of the unit that quality assurance unlocked, each in a sentence. */
export function UnlockedSignOffs({ list }: { list: UnlockedSignOff[] }) {
  if (list.length === 0) return null;
  return (
    <ul className="wrap-anywhere">
      {list.map((s) => (
        <li key={s.id}>
          {`An earlier sign-off by ${s.signedBy} on ${formatDateTime(s.signedAt)}${s.countersignedAt ? ` (countersigned on ${formatDateTime(s.countersignedAt)})` : ""} was unlocked by ${s.unlockedBy} (quality assurance) on ${formatDateTime(s.unlockedAt)}, so the unit must be signed off and countersigned again.${withReason(s.reason)}`}
        </li>
      ))}
    </ul>
  );
}
