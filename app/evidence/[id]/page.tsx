import type { Metadata } from "next";
import { acceptAttribute } from "@/lib/file-types";
import { formatDate, formatDateTime, isoDay } from "@/lib/format";
import { methodLabels } from "@/lib/portfolio/schemas";
import { assessmentMethods } from "@/lib/standards/unit-file";
import { orNotFound, requireActor } from "@/server/edge/page";
import { listComments } from "@/server/portfolio/comments";
import { maxFileBytes } from "@/server/portfolio/files";
import { evidenceDetail, mappingChoices } from "@/server/portfolio/queries";
import { ActionForm } from "@/ui/action-form";
import { Comments } from "@/ui/evidence/comments";
import { EvidenceFields } from "@/ui/evidence/evidence-fields";
import { EvidenceStatusText } from "@/ui/evidence/evidence-status";
import { FileList } from "@/ui/evidence/file-list";
import { FileUploader } from "@/ui/evidence/file-uploader";
import { MappingPicker } from "@/ui/evidence/mapping-picker";
import { SubmitPanel } from "@/ui/evidence/submit-panel";
import { VersionDetails } from "@/ui/evidence/version-details";
import { RecordDetails } from "@/ui/evidence/record-details";
import { RecordFields } from "@/ui/evidence/record-fields";
import { formatOffset } from "@/lib/portfolio/records";
import { Witnesses } from "@/ui/evidence/witnesses";
import { Disclosure, Notice } from "@/ui/kit";
import { witnessRequestsFor } from "@/server/portfolio/witness";
import {
  addCommentAction,
  deleteEvidenceAction,
  removeFileAction,
  requestWitnessAction,
  sendForCountersignAction,
  updateRecordAction,
  setMappingAction,
  startRevisionAction,
  submitEvidenceAction,
  updateEvidenceAction,
  withdrawEvidenceAction,
} from "../actions";

export const metadata: Metadata = { title: "Evidence" };

