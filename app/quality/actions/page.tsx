import type { Metadata } from "next";
import { groupByDue } from "@/lib/quality/action-due";
import { requireActor } from "@/server/edge/page";
import { actionsPage } from "@/server/quality/actions-read";
import { EmptyState, Pager } from "@/ui/kit";
import { ActionList } from "@/ui/quality/action-list";

export const metadata: Metadata = { title: "IQA actions" };

type Search = Record<string, string | string[] | undefined>;
const num = (v: string | string[] | undefined) => {
  const n = Number(Array.isArray(v) ? v[0] : v);
  return Number.isInteger(n) && n > 0 ? n : 1;
};

export default async function ActionsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  const actor = await requireActor("/quality/actions");
  const pages = { raised: num(search.raised), mine: num(search.mine), closed: num(search.closed), centre: num(search.centre) };
  const { today, raised, mine, closed, centre } = await actionsPage(actor, pages);
  const href = (key: keyof typeof pages) => (n: number) =>
    `/quality/actions?${new URLSearchParams({ ...Object.fromEntries(Object.entries(pages).map(([k, v]) => [k, String(v)])), [key]: String(n) })}`;
  return (
    <>
      <h1>IQA actions</h1>
      {!raised && !mine && !centre && <EmptyState>You have no IQA actions: they are raised by an IQA for an assessor.</EmptyState>}
      {mine && (
        <section aria-labelledby="mine-heading">
          <h2 id="mine-heading">Actions for you</h2>
          {mine.total === 0 ? (
            <p>No open actions for you.</p>
          ) : (
            groupByDue(mine.rows, today).map((g) => (
              <section key={g.group} aria-labelledby={`due-${g.group.replace(/\W+/g, "-")}`}>
                <h3 id={`due-${g.group.replace(/\W+/g, "-")}`}>
                  {g.group} ({g.actions.length})
                </h3>
                <ActionList rows={g.actions} who="assessor" />
              </section>
            ))
          )}
          <Pager label="Pages of your open actions" page={mine.page} pages={mine.pages} href={href("mine")} />
          {closed && closed.total > 0 && (
            <>
              <h3>Closed</h3>
              <ActionList rows={closed.rows} who="assessor" />
              <Pager label="Pages of your closed actions" page={closed.page} pages={closed.pages} href={href("closed")} />
            </>
          )}
        </section>
      )}
      {raised && (
        <section aria-labelledby="raised-heading">
          <h2 id="raised-heading">Actions you raised</h2>
          {raised.total === 0 ? (
            <p>You have not raised any actions. Disagreeing with a decision in a review raises one.</p>
          ) : (
            <ActionList rows={raised.rows} who="raiser" />
          )}
          <Pager label="Pages of actions you raised" page={raised.page} pages={raised.pages} href={href("raised")} />
        </section>
      )}
      {centre && (
        <section aria-labelledby="centre-heading">
          <h2 id="centre-heading">The centre’s actions</h2>
          {centre.total === 0 ? <p>No actions have been raised in your centre.</p> : <ActionList rows={centre.rows} who="both" />}
          <Pager label="Pages of the centre's actions" page={centre.page} pages={centre.pages} href={href("centre")} />
        </section>
      )}
    </>
  );
}
