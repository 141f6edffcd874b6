import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { type RecordKind, recordKinds, recordLabels } from "@/lib/portfolio/records";
import { orNotFound, requireActor } from "@/server/edge/page";
import { recordTarget } from "@/server/portfolio/records";
import { ActionForm } from "@/ui/action-form";
import { RecordFields } from "@/ui/evidence/record-fields";
import { createRecordAction } from "../../../../evidence/actions";

export const metadata: Metadata = { title: "New assessor record" };

export default async function NewRecordPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ kind?: string }> }) {
  const { id } = await params;
  const kind = (await searchParams).kind as RecordKind;
  const actor = await requireActor(`/learners/${encodeURIComponent(id)}/records/new`);
  if (!recordKinds.includes(kind)) notFound();
  const enrolment = await orNotFound(recordTarget(actor, id));
  return (
    <>
      <h1>
        New {recordLabels[kind]} for {enrolment.learner.name}
      </h1>
      <p className="text-lg text-muted">
        Write the record, then map it to the criteria it covers, upload any recording, and send it to the learner to countersign.
      </p>
      <ActionForm action={createRecordAction} submitLabel="Save draft" pendingLabel="Saving…">
        <input type="hidden" name="learnerId" value={id} />
        <RecordFields kind={kind} />
      </ActionForm>
    </>
  );
}
