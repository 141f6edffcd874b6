import Link from "next/link";
import type { learnerHome } from "@/server/home/queries";
import { EnrolmentStatusText } from "../enrolment-status";

export function LearnerHome({ enrolments }: { enrolments: Awaited<ReturnType<typeof learnerHome>> }) {
  return (
    <section aria-labelledby="my-units">
      <h2 id="my-units">My units</h2>
      <p>
        <Link className="button" href="/evidence/new">
          Add evidence
        </Link>
      </p>
      {enrolments.length === 0 ? (
        <p>You are not enrolled on any unit yet.</p>
      ) : (
        <ul className="card-list">
          {enrolments.map((e) => (
            <li key={e.id} className="card">
              <h3>
                <Link href={`/units/${e.unit.code}?version=${e.unit.version}`}>
                  {e.unit.displayCode}: {e.unit.title}
                </Link>
              </h3>
              <dl className="facts">
                <dt>Criteria</dt>
                <dd>
                  {e.criteria.total} in all: {e.criteria.performance} performance or assessment, {e.criteria.knowledge} knowledge
                </dd>
                <dt>Status</dt>
                <dd>
                  <EnrolmentStatusText status={e.status} />
                </dd>
                <dt>Assessor</dt>
                <dd>{e.assessor?.name ?? "Not yet assigned"}</dd>
                <dt>Centre</dt>
                <dd>{e.centre.name}</dd>
              </dl>
              <ul className="links">
                <li>
                  <Link href={`/enrolments/${e.id}/progress`}>Progress in {e.unit.displayCode}</Link>
                </li>
                <li>
                  <Link href={`/enrolments/${e.id}/plan`}>Assessment plan for {e.unit.displayCode}</Link>
                </li>
                <li>
                  <Link href={`/evidence?unit=${e.unit.code}`}>Evidence for {e.unit.displayCode}</Link>
                </li>
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
