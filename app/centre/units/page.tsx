import type { Metadata } from "next";
import Link from "next/link";
import { formatDate } from "@/lib/format";
import { orNotFound, requireActor } from "@/server/edge/page";
import { UNIT_FILE_MAX_BYTES, unitCatalogueForAdmin } from "@/server/standards/manage";
import { ActionForm } from "@/ui/action-form";
import { UnitVersionStatus } from "@/ui/centre/unit-version-status";
import { Card, DataTable, FileField } from "@/ui/kit";
import { uploadUnitAction } from "./actions";

export const metadata: Metadata = { title: "Manage units" };

export default async function ManageUnitsPage() {
  const actor = await requireActor("/centre/units");
  const units = await orNotFound(unitCatalogueForAdmin(actor));
  return (
    <>
      <h1>Manage units</h1>
      <p className="text-lg text-muted">
        Units are shared by every centre on this Attest. A new version is uploaded as a draft, checked, then published; learners already enrolled stay on their
        version.
      </p>
      <DataTable label="Unit versions" caption="Unit versions" isEmpty={units.length === 0} empty="No units yet." stack>
        <thead>
          <tr>
            <th scope="col">Unit</th>
            <th scope="col">Version</th>
            <th scope="col">Status</th>
            <th scope="col">Published</th>
            <th scope="col">Your learners enrolled</th>
          </tr>
        </thead>
        <tbody>
          {units.map((u) => (
            <tr key={u.id}>
              <td data-label="Unit">
                <Link href={`/centre/units/${u.id}`} className="wrap-anywhere">
                  {u.displayCode}: {u.title}
                </Link>
              </td>
              <td data-label="Version">{u.version}</td>
              <td data-label="Status">
                <UnitVersionStatus status={u.status} retiredAt={u.retiredAt} />
              </td>
              <td data-label="Published">{u.publishedAt ? formatDate(u.publishedAt) : "Not yet"}</td>
              <td data-label="Your learners enrolled">{u.enrolments}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <section aria-labelledby="upload" className="my-4">
        <Card>
          <h2 id="upload" className="mt-0">
            Upload a unit file
          </h2>
          <p className="mt-0">
            The same JSON format as the files in <code>prisma/standards/</code>. It is checked and kept as a draft, which you can read as learners will see it
            before you publish it.
          </p>
          <ActionForm action={uploadUnitAction} submitLabel="Upload unit file" pendingLabel="Checking the file…">
            <FileField
              name="unitFile"
              label="Unit file"
              hint={`A .json file of at most ${UNIT_FILE_MAX_BYTES / 1024} KB.`}
              accept=".json,application/json"
              required
            />
          </ActionForm>
        </Card>
      </section>
    </>
  );
}
