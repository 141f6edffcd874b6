"use client";
import type { EvidenceItem } from "@/server/assessment/review-parts";
import { claimFormId } from "./review-ids";
import { EvidenceFiles } from "./evidence-files";
import { LazyPreview } from "./lazy-preview";

const claimWords = {
  CLAIMED: "Claimed by the learner, not yet confirmed",
  CONFIRMED: "Confirmed by the assessor",
  REJECTED: "Rejected by the assessor",
} as const;

// The assessor's answers to a learner's claim that an item shows a criterion.
const claimChoices = [
  ["CONFIRMED", (title: string, code: string) => `Confirm ${title} shows ${code}`],
  ["REJECTED", (title: string, code: string) => `Reject ${title} for ${code}`],
] as const;

/**
 * Items mapped to a criterion, for review: each with its note, the learner's claim (which the
 * assessor answers: buttons of the page's claim forms, ClaimForms) and its files. Rendered here
 * from the items' data, which is far smaller than the markup sent twice (page and React data).
 */
export function EvidenceList({ items, code, canDecide }: { items: EvidenceItem[]; code: string; canDecide: boolean }) {
  if (items.length === 0) return <p>No submitted evidence is mapped to {code}.</p>;
  return (
    <ul className="list-none pl-0">
      {items.map((e) => (
        <li key={e.linkId} className="review-item">
          <p>
            <a href={`/evidence/${e.evidenceId}`}>{e.title}</a>
            {`, version ${e.version} · ${e.method} · activity ${e.activity}`}
          </p>
          <p>
            {e.notedBy === "assessor" ? "Assessor's note: " : "Learner's note: "}
            <q>{e.note}</q>
          </p>
          <p className="flex flex-wrap items-center gap-2">
            <span>{claimWords[e.claim]}</span>
            {canDecide &&
              claimChoices
                .filter(([answer]) => answer !== e.claim)
                .map(([answer, label]) => (
                  <button key={answer} type="submit" className="claim" form={claimFormId[answer]} name="linkId" value={e.linkId}>
                    {label(e.title, code)}
                  </button>
                ))}
          </p>
          {e.at &&
            e.files
              .filter((f) => /^(audio|video)\//.test(f.mediaType))
              .map((f) => (
                <LazyPreview
                  key={f.id}
                  fileId={f.id}
                  fileName={f.fileName}
                  mediaType={f.mediaType}
                  startAt={e.at?.seconds ?? 0}
                  label={`Play ${f.fileName} from ${e.at?.words}, where ${code} is covered`}
                />
              ))}
          {e.keptInPlace ? <p>{e.keptInPlace}</p> : <EvidenceFiles files={e.files} />}
          {e.fileCount > e.files.length && (
            <p>
              <a href={`/evidence/${e.evidenceId}`}>
                All {e.fileCount} files of {e.title}
              </a>
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
