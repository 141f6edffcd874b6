import type { Metadata } from "next";
import Link from "next/link";
import { formatDate } from "@/lib/format";
import { orNotFound, requireActor } from "@/server/edge/page";
import { unitVersionTree } from "@/server/standards/queries";
import { ActionForm } from "@/ui/action-form";
import { UnitVersionStatus } from "@/ui/centre/unit-version-status";
import { Card } from "@/ui/kit";
import { UnitView } from "@/ui/units/unit-view";
import { publishUnitAction, retireUnitAction } from "../actions";

export const metadata: Metadata = { title: "Unit version" };

type Props = { params: Promise<{ id: string }> };

export default async function UnitVersionPage({ params }: Props) {
  const { id } = await params;
  const actor = await requireActor(`/centre/units/${encodeURIComponent(id)}`);
  const unit = await orNotFound(unitVersionTree(actor, id));
  const unitId = <input type="hidden" name="unitId" value={id} />;
  return (
    <>
      <p>
        <Link href="/centre/units">Back to manage units</Link>
      </p>
      <Card className="my-4">
        <p className="mt-0 text-xl font-bold">
          {unit.displayCode} version {unit.version} <UnitVersionStatus status={unit.status} retiredAt={unit.retiredAt} />
        </p>
        {unit.status === "DRAFT" ? (
          <>
            <p className="mt-0">
              This draft is shown below as learners will see it. Publishing makes it the version new enrolments use; it cannot be changed afterwards.
            </p>
            <ActionForm action={publishUnitAction} submitLabel="Publish this version" pendingLabel="Publishing…" done="Published.">
              {unitId}
            </ActionForm>
          </>
        ) : unit.retiredAt ? (
          <p className="mt-0">Retired on {formatDate(unit.retiredAt)}: no new enrolments; learners already enrolled carry on with it.</p>
        ) : (
          <>
            <p className="mt-0">
              Published{unit.publishedAt ? ` on ${formatDate(unit.publishedAt)}` : ""}. Retiring it stops new enrolments on this version; learners already
              enrolled carry on with it.
            </p>
            <ActionForm action={retireUnitAction} submitLabel="Retire this version" pendingLabel="Retiring…" done="Retired." secondary>
              {unitId}
            </ActionForm>
          </>
        )}
      </Card>
      <UnitView unit={unit} />
    </>
  );
}
