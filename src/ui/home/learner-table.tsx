import Link from "next/link";
import { EnrolmentStatusText } from "@/ui/enrolment-status";
import { DataTable } from "@/ui/kit/data-table";

type Row = {
  id: string;
  name: string;
  email: string;
  centre: string;
  units: { id: string; status: string; unit: { code: string; version: number; displayCode: string; title: string } }[];
};

/** Learners with their units, as assessors and IQAs see them. */
export function LearnerTable({ caption, learners }: { caption: string; learners: Row[] }) {
  return (
    <DataTable label={caption} caption={caption} stack>
      <thead>
        <tr>
          <th scope="col">Learner</th>
          <th scope="col">Centre</th>
          <th scope="col">Units</th>
        </tr>
      </thead>
      <tbody>
        {learners.map((l) => (
          <tr key={l.id}>
            <th scope="row">
              {l.name}
              <br />
              <span className="muted break-all">{l.email}</span>
              <br />
              <Link href={`/evidence?learner=${l.id}`}>Evidence of {l.name}</Link>
            </th>
            <td data-label="Centre">{l.centre}</td>
            <td data-label="Units">
              <ul className="m-0 pl-5">
                {l.units.map((e) => (
                  <li key={e.id}>
                    <Link href={`/units/${e.unit.code}?version=${e.unit.version}`}>{e.unit.displayCode}</Link> {e.unit.title} (
                    <EnrolmentStatusText status={e.status} />
                    ):{" "}
                    <Link href={`/enrolments/${e.id}/progress`}>
                      progress of {l.name} in {e.unit.displayCode}
                    </Link>
                    ,{" "}
                    <Link href={`/enrolments/${e.id}/plan`}>
                      plan of {l.name} for {e.unit.displayCode}
                    </Link>
                    ,{" "}
                    <Link href={`/enrolments/${e.id}/review`}>
                      review of {l.name} in {e.unit.displayCode}
                    </Link>
                  </li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
