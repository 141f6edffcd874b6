import Link from "next/link";
import type { ReactNode } from "react";
import type { assessorDashboard } from "@/server/home/assessor-dashboard";
import type { assessorHome } from "@/server/home/queries";
import { formatDate } from "@/lib/format";
import { DataTable, EmptyState, Pager, Status } from "@/ui/kit";
import { CountCards } from "./count-cards";
import { LearnerTable } from "./learner-table";

type Board = Awaited<ReturnType<typeof assessorDashboard>>;
type Due = Board["overdue"][number];

// Each list shows its first few; the rest are a click away (the caseload, or unfolded in place).
const SHOWN = 5;

const days = (n: number) => `${n} working day${n === 1 ? "" : "s"}`;

function DueStatus({ daysLeft }: { daysLeft: number }) {
  if (daysLeft < 0) return <Status tone="danger">Overdue by {days(-daysLeft)}</Status>;
  if (daysLeft === 0) return <Status tone="warning">Due today</Status>;
  return <Status tone="info">Due in {days(daysLeft)}</Status>;
}

function DueList({ id, title, rows, empty, all }: { id: string; title: string; rows: Due[]; empty: string; all: { href: string; text: string } }) {
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      <DataTable stack label={title} caption={`${title}: ${rows.length} learner unit${rows.length === 1 ? "" : "s"}`} isEmpty={rows.length === 0} empty={empty}>
        <thead>
          <tr>
            <th scope="col">Learner and unit</th>
            <th scope="col">Waiting</th>
            <th scope="col">Oldest has waited</th>
            <th scope="col">Due</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, SHOWN).map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <Link href={`/enrolments/${r.id}/review`}>
                  Review {r.learner.name}, {r.unit.displayCode}
                </Link>
              </th>
              <td data-label="Waiting">
                {r.awaiting} criteri{r.awaiting === 1 ? "on" : "a"}
              </td>
              <td data-label="Oldest has waited">
                {days(r.waitedDays)} of a {r.targetDays}-day target
              </td>
              <td data-label="Due">
                <DueStatus daysLeft={r.daysLeft} />
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      {rows.length > SHOWN && (
        <p>
          <Link href={all.href}>{all.text}</Link>
        </p>
      )}
    </section>
  );
}

/** Shows the first few items; the rest unfold in place (no page lists them elsewhere). */
function Capped<T>({ items, render, more }: { items: T[]; render: (item: T) => ReactNode; more: string }) {
  return (
    <>
      <ul className="m-0 pl-5">{items.slice(0, SHOWN).map(render)}</ul>
      {items.length > SHOWN && (
        <details>
          <summary>
            {more} ({items.length - SHOWN})
          </summary>
          <ul className="m-0 pl-5">{items.slice(SHOWN).map(render)}</ul>
        </details>
      )}
    </>
  );
}

