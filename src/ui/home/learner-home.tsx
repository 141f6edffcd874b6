import Link from "next/link";
import type { learnerHome } from "@/server/home/queries";
import { EnrolmentStatusText } from "../enrolment-status";
import { ButtonLink, Card, CardList, EmptyState } from "../kit";

export function LearnerHome({ enrolments }: { enrolments: Awaited<ReturnType<typeof learnerHome>> }) {
  return (
    <section aria-labelledby="my-units">
      <h2 id="my-units">My units</h2>
      <p>
        <ButtonLink href="/evidence/new">Add evidence</ButtonLink>
      </p>
      {enrolments.length === 0 ? (
        <EmptyState>You are not enrolled on any unit yet.</EmptyState>
      ) : (
        <CardList>
          {enrolments.map((e) => (
            <Card
              key={e.id}
              as="li"
              title={
                <Link href={`/units/${e.unit.code}?version=${e.unit.version}`}>
                  {e.unit.displayCode}: {e.unit.title}
                </Link>
              }
            >
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
            </Card>
          ))}
        </CardList>
      )}
    </section>
  );
}
