import type { Metadata } from "next";
import { assessmentMethods } from "@/lib/standards/unit-file";
import { requireActor } from "@/server/edge/page";
import { ActionForm } from "@/ui/action-form";
import { EvidenceFields } from "@/ui/evidence/evidence-fields";
import { addEvidenceAction } from "../actions";

export const metadata: Metadata = { title: "Add evidence" };

export default async function NewEvidencePage() {
  await requireActor("/evidence/new");
  return (
    <>
      <h1>Add evidence</h1>
      <p className="text-lg text-muted">Describe the item first. Next you can upload its files, map it to criteria and submit it for assessment.</p>
      <ActionForm action={addEvidenceAction} submitLabel="Save draft" pendingLabel="Saving…">
        <EvidenceFields methods={[...assessmentMethods]} />
      </ActionForm>
    </>
  );
}
