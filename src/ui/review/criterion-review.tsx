import Link from "next/link";
import type { ActionState } from "@/lib/action-state";
import { formatDate, formatDateTime } from "@/lib/format";
import { formatOffset } from "@/lib/portfolio/records";
import { methodLabels } from "@/lib/portfolio/schemas";
import type { ReviewScreen } from "@/server/assessment/review";
import { ActionForm } from "../action-form";
import { FieldError } from "../field-error";
import { FileList } from "../evidence/file-list";
import { CriterionStateText } from "../progress/criterion-state";

type Criterion = ReviewScreen["sections"][number]["criteria"][number];
type Action = (state: ActionState, form: FormData) => Promise<ActionState>;
const claimWords = { CLAIMED: "Claimed by the learner, not yet confirmed", CONFIRMED: "Confirmed by the assessor", REJECTED: "Rejected by the assessor" } as const;

/** One criterion on the review screen: the mapped evidence, earlier decisions, and the decision controls. */
export function CriterionReview({ c, enrolmentId, canDecide, next, actions }: { c: Criterion; enrolmentId: string; canDecide: boolean; next?: string; actions: { decide: Action; claim: Action } }) {
  const hidden = <input type="hidden" name="enrolmentId" value={enrolmentId} />;
  return (
    <section className="criterion-review" id={`criterion-${c.code}`} data-criterion tabIndex={-1} aria-labelledby={`h-${c.id}`}>
      <h3 id={`h-${c.id}`}>
        {c.code} <span className="criterion-text">{c.text.replace(/\*\*/g, "")}</span>
      </h3>
      <p>
        <CriterionStateText state={c.state} />
        {c.stale && (
          <strong className="stale">
            {" "}
            Stale: the evidence this decision relied on has a newer version. Decide again.
          </strong>
        )}
      </p>
      {c.evidence.length === 0 ? (
        <p>No submitted evidence is mapped to {c.code}.</p>
      ) : (
        <ul className="review-evidence">
          {c.evidence.map((e) => (
            <li key={e.linkId}>
              <p>
                <Link href={`/evidence/${e.evidenceId}`}>{e.title}</Link>, version {e.version.version} · {methodLabels[e.version.method]} · activity {formatDate(e.version.activityFrom)}
              </p>
              <p>
                {e.notedBy === "assessor" ? "Assessor's note" : "Learner's note"}: <q>{e.note}</q>
              </p>
              <p>
                {claimWords[e.claim]}
                {canDecide && e.claim !== "CONFIRMED" && (
                  <ActionForm action={actions.claim} submitLabel={`Confirm ${e.title} shows ${c.code}`} secondary className="inline-form">
                    {hidden}
                    <input type="hidden" name="linkId" value={e.linkId} />
                    <input type="hidden" name="claim" value="CONFIRMED" />
                  </ActionForm>
                )}{" "}
                {canDecide && e.claim !== "REJECTED" && (
                  <ActionForm action={actions.claim} submitLabel={`Reject ${e.title} for ${c.code}`} secondary className="inline-form">
                    {hidden}
                    <input type="hidden" name="linkId" value={e.linkId} />
                    <input type="hidden" name="claim" value="REJECTED" />
                  </ActionForm>
                )}
              </p>
              {e.atSeconds !== null &&
                e.version.files
                  .filter((f) => /^(audio|video)\//.test(f.mediaType))
                  .map((f) => (
                    <p key={f.id}>
                      <audio controls preload="metadata" src={`/api/files/${f.id}?inline=1#t=${e.atSeconds}`} aria-label={`${f.fileName}, playing from ${formatOffset(e.atSeconds!)}, where ${c.code} is covered`} />
                      <span className="muted"> Plays from {formatOffset(e.atSeconds!)}, where {c.code} is covered.</span>
                    </p>
                  ))}
              {e.version.kind === "FILES" ? <FileList files={e.version.files} /> : <p>Kept in place: {e.version.location} (held by {e.version.holder}). {e.version.relevance}</p>}
            </li>
          ))}
        </ul>
      )}
      {c.decisions.length > 0 && (
        <details>
          <summary>Earlier decisions on {c.code} ({c.decisions.length})</summary>
          <ol className="decision-log">
            {c.decisions.map((d) => (
              <li key={d.id}>
                <strong>{d.outcome === "MET" ? "Met" : "Not yet met"}</strong>, signed by {d.typedName} on {formatDateTime(d.decidedAt)}
                {d.feedback && <>. Feedback: {d.feedback}</>}. Relied on: {d.evidence.map((x) => `${x.version.title} v${x.version.version}`).join(", ") || "none"}. Signature{" "}
                <code>{d.signatureHash.slice(0, 16)}</code>
              </li>
            ))}
          </ol>
        </details>
      )}
      {canDecide && (
        <ActionForm action={actions.decide} submitLabel="Sign" pendingLabel="Signing…" done={`Decision on ${c.code} signed.`} aria-label={`Decision on ${c.code}`}>
          {hidden}
          <input type="hidden" name="criterionId" value={c.id} />
          <input type="hidden" name="revision" value={c.revision} />
          <fieldset>
            <legend>Decision on {c.code}</legend>
            <FieldError name="outcome" />
            <div className="choice">
              <input id={`met-${c.id}`} type="radio" name="outcome" value="MET" required />
              <label htmlFor={`met-${c.id}`}>Met</label>
            </div>
            <div className="choice">
              <input id={`nym-${c.id}`} type="radio" name="outcome" value="NOT_YET_MET" />
              <label htmlFor={`nym-${c.id}`}>Not yet met</label>
            </div>
          </fieldset>
          {c.evidence.length > 0 && (
            <fieldset>
              <legend>Evidence relied on</legend>
              <FieldError name="evidenceVersionId" />
              {c.evidence.map((e) => (
                <div className="choice" key={e.linkId}>
                  <input id={`ev-${c.id}-${e.version.id}`} type="checkbox" name="evidenceVersionId" value={e.version.id} defaultChecked={e.claim !== "REJECTED"} />
                  <label htmlFor={`ev-${c.id}-${e.version.id}`}>
                    {e.title}, version {e.version.version}
                  </label>
                </div>
              ))}
            </fieldset>
          )}
          <div className="field">
            <label htmlFor={`fb-${c.id}`}>Feedback (required for Not yet met)</label>
            <FieldError name="feedback" />
            <textarea id={`fb-${c.id}`} name="feedback" rows={2} />
          </div>
          <div className="inline-fields">
            <div>
              <label htmlFor={`name-${c.id}`}>Your full name, to sign</label>
              <FieldError name="typedName" />
              <input id={`name-${c.id}`} name="typedName" type="text" autoComplete="name" required />
            </div>
            <div>
              <label htmlFor={`pw-${c.id}`}>Your password</label>
              <FieldError name="password" />
              <input id={`pw-${c.id}`} name="password" type="password" autoComplete="current-password" aria-describedby={`pw-hint-${c.id}`} />
              <p className="hint" id={`pw-hint-${c.id}`}>
                Not needed if you signed in within the last five minutes.
              </p>
            </div>
          </div>
        </ActionForm>
      )}
      {next && (
        <p>
          <a href={`#criterion-${next}`}>Next criterion: {next}</a>
        </p>
      )}
    </section>
  );
}
