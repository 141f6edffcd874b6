import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime } from "@/lib/format";
import { MAX_IMPORT_ROWS, recentImports, templateRows } from "@/server/centre/import";
import { orNotFound, requireActor } from "@/server/edge/page";
import { ActionForm } from "@/ui/action-form";
import { DataTable, FileField } from "@/ui/kit";
import { previewImportAction } from "./actions";

export const metadata: Metadata = { title: "Import learners" };

export default async function ImportLearnersPage() {
  const actor = await requireActor("/centre/import");
  const recent = await orNotFound(recentImports(actor));
  const [header, ...examples] = templateRows;
  return (
    <>
      <p>
        <Link href="/centre/enrolments">Back to enrolments</Link>
      </p>
      <h1>Import learners</h1>
      <p className="text-lg text-muted">Invite and enrol many learners at once from a spreadsheet saved as CSV.</p>
      <p>
        You will see what each row would do before anything changes. Rows with a problem are left out until you correct them; importing the same file again
        changes nothing.
      </p>
      <h2>What the file needs</h2>
      <ul>
        <li>A first row with the column names below, in any order; then one learner per row, at most {MAX_IMPORT_ROWS.toLocaleString("en-GB")}.</li>
        <li>
          <strong>Unit codes</strong>: one or more, separated by a semicolon (;) or a bar (|), like <code>CPC308;AG26</code>. Learners join the newest published
          version.
        </li>
        <li>
          <strong>Assessor email</strong> and <strong>IQA email</strong>: people who already have that role in this centre; leave empty for nobody yet.
        </li>
        <li>
          <strong>Start date</strong>: day/month/year, like <code>3/11/2026</code>.
        </li>
        <li>New learners get an email with a link to set their password. Existing learners keep their name and password.</li>
      </ul>
      <DataTable label="Example file" caption="Example file">
        <thead>
          <tr>
            {header?.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {examples.map((r) => (
            <tr key={r[1]}>
              {r.map((cell, i) => (
                <td key={i} className="whitespace-nowrap">
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </DataTable>
      <p>
        <a href="/centre/import/template" download>
          Download the template (CSV)
        </a>
      </p>
      <h2>Upload the file</h2>
      <ActionForm action={previewImportAction} submitLabel="Check file" pendingLabel="Checking file…" className="max-w-2xl">
        <FileField name="file" label="CSV file of learners" hint="Saved from a spreadsheet as “CSV UTF-8”, at most 1 MB." accept=".csv,text/csv" required />
      </ActionForm>
      {recent.length > 0 && (
        <>
          <h2>Recent imports</h2>
          <ul>
            {recent.map((r) => (
              <li key={r.id}>
                <Link href={`/centre/import/${r.id}`}>{r.fileName}</Link>, checked {formatDateTime(r.createdAt)}
                {r.appliedAt ? `, imported ${formatDateTime(r.appliedAt)}` : ", not imported"}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
