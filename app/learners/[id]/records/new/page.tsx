import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { type RecordKind, recordKinds, recordLabels } from "@/lib/portfolio/records";
import { requireActor } from "@/server/auth/require";
import { db } from "@/server/db/client";
import { ActionForm } from "@/ui/action-form";
import { RecordFields } from "@/ui/evidence/record-fields";
import { createRecordAction } from "../../../../evidence/actions";

export const metadata: Metadata = { title: "New assessor record" };

export default async function NewRecordPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ kind?: string }> }) {
  const { id } = await params;
  const kind = (await searchParams).kind as RecordKind;
  const actor = await requireActor(`/learners/${encodeURIComponent(id)}/records/new`);
  if (!recordKinds.includes(kind) || !/^[0-9a-f-]{36}$/i.test(id)) notFound();
  // Only the learner's assessor may write records; the action checks again.
  const enrolment = await db().enrolment.findFirst({ where: { learnerId: id, assessorId: actor.userId }, select: { learner: { select: { name: true } } } });
  if (!enrolment) notFound();
  return (
    <>
      <h1>
        New {recordLabels[kind]} for {enrolment.learner.name}
      </h1>
      <p className="lead">Write the record, then map it to the criteria it covers, upload any recording, and send it to the learner to countersign.</p>
      <ActionForm action={createRecordAction} submitLabel={`Save the ${recordLabels[kind]}`}>
        <input type="hidden" name="learnerId" value={id} />
        <RecordFields kind={kind} />
      </ActionForm>
    </>
  );
}
