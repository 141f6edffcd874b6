import { formatDate, formatDateTime } from "@/lib/format";
import { methodLabels } from "@/lib/portfolio/schemas";
import { Facts } from "@/ui/kit";

type Version = {
  version: number;
  account: string;
  method: keyof typeof methodLabels;
  activityFrom: Date;
  activityTo: Date | null;
  kind: "FILES" | "IN_PLACE";
  location: string | null;
  holder: string | null;
  confidential: boolean | null;
  relevance: string | null;
  submittedAt: Date | null;
  contentHash: string | null;
  workplaceDeclared: boolean;
};

export function VersionDetails({ version: v }: { version: Version }) {
  return (
    <Facts>
      <dt>Method</dt>
      <dd>{methodLabels[v.method]}</dd>
      <dt>Activity</dt>
      <dd>{v.activityTo ? `${formatDate(v.activityFrom)} to ${formatDate(v.activityTo)}` : formatDate(v.activityFrom)}</dd>
      <dt>What was done</dt>
      <dd className="whitespace-pre-wrap">{v.account}</dd>
      {v.kind === "IN_PLACE" && (
        <>
          <dt>Where it is held</dt>
          <dd>{v.location}</dd>
          <dt>Who holds it</dt>
          <dd>{v.holder}</dd>
          <dt>Confidential</dt>
          <dd>{v.confidential ? "Yes" : "No"}</dd>
          <dt>Why it is relevant</dt>
          <dd className="whitespace-pre-wrap">{v.relevance}</dd>
        </>
      )}
      <dt>Submitted</dt>
      <dd>{v.submittedAt ? `${formatDateTime(v.submittedAt)}${v.workplaceDeclared ? ", declared as workplace evidence" : ""}` : "Not yet (draft)"}</dd>
      {v.contentHash && (
        <>
          <dt>Fingerprint</dt>
          <dd>
            <code>{v.contentHash.slice(0, 16)}</code> <span className="text-muted">(SHA-256 of this version and its files)</span>
          </dd>
        </>
      )}
    </Facts>
  );
}