export default async function EvidencePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/evidence/${encodeURIComponent(id)}`);
  const detail = await orNotFound(evidenceDetail(actor, id));
  const { evidence, latest, versions, links, scopeLinks, can, learner, record } = detail;
  const [choices, comments, witnesses] = await Promise.all([
    can.edit || can.submit ? mappingChoices(evidence.learnerId, evidence.centreId) : [],
    listComments(actor, evidence.id),
    witnessRequestsFor(actor, evidence.id),
  ]);
  const hidden = <input type="hidden" name="evidenceId" value={evidence.id} />;
  const earlier = versions.slice(1);
  return (
    <article>
      <p className="text-muted">
        Evidence of {learner.name} · version {latest.version} · <EvidenceStatusText status={evidence.status} draft={!latest.submittedAt} />
      </p>
      <h1>{latest.title}</h1>

      <VersionDetails version={latest} />
      {record && <RecordDetails record={record} />}
      {record && !latest.submittedAt && (
        <Notice>
          {record.ready
            ? "Sent to the learner to countersign."
            : "Draft record: the assessor finishes it, maps it and uploads any recording, then sends it to the learner to countersign."}
        </Notice>
      )}

      <section aria-labelledby="files">
        <h2 id="files">{latest.kind === "FILES" ? "Files" : "Evidence kept in place"}</h2>
        {latest.kind === "FILES" ? (
          <FileList
            files={latest.files}
            removable={
              can.edit
                ? (f) => (
                    <ActionForm action={removeFileAction} submitLabel={`Remove ${f.fileName}`} secondary size="sm" className="inline">
                      {hidden}
                      <input type="hidden" name="fileId" value={f.id} />
                    </ActionForm>
                  )
                : undefined
            }
          />
        ) : (
          <p>This evidence stays where it is normally kept; see above for where it is and why it is relevant.</p>
        )}
        {can.edit && latest.kind === "FILES" && <FileUploader evidenceId={evidence.id} accept={acceptAttribute} maxBytes={maxFileBytes()} />}
      </section>

      <section aria-labelledby="mapping">
        <h2 id="mapping">Criteria this item shows</h2>
        {links.length === 0 ? (
          <p>Not mapped to any criterion yet.</p>
        ) : (
          <ul>
            {links.map((l) => (
              <li key={l.id}>
                <strong>
                  {l.enrolment.unit.displayCode} {l.criterion.code}
                </strong>
                : {l.note}
                {l.atSeconds !== null && ` (at ${formatOffset(l.atSeconds)} in the recording)`}
              </li>
            ))}
          </ul>
        )}
        {scopeLinks.length > 0 && (
          <p>
            Scope covered:{" "}
            {scopeLinks.map((s) => `${s.scopeOption.category.unit.displayCode} ${s.scopeOption.category.name}: ${s.scopeOption.text}`).join("; ")}
          </p>
        )}
        {can.edit && (
          <Disclosure summary="Map to criteria and scope">
            <ActionForm action={setMappingAction} submitLabel="Save mapping" done="Mapping saved.">
              {hidden}
              <MappingPicker
                units={choices}
                notes={Object.fromEntries(links.map((l) => [l.criterion.id, l.note]))}
                scopeOptionIds={scopeLinks.map((s) => s.scopeOptionId)}
                offsets={
                  latest.method === "PROFESSIONAL_DISCUSSION"
                    ? Object.fromEntries(links.map((l) => [l.criterion.id, l.atSeconds === null ? "" : formatOffset(l.atSeconds)]))
                    : undefined
                }
              />
            </ActionForm>
          </Disclosure>
        )}
      </section>

      {can.sendForCountersign && (
        <ActionForm action={sendForCountersignAction} submitLabel="Send to the learner to countersign">
          <input type="hidden" name="evidenceId" value={evidence.id} />
        </ActionForm>
      )}
      {can.submit && (
        <SubmitPanel
          action={submitEvidenceAction}
          evidenceId={evidence.id}
          units={choices.filter((c) => links.some((l) => l.enrolmentId === c.enrolmentId))}
          countersign={Boolean(record)}
        />
      )}

      {(can.edit || can.revise || can.withdraw || can.delete) && (
        <section aria-labelledby="changes">
          <h2 id="changes">Change this item</h2>
          {can.edit && !record && (
            <Disclosure summary="Edit the details">
              <ActionForm action={updateEvidenceAction} submitLabel="Save draft" done="Draft saved.">
                {hidden}
                <EvidenceFields
                  methods={[...assessmentMethods]}
                  d={{
                    ...latest,
                    location: latest.location ?? undefined,
                    holder: latest.holder ?? undefined,
                    relevance: latest.relevance ?? undefined,
                    confidential: latest.confidential ?? false,
                    activityFrom: isoDay(latest.activityFrom),
                    activityTo: latest.activityTo ? isoDay(latest.activityTo) : undefined,
                  }}
                />
              </ActionForm>
            </Disclosure>
          )}
          {can.edit && record && (
            <Disclosure summary="Edit the record">
              <ActionForm action={updateRecordAction} submitLabel="Save draft" done="Draft saved.">
                {hidden}
                <RecordFields kind={record.kind} d={record} title={latest.title} date={isoDay(latest.activityFrom)} />
              </ActionForm>
            </Disclosure>
          )}
          {can.revise && (
            <ActionForm action={startRevisionAction} submitLabel="Edit as a new version" secondary>
              <p>
                Submitted content never changes. Editing makes version {latest.version + 1}; version {latest.version} stays as it was.
              </p>
              {hidden}
            </ActionForm>
          )}
          {can.withdraw && (
            <ActionForm action={withdrawEvidenceAction} submitLabel="Withdraw" secondary>
              <p>
                {record
                  ? "No decision relies on this record yet, so you, who wrote it, can withdraw it."
                  : "No assessor has decided on this submission yet, so you can take it back."}
              </p>
              {hidden}
            </ActionForm>
          )}
          {can.delete && (
            <ActionForm action={deleteEvidenceAction} submitLabel="Delete this draft" secondary>
              <p>The draft has never been submitted, so it can be deleted.</p>
              {hidden}
            </ActionForm>
          )}
        </section>
      )}

      {earlier.length > 0 && (
        <section aria-labelledby="versions">
          <h2 id="versions">Earlier versions</h2>
          {earlier.map((v) => (
            <Disclosure
              key={v.id}
              summary={
                <>
                  Version {v.version}: {v.title}
                  {v.submittedAt ? `, submitted ${formatDateTime(v.submittedAt)}` : ""}
                </>
              }
            >
              <VersionDetails version={v} />
              {v.kind === "FILES" && <FileList files={v.files} />}
            </Disclosure>
          ))}
        </section>
      )}

      <Witnesses evidenceId={evidence.id} requests={witnesses} canRequest={can.requestTestimony} action={requestWitnessAction} />

      <Comments action={addCommentAction} evidenceId={evidence.id} comments={comments} canComment={can.comment} />
      <p className="text-muted">
        Added {formatDate(evidence.createdAt)}. Method: {methodLabels[latest.method]}.
      </p>
    </article>
  );
}
