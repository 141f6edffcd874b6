import { formatBytes, formatDateTime } from "@/lib/format";
import { methodLabels } from "@/lib/portfolio/schemas";
import type { SnapshotDecision, SnapshotEvidence, SnapshotSignOff } from "@/lib/quality/review-snapshot";
import { RichText } from "@/ui/rich-text";
import { Facts } from "@/ui/kit";

const method = (m: string) => methodLabels[m as keyof typeof methodLabels] ?? m;
const when = (iso: string) => formatDateTime(new Date(iso));

/** A record's fields as written (an observation's place, what was observed, the narrative...). */
function RecordFields({ record }: { record: unknown }) {
  if (!record || typeof record !== "object") return null;
  const entries = Object.entries(record as Record<string, unknown>).filter(([, v]) => typeof v === "string" && v);
  return (
    <Facts className="mt-2">
      {entries.map(([k, v]) => (
        <div key={k} className="contents">
          <dt>{k.replace(/([A-Z])/g, " $1").replace(/^./, (c) => c.toUpperCase())}</dt>
          <dd>{String(v)}</dd>
        </div>
      ))}
    </Facts>
  );
}

/** One evidence version as it was relied on: title, version, method, hash, files, record and testimonies. */
export function SnapshotEvidenceItem({ e, fileLinks }: { e: SnapshotEvidence; fileLinks: boolean }) {
  return (
    <li className="mb-3">
      <p className="mb-1 break-words">
        <strong>{e.title}</strong>, version {e.version} ({method(e.method)}
        {e.author === "assessor" ? ", a record the assessor wrote" : ""})
      </p>
      <p className="mb-1 text-sm break-all text-muted">Content hash: {e.contentHash ?? "not submitted"}</p>
      {e.account && (
        <div className="break-words">
          <RichText text={e.account} />
        </div>
      )}
      {e.author === "assessor" && (
        <>
          <RecordFields record={e.record} />
          <p className="mb-1">{e.countersignName ? `Countersigned by the learner as ${e.countersignName}.` : "Not countersigned by the learner."}</p>
        </>
      )}
      {e.files.length > 0 && (
        <ul className="mb-1">
          {e.files.map((f) => (
            <li key={f.id} className="break-words">
              {fileLinks ? (
                <a href={`/api/files/${f.id}`} download={f.name}>
                  {f.name}
                </a>
              ) : (
                f.name
              )}{" "}
              ({formatBytes(f.size)}) <span className="text-sm break-all text-muted">SHA-256 {f.sha256}</span>
            </li>
          ))}
        </ul>
      )}
      {e.testimonies.map((t, i) => (
        <div key={i} className="mt-2 border-l-4 border-line pl-3 break-words">
          <p className="mb-1">
            Witness testimony from {t.witnessName} ({t.jobRole}; {t.relationship}): “{t.statement}”
          </p>
          <p className="mb-1 text-muted">
            {t.how}
            {t.respondedAt ? ` On ${when(t.respondedAt)}.` : ""}
          </p>
        </div>
      ))}
    </li>
  );
}

/** A sampled decision as it stood when the review was opened. */
export function SnapshotDecisionFacts({ d, evidence, fileLinks }: { d: SnapshotDecision; evidence: SnapshotEvidence[]; fileLinks: boolean }) {
  const relied = evidence.filter((e) => d.evidence.includes(e.id));
  return (
    <>
      <p className="break-words">{d.criterionText.replace(/\*\*/g, "")}</p>
      <Facts>
        <dt>Outcome</dt>
        <dd>{d.outcome === "MET" ? "Met" : "Not yet met"}</dd>
        <dt>Assessor</dt>
        <dd>
          {d.assessorName}, signed as “{d.typedName}” on {when(d.decidedAt)}
        </dd>
        <dt>Feedback</dt>
        <dd>{d.feedback || "None given"}</dd>
        <dt>Signature</dt>
        <dd className="text-sm break-all">{d.signatureHash}</dd>
      </Facts>
      <h4 className="mt-3 mb-1 text-base">Evidence relied on</h4>
      {relied.length ? (
        <ul>
          {relied.map((e) => (
            <SnapshotEvidenceItem key={e.id} e={e} fileLinks={fileLinks} />
          ))}
        </ul>
      ) : (
        <p>None.</p>
      )}
    </>
  );
}

export function SnapshotSignOffFacts({ s }: { s: SnapshotSignOff }) {
  return (
    <Facts>
      <dt>Signed off by</dt>
      <dd>
        {s.assessorName}, signed as “{s.assessorTypedName}” on {when(s.assessorSignedAt)}
      </dd>
      <dt>Summative comment</dt>
      <dd>{s.summativeComment}</dd>
      <dt>Learner</dt>
      <dd>{s.learnerSignedAt ? `Countersigned as “${s.learnerTypedName}” on ${when(s.learnerSignedAt)}` : "Not countersigned yet"}</dd>
      <dt>Content hash</dt>
      <dd className="text-sm break-all">{s.contentHash}</dd>
    </Facts>
  );
}
