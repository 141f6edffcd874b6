import Link from "next/link";
import type { learnerDashboard } from "@/server/home/learner-dashboard";
import type { learnerHome } from "@/server/home/queries";
import { formatDate } from "@/lib/format";
import { EnrolmentStatusText } from "@/ui/enrolment-status";
import { Badge, ButtonLink, Card, CardList, DataTable, EmptyState, ProgressRing, Status } from "@/ui/kit";

type Board = Awaited<ReturnType<typeof learnerDashboard>>;
type Kinds = Awaited<ReturnType<typeof learnerHome>>;

const stepKinds: Record<Board["steps"][number]["kind"], string> = {
  plan: "Plan",
  feedback: "Feedback",
  record: "Record",
  "sign-off": "Sign-off",
  target: "Target date",
};

/** A learner's home: each unit's criteria as a ring, what to do next, and the latest feedback. */
export function LearnerHome({ board, kinds, now = new Date() }: { board: Board; kinds: Kinds; now?: Date }) {
  const kindsOf = new Map(kinds.map((k) => [k.id, k.criteria]));
  return (
    <>
      <section aria-labelledby="my-units">
        <h2 id="my-units">My units</h2>
        <p>
          <ButtonLink href="/evidence/new">Add evidence</ButtonLink>
        </p>
        {board.units.length === 0 ? (
          <EmptyState>You are not enrolled on any unit yet. Your centre&apos;s administrator enrols you.</EmptyState>
        ) : (
          <CardList>
            {board.units.map((e) => {
              const s = e.states;
              const kind = kindsOf.get(e.id);
              const code = e.unit.displayCode;
              return (
                <Card
                  key={e.id}
                  as="li"
                  title={
                    <Link href={`/units/${e.unit.code}?version=${e.unit.version}`}>
                      {code}: {e.unit.title}
                    </Link>
                  }
                >
                  <ProgressRing
                    title={`Criteria in ${code}`}
                    centre={`${s.met}/${s.total}`}
                    parts={[
                      { label: "Met", value: s.met, tone: "stroke-success" },
                      { label: "Awaiting review", value: s.awaiting, tone: "stroke-brand" },
                      { label: "Not yet met", value: s.notYetMet, tone: "stroke-warning" },
                      { label: "No evidence", value: s.noEvidence, tone: "stroke-line" },
                    ]}
                  />
                  {s.noEvidence === s.total && s.total > 0 && (
                    <EmptyState>
                      No evidence yet — <Link href="/evidence/new">add your first piece for {code}</Link>.
                    </EmptyState>
                  )}
                  <dl className="my-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
                    {kind && (
                      <>
                        <dt className="font-semibold">Criteria</dt>
                        <dd className="m-0">
                          {kind.total} in all: {kind.performance} performance or assessment, {kind.knowledge} knowledge
                        </dd>
                      </>
                    )}
                    <dt className="font-semibold">Status</dt>
                    <dd className="m-0">
                      <EnrolmentStatusText status={e.status} />
                    </dd>
                    <dt className="font-semibold">Assessor</dt>
                    <dd className="m-0">{e.assessor?.name ?? "Not yet assigned"}</dd>
                    <dt className="font-semibold">Centre</dt>
                    <dd className="m-0">{e.centre.name}</dd>
                  </dl>
                  <ul className="m-0 pl-5">
                    <li>
                      <Link href={`/enrolments/${e.id}/progress`}>Progress in {code}</Link>
                    </li>
                    <li>
                      <Link href={`/enrolments/${e.id}/plan`}>Assessment plan for {code}</Link>
                    </li>
                    <li>
                      <Link href={`/evidence?unit=${e.unit.code}`}>Evidence for {code}</Link>
                    </li>
                  </ul>
                </Card>
              );
            })}
          </CardList>
        )}
      </section>

      <section aria-labelledby="next-steps">
        <h2 id="next-steps">Next steps</h2>
        {board.steps.length === 0 ? (
          <EmptyState>
            Nothing is waiting for you. <Link href="/evidence/new">Add evidence</Link> when you have done something at work that shows a criterion.
          </EmptyState>
        ) : (
          <ol className="m-0 list-none space-y-2 p-0">
            {board.steps.map((step, i) => (
              <li key={i} className="flex flex-wrap items-center gap-2 rounded-md border border-line bg-panel px-3 py-2">
                <Badge>{stepKinds[step.kind]}</Badge>
                <Link href={step.href} className="min-w-0 break-words">
                  {step.text}
                </Link>
                {step.due &&
                  (step.due.getTime() < now.getTime() ? (
                    <Status tone="danger">Was due {formatDate(step.due)}</Status>
                  ) : (
                    <Status tone="warning">Due {formatDate(step.due)}</Status>
                  ))}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="recent-feedback">
        <h2 id="recent-feedback">Recent feedback</h2>
        <DataTable
          stack
          label="Recent feedback"
          caption="Your assessor's latest decisions, newest first"
          isEmpty={board.recentFeedback.length === 0}
          empty={
            <>
              No feedback yet. Your assessor&apos;s decisions show here once you <Link href="/evidence">submit evidence</Link> for assessment.
            </>
          }
        >
          <thead>
            <tr>
              <th scope="col">Criterion</th>
              <th scope="col">Outcome</th>
              <th scope="col">Assessor</th>
              <th scope="col">Date</th>
              <th scope="col">Feedback</th>
            </tr>
          </thead>
          <tbody>
            {board.recentFeedback.map((f) => (
              <tr key={f.id}>
                <th scope="row">
                  <Link href={f.href}>
                    {f.unit} {f.criterion}
                  </Link>
                </th>
                <td data-label="Outcome">{f.outcome === "MET" ? <Status tone="success">Met</Status> : <Status tone="warning">Not yet met</Status>}</td>
                <td data-label="Assessor">{f.assessor}</td>
                <td data-label="Date">{formatDate(f.decidedAt)}</td>
                <td data-label="Feedback" className="break-words">
                  {f.feedback || "No comment"}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      </section>
    </>
  );
}