/** The assessor's home: what falls due and when, what waits on others, then their learners a page at a time. */
export function AssessorHome({ board, learners: mine }: { board: Board; learners: Awaited<ReturnType<typeof assessorHome>> }) {
  const { learners, page, pages, total } = mine;
  return (
    <>
      <section aria-labelledby="assessor-todo">
        <h2 id="assessor-todo">What to do next</h2>
        <CountCards
          label="Counts of what to do"
          counts={[
            { label: "Waiting for review", value: board.waiting, href: "/caseload?sort=oldest&dir=desc", tone: "info", note: "learner units, in the caseload" },
            { label: "Overdue", value: board.overdue.length, href: "#overdue", tone: "danger", note: "past the review target" },
            { label: "Due today", value: board.dueToday.length, href: "#due-today", tone: "warning" },
            { label: "Due in the next 7 days", value: board.dueThisWeek.length, href: "#due-week", tone: "info" },
            { label: "Records to countersign", value: board.awaitingCountersign.length, href: "#countersign", tone: "info", note: "waiting for the learner" },
            { label: "Witness requests outstanding", value: board.witnessesOutstanding.length, href: "#witnesses", tone: "info" },
            { label: "Nearing completion", value: board.nearlyDone.length, href: "#nearly-done", tone: "success", note: "80% or more met" },
          ]}
        />
        <div className="grid gap-x-8 lg:grid-cols-2 [&>*]:min-w-0">
          <DueList
            id="overdue"
            title="Overdue"
            rows={board.overdue}
            empty="Nothing is overdue."
            all={{ href: "/caseload?overdue=1", text: `See all ${board.overdue.length} overdue in the caseload` }}
          />
          <DueList
            id="due-today"
            title="Due today"
            rows={board.dueToday}
            empty="Nothing falls due today."
            all={{ href: "/caseload?sort=oldest&dir=desc", text: "See all in the caseload, longest waiting first" }}
          />
          <DueList
            id="due-week"
            title="Due in the next 7 days"
            rows={board.dueThisWeek}
            empty="Nothing falls due in the next 7 days."
            all={{ href: "/caseload?sort=oldest&dir=desc", text: "See all in the caseload, longest waiting first" }}
          />

          <section aria-labelledby="countersign">
            <h3 id="countersign">Records waiting for the learner to countersign</h3>
            {board.awaitingCountersign.length === 0 ? (
              <EmptyState>No records are waiting. Write one from a learner&apos;s evidence page when you observe or discuss their work.</EmptyState>
            ) : (
              <Capped
                items={board.awaitingCountersign}
                more="More records"
                render={(r) => (
                  <li key={r.id}>
                    <Link href={`/evidence/${r.id}`}>{r.title}</Link>, {r.learner}, sent {formatDate(r.sentAt)}
                  </li>
                )}
              />
            )}
          </section>

          <section aria-labelledby="witnesses">
            <h3 id="witnesses">Witness requests outstanding</h3>
            {board.witnessesOutstanding.length === 0 ? (
              <EmptyState>No witness has a request waiting.</EmptyState>
            ) : (
              <Capped
                items={board.witnessesOutstanding}
                more="More requests"
                render={(w) => (
                  <li key={w.id}>
                    {w.witness} for <Link href={`/evidence/${w.evidenceId}`}>{w.title}</Link> ({w.learner}), open until {formatDate(w.expiresAt)}
                  </li>
                )}
              />
            )}
          </section>

          <section aria-labelledby="nearly-done">
            <h3 id="nearly-done">Learners nearing completion</h3>
            {board.nearlyDone.length === 0 ? (
              <EmptyState>No learner has 80% of a unit met yet.</EmptyState>
            ) : (
              <>
                <ul className="m-0 pl-5">
                  {board.nearlyDone.slice(0, SHOWN).map((r) => (
                    <li key={r.id}>
                      <Link href={`/enrolments/${r.id}/review`}>
                        Review {r.learner.name}, {r.unit.displayCode}
                      </Link>
                      : {r.met} of {r.total} met
                    </li>
                  ))}
                </ul>
                {board.nearlyDone.length > SHOWN && (
                  <p>
                    <Link href="/caseload?sort=completion&dir=desc">See all {board.nearlyDone.length} in the caseload, most complete first</Link>
                  </p>
                )}
              </>
            )}
          </section>
        </div>
      </section>

      <section aria-labelledby="caseload">
        <h2 id="caseload">My learners</h2>
        {total === 0 ? (
          <EmptyState>
            No learners are assigned to you yet. Your centre&apos;s administrator assigns them; <Link href="/caseload">the caseload</Link> lists them once they
            are.
          </EmptyState>
        ) : (
          <>
            <p>
              <Link href="/caseload">The caseload</Link> sorts and filters every learner unit
              {pages > 1 ? "; here your learners come by name, a page at a time" : ""}.
            </p>
            <LearnerTable
              caption={`${total} learner${total === 1 ? "" : "s"} assigned to you${pages > 1 ? `, page ${page} of ${pages}` : ""}`}
              learners={learners}
            />
            <Pager label="Pages of my learners" page={page} pages={pages} href={(n) => `?learners=${n}#caseload`} />
          </>
        )}
      </section>
    </>
  );
}
