import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime } from "@/lib/format";
import { importColumns, importPreview } from "@/server/centre/import";
import { orNotFound, requireActor } from "@/server/edge/page";
import { ActionForm } from "@/ui/action-form";
import { DataTable, Notice, Pager, Status } from "@/ui/kit";
import { applyImportAction } from "../actions";

export const metadata: Metadata = { title: "Check the import" };

const heading = Object.fromEntries(importColumns.map((c) => [c.key, c.heading])) as Record<string, string>;
const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const views = [
  ["all", "All rows"],
  ["problems", "Rows with problems"],
  ["changes", "Rows that change something"],
] as const;

export default async function ImportPreviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { id } = await params;
  const actor = await requireActor(`/centre/import/${id}`);
  const p = await orNotFound(importPreview(actor, id, await searchParams));
  const s = p.summary;
  const changes = s.newLearners + s.enrolments + s.reassignments;
  const link = (change: Record<string, string>) => `?${new URLSearchParams({ show: p.show, ...change })}`;
  return (
    <>
      <p>
        <Link href="/centre/import">Back to import learners</Link>
      </p>
      <h1 className="break-words">{p.appliedAt ? `Imported: ${p.fileName}` : `Check the import: ${p.fileName}`}</h1>
      <p className="text-lg text-muted">Checked {formatDateTime(p.createdAt)}</p>
      {p.appliedAt && (
        <Notice tone="success" role="status">
          Imported {formatDateTime(p.appliedAt)}: {count(s.newLearners, "new learner")} invited, {count(s.enrolments, "enrolment")} made,{" "}
          {count(s.reassignments, "assessor or IQA change")}.
        </Notice>
      )}
      <ul>
        <li>{count(s.rows, "row")} in the file</li>
        <li>{count(s.newLearners, "new learner")} to invite</li>
        <li>{count(s.enrolments, "enrolment")} to make</li>
        <li>{count(s.reassignments, "assessor or IQA change")}</li>
        <li>{count(s.unchanged, "row")} with no change</li>
        <li>
          {count(s.withProblems, "row")} with problems{s.withProblems > 0 && ", left out: correct them in the file and upload it again"}
        </li>
      </ul>
      {!p.appliedAt &&
        (changes > 0 ? (
          <ActionForm action={applyImportAction} submitLabel={`Import ${count(s.rows - s.withProblems - s.unchanged, "row")}`} pendingLabel="Importing…">
            <input type="hidden" name="importId" value={p.id} />
            <p>Nothing has changed yet. Importing checks every row again, then applies the rows without problems, all together.</p>
          </ActionForm>
        ) : (
          <Notice tone="info">Nothing to import: every row is either unchanged or has a problem.</Notice>
        ))}
      <nav aria-label="Which rows to show" className="my-4 flex flex-wrap gap-x-4 gap-y-1">
        {views.map(([key, label]) =>
          key === p.show ? (
            <span key={key} aria-current="page" className="font-semibold">
              {label}
            </span>
          ) : (
            <Link key={key} href={link({ show: key, page: "1" })}>
              {label}
            </Link>
          ),
        )}
      </nav>
      <DataTable stack label="Rows of the file" caption="Each row of the file and what it does" isEmpty={p.rows.length === 0} empty="No rows to show here.">
        <thead>
          <tr>
            <th scope="col">Row</th>
            <th scope="col">Learner</th>
            <th scope="col">Result</th>
          </tr>
        </thead>
        <tbody>
          {p.rows.map((r) => (
            <tr key={r.row}>
              <th scope="row" className="whitespace-nowrap">
                Row {r.row}
              </th>
              <td data-label="Learner" className="break-words">
                {r.name || "No name"}
                <span className="block text-sm break-all text-muted">{r.email || "No email"}</span>
              </td>
              <td data-label="Result">
                {r.problems.length > 0 ? (
                  <>
                    <Status tone="danger">{r.problems.length === 1 ? "1 problem" : `${r.problems.length} problems`}</Status>
                    <ul className="mt-1 mb-0">
                      {r.problems.map((problem, i) => (
                        <li key={i}>
                          Row {r.row}, column “{heading[problem.column]}”: {problem.message}
                        </li>
                      ))}
                    </ul>
                  </>
                ) : r.steps.length ? (
                  r.outcome
                ) : (
                  <Status tone="neutral">No change</Status>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <Pager label="Pages of rows" page={p.page} pages={p.pages} href={(n) => link({ page: String(n) })} />
    </>
  );
}
