import Link from "next/link";
import { EnrolmentStatusText } from "@/ui/enrolment-status";
import { DataTable, Pager } from "@/ui/kit";

type Page = {
  rows: {
    id: string;
    status: string;
    learner: { name: string };
    unit: { code: string; version: number; displayCode: string; title: string };
    assessor: { name: string } | null;
    iqa: { name: string } | null;
  }[];
  page: number;
  pages: number;
  total: number;
};

/** A page of a centre's enrolments, each with the pages that open it (progress, plan, review, matrix). */
export function EnrolmentTable({ label, enrolments, href }: { label: string; enrolments: Page; href: (page: number) => string }) {
  return (
    <>
      <DataTable stack label={label} caption={`Enrolments (${enrolments.total}), page ${enrolments.page} of ${enrolments.pages}`}>
        <thead>
          <tr>
            <th scope="col">Learner</th>
            <th scope="col">Unit</th>
            <th scope="col">Assessor</th>
            <th scope="col">IQA</th>
            <th scope="col">Status</th>
            <th scope="col">Open</th>
          </tr>
        </thead>
        <tbody>
          {enrolments.rows.map((e) => (
            <tr key={e.id}>
              <th scope="row">{e.learner.name}</th>
              <td data-label="Unit">
                <Link href={`/units/${e.unit.code}?version=${e.unit.version}`}>{e.unit.displayCode}</Link> {e.unit.title}
              </td>
              <td data-label="Assessor">{e.assessor?.name ?? "Not assigned"}</td>
              <td data-label="IQA">{e.iqa?.name ?? "Not assigned"}</td>
              <td data-label="Status">
                <EnrolmentStatusText status={e.status} />
              </td>
              <td data-label="Open">
                <Link href={`/enrolments/${e.id}/progress`} aria-label={`Progress of ${e.learner.name} in ${e.unit.displayCode}`}>
                  Progress
                </Link>{" "}
                ·{" "}
                <Link href={`/enrolments/${e.id}/plan`} aria-label={`Plan of ${e.learner.name} for ${e.unit.displayCode}`}>
                  Plan
                </Link>{" "}
                ·{" "}
                <Link href={`/enrolments/${e.id}/review`} aria-label={`Review of ${e.learner.name} in ${e.unit.displayCode}`}>
                  Review
                </Link>{" "}
                ·{" "}
                <Link href={`/enrolments/${e.id}/matrix`} aria-label={`Tracking matrix of ${e.learner.name} in ${e.unit.displayCode}`}>
                  Matrix
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <Pager label={`${label} pages`} page={enrolments.page} pages={enrolments.pages} href={href} />
    </>
  );
}
