import Link from "next/link";
import type { ActionState } from "@/lib/action-state";
import { decisionControl, decisionsFormId } from "@/lib/assessment/decision-form";
import { formatDate, formatDateTime } from "@/lib/format";
import { formatOffset } from "@/lib/portfolio/records";
import { methodLabels } from "@/lib/portfolio/schemas";
import type { ReviewScreen } from "@/server/assessment/review";
import { ActionForm } from "@/ui/action-form";
import { CompactChoices } from "@/ui/kit";
import { Field } from "@/ui/kit/field";
import { CriterionStateText } from "@/ui/progress/criterion-state";
import { EvidenceFiles } from "./evidence-files";
import { LazyPreview } from "./lazy-preview";

type Criterion = ReviewScreen["sections"][number]["criteria"][number];
type Action = (state: ActionState, form: FormData) => Promise<ActionState>;
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
 * One criterion on the review screen: its evidence, and beside it (on wide screens) the decision,
 * whose controls belong to the page's one signing form. Only the criterion in focus is shown. Its
 * parts are styled by ReviewCriteria (data-part), once for all of them.
 */
export function CriterionReview({
  c,
  enrolmentId,
  canDecide,
  first,
  previous,
  next,
  claim,
}: {
  c: Criterion;
  enrolmentId: string;
  canDecide: boolean;
  first: boolean;
  previous?: string;
  next?: string;
  claim: Action;
}) {
  return (
    <section id={`criterion-${c.code}`} data-criterion data-first={first || undefined} tabIndex={-1} aria-labelledby={`h-${c.code}`}>
      <h3 id={`h-${c.code}`}>
        {c.code} <span>{c.text.replace(/\*\*/g, "")}</span>
      </h3>
      <p>
        <CriterionStateText state={c.state} plain />
        {c.stale && <strong className="text-danger"> Stale: the evidence this decision relied on has a newer version. Decide again.</strong>}
      </p>
      <div data-part="focus">
        <div data-part="evidence">
          <h4>Evidence for {c.code}</h4>
          <EvidenceList c={c} enrolmentId={enrolmentId} canDecide={canDecide} claim={claim} />
          {c.decisions.length > 0 && <EarlierDecisions c={c} />}
        </div>
        {canDecide && <DecisionControls key={c.revision} c={c} />}
      </div>
      <p data-part="steps">
        {previous && <a href={`#criterion-${previous}`}>Previous criterion: {previous}</a>}
        {next && <a href={`#criterion-${next}`}>Next criterion: {next}</a>}
      </p>
    </section>
  );
}

function EvidenceList({ c, enrolmentId, canDecide, claim }: { c: Criterion; enrolmentId: string; canDecide: boolean; claim: Action }) {
  if (c.evidence.length === 0) return <p>No submitted evidence is mapped to {c.code}.</p>;
  const hidden = <input type="hidden" name="enrolmentId" value={enrolmentId} />;
  return (
    <ul className="list-none pl-0">
      {c.evidence.map((e) => (
        <li key={e.linkId} className="mb-3 border-l-4 border-line pl-3 wrap-anywhere">
          <p>
            <Link href={`/evidence/${e.evidenceId}`}>{e.title}</Link>, version {e.version.version} · {methodLabels[e.version.method]} · activity{" "}
            {formatDate(e.version.activityFrom)}
          </p>
          <p>
            {e.notedBy === "assessor" ? "Assessor's note" : "Learner's note"}: <q>{e.note}</q>
          </p>
          <div className="my-4 flex flex-wrap items-center gap-2">
            <span>{claimWords[e.claim]}</span>
            {canDecide &&
              claimChoices
                .filter(([answer]) => answer !== e.claim)
                .map(([answer, label]) => (
                  <ActionForm
                    key={answer}
                    action={claim}
                    submitLabel={label(e.title, c.code)}
                    secondary
                    className="min-w-0 [&_button]:px-2.5 [&_button]:py-0.5 [&_button]:text-left [&_button]:text-sm"
                  >
                    {hidden}
                    <input type="hidden" name="linkId" value={e.linkId} />
                    <input type="hidden" name="claim" value={answer} />
                  </ActionForm>
                ))}
          </div>
          {e.atSeconds !== null &&
            e.version.files
              .filter((f) => /^(audio|video)\//.test(f.mediaType))
              .map((f) => (
                <LazyPreview
                  key={f.id}
                  fileId={f.id}
                  fileName={f.fileName}
                  mediaType={f.mediaType}
                  startAt={e.atSeconds ?? 0}
                  label={`Play ${f.fileName} from ${formatOffset(e.atSeconds ?? 0)}, where ${c.code} is covered`}
                />
              ))}
          {e.version.kind === "FILES" ? (
            <EvidenceFiles files={e.version.files} />
          ) : (
            <p>
              Kept in place: {e.version.location} (held by {e.version.holder}). {e.version.relevance}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}

function EarlierDecisions({ c }: { c: Criterion }) {
  return (
    <details>
      <summary>
        Earlier decisions on {c.code} ({c.decisions.length})
      </summary>
      <ol className="wrap-anywhere">
        {c.decisions.map((d) => (
          <li key={d.id} className="mb-1.5">
            <strong>{d.outcome === "MET" ? "Met" : "Not yet met"}</strong>, signed by {d.typedName} on {formatDateTime(d.decidedAt)}
            {d.feedback && <>. Feedback: {d.feedback}</>}. Relied on: {d.evidence.map((x) => `${x.version.title} v${x.version.version}`).join(", ") || "none"}.
            Signature <code>{d.signatureHash.slice(0, 16)}</code>
          </li>
        ))}
      </ol>
    </details>
  );
}

/** The decision on one criterion: controls of the signing form at the end of the page (their `form` attribute). */
function DecisionControls({ c }: { c: Criterion }) {
  const form = decisionsFormId;
  const outcome = decisionControl.outcome(c.id);
  const evidence = decisionControl.evidence(c.id);
  const feedback = decisionControl.feedback(c.id);
  return (
    <div data-part="decision">
      <input type="hidden" form={form} name="criterionId" value={c.id} />
      <input type="hidden" form={form} name={decisionControl.revision(c.id)} value={c.revision} />
      <CompactChoices
        type="radio"
        form={form}
        name={outcome}
        legend={`Decision on ${c.code}`}
        options={[
          { id: `met-${c.code}`, value: "MET", label: "Met" },
          { id: `nym-${c.code}`, value: "NOT_YET_MET", label: "Not yet met" },
        ]}
      />
      {c.evidence.length > 0 && (
        <CompactChoices
          type="checkbox"
          form={form}
          name={evidence}
          legend="Evidence relied on"
          options={c.evidence.map((e, i) => ({
            id: `ev-${c.code}-${i}`,
            value: e.version.id,
            label: `${e.title}, version ${e.version.version}`,
            defaultChecked: e.claim !== "REJECTED",
          }))}
        />
      )}
      {/* The base textarea style, not TextAreaField's classes: one of these per criterion, and the page must stay small. */}
      <Field id={`fb-${c.code}`} name={feedback} label="Feedback (required for Not yet met)">
        {(control) => <textarea {...control} form={form} name={feedback} rows={3} />}
      </Field>
    </div>
  );
}
