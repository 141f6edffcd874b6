import type { Metadata } from "next";
import Link from "next/link";
import { roleLabels } from "@/lib/roles";
import { listPeople } from "@/server/centre/people";
import { orNotFound, requireActor } from "@/server/edge/page";
import { grantsAllowing } from "@/server/policy";
import { Button, ButtonLink, DataTable, Field, Pager } from "@/ui/kit";
import { PersonStatusBadge } from "@/ui/people/status";

export const metadata: Metadata = { title: "People" };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function PeoplePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor("/centre/people");
  const params = await searchParams;
  const data = await orNotFound(listPeople(actor, one(params.centre), { q: one(params.q), page: one(params.page) }));
  const centres = [...new Map(grantsAllowing(actor, "administer:account").map((g) => [g.centreId, g.centreName])).entries()];
  const centreName = centres.find(([id]) => id === data.centreId)?.[1] ?? "";
  const centreParam: Record<string, string> = centres.length > 1 ? { centre: data.centreId } : {};
  const href = (change: Record<string, string>) => {
    const query: Record<string, string> = { ...centreParam, ...change };
    if (data.q && !("q" in change)) query.q = data.q;
    return `?${new URLSearchParams(query)}`;
  };
  const personHref = (id: string) => `/centre/people/${id}${centres.length > 1 ? `?centre=${data.centreId}` : ""}`;
  return (
    <>
      <h1>People</h1>
      <p className="text-lg text-muted">
        Everyone who holds or held a role in {centreName}: {data.total} {data.total === 1 ? "person" : "people"}
        {data.q ? ` matching “${data.q}”` : ""}.
      </p>
      {centres.length > 1 && (
        <nav aria-label="Centres you administer">
          <ul className="flex flex-wrap gap-x-5 gap-y-1 p-0 list-none">
            {centres.map(([id, name]) => (
              <li key={id}>{id === data.centreId ? <strong aria-current="page">{name}</strong> : <Link href={`?centre=${id}`}>{name}</Link>}</li>
            ))}
          </ul>
        </nav>
      )}
      <p>
        <ButtonLink href={`/centre/people/invite${centres.length > 1 ? `?centre=${data.centreId}` : ""}`}>Invite a person</ButtonLink>
      </p>
      <form method="get" role="search" aria-label="Find people" className="mb-4 flex flex-wrap items-end gap-x-4 gap-y-2 border border-line bg-panel p-3">
        {centres.length > 1 && <input type="hidden" name="centre" value={data.centreId} />}
        <Field id="people-q" label="Name or email" className="mb-0 min-w-0">
          {(c) => <input {...c} name="q" type="search" defaultValue={data.q} className="max-w-full rounded-md border-2 border-ink p-1.5" />}
        </Field>
        <Button type="submit" variant="secondary">
          Search
        </Button>
        {data.q && <Link href={href({ q: "" })}>Show everyone</Link>}
      </form>
      <DataTable
        stack
        label="People"
        caption={`People, page ${data.page} of ${data.pages}`}
        isEmpty={data.rows.length === 0}
        empty={data.q ? "Nobody matches that name or email." : "Nobody yet: invite the first person."}
      >
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Roles</th>
            <th scope="col">Account</th>
          </tr>
        </thead>
        <tbody>
          {data.rows.map((p) => (
            <tr key={p.id}>
              <th scope="row">
                <Link href={personHref(p.id)}>{p.name}</Link>
              </th>
              <td className="email" data-label="Email">
                {p.email}
              </td>
              <td data-label="Roles">{p.roles.length ? p.roles.map((r) => roleLabels[r]).join(", ") : "No current role"}</td>
              <td data-label="Account">
                <PersonStatusBadge status={p.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <Pager label="Pages of people" page={data.page} pages={data.pages} href={(page) => href({ page: String(page) })} />
    </>
  );
}
