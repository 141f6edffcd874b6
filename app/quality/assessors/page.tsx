import type { Metadata } from "next";
import Link from "next/link";
import { orNotFound, requireActor } from "@/server/edge/page";
import { assessorsWithRisk } from "@/server/quality/risk-read";
import { ButtonLink, DataTable, Pager } from "@/ui/kit";
import { RiskLevel } from "@/ui/quality/risk-level";
import { ReviewDate, scopeWords } from "@/ui/quality/risk-rating-words";
import { CentreSwitcher } from "@/ui/quality/centre-switcher";

export const metadata: Metadata = { title: "Assessors and risk" };

type Props = { searchParams: Promise<{ centre?: string; page?: string }> };

export default async function AssessorsPage({ searchParams }: Props) {
  const actor = await requireActor("/quality/assessors");
  const params = await searchParams;
  const data = await orNotFound(assessorsWithRisk(actor, params.centre, { page: params.page }));
  const centreQuery = data.centres.length > 1 ? `?centre=${data.centreId}` : "";
  const detail = (id: string, use = false) => `/quality/assessors/${id}${centreQuery}${use ? `${centreQuery ? "&" : "?"}use=suggestion#rate` : ""}`;
  return (
    <>
      <p className="mb-0">
        <Link href="/quality">Quality</Link>
      </p>
      <h1>Assessors and risk</h1>
      <p className="text-lg text-muted">
        {data.centreName}: {data.total} {data.total === 1 ? "assessor" : "assessors"}. An assessor nobody has rated is sampled at medium risk. Attest&apos;s
        suggestion is only a suggestion{data.canRate ? ": you decide" : ": the centre's IQAs decide"}.
      </p>
      <CentreSwitcher centres={data.centres} current={data.centreId} />
      <DataTable
        stack
        label="Assessors"
        caption={`Assessors, page ${data.page} of ${data.pages}`}
        isEmpty={data.rows.length === 0}
        empty="The centre has no assessors yet."
      >
        <thead>
          <tr>
            <th scope="col">Assessor</th>
            <th scope="col">Current rating</th>
            <th scope="col">Review</th>
            <th scope="col">Attest suggests</th>
          </tr>
        </thead>
        <tbody>
          {data.rows.map((a) => (
            <tr key={a.id}>
              <td data-label="Assessor" className="wrap-anywhere">
                <Link href={detail(a.id)}>{a.name}</Link>
              </td>
              <td data-label="Current rating">
                {a.overall ? <RiskLevel level={a.overall.level} /> : <span>Not rated (sampled at medium risk)</span>}
                {a.scoped.length > 0 && (
                  <ul className="m-0 mt-1 pl-5">
                    {a.scoped.map((r) => (
                      <li key={r.id}>
                        {scopeWords(r)}: {r.level.toLowerCase()}
                        {r.reviewOverdue ? ", review overdue" : ""}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td data-label="Review">{a.overall ? <ReviewDate rating={a.overall} /> : "None set"}</td>
              <td data-label="Attest suggests">
                <RiskLevel level={a.suggestion.level} />
                <ul className="m-0 mt-1 pl-5">
                  {a.suggestion.reasons.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
                {data.canRate && a.id !== actor.userId && (
                  <ButtonLink href={detail(a.id, true)} variant="secondary" size="sm" className="mt-2" aria-label={`Use this suggestion for ${a.name}`}>
                    Use this
                  </ButtonLink>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <Pager
        label="Pages of assessors"
        page={data.page}
        pages={data.pages}
        href={(p) => `?${new URLSearchParams({ ...(centreQuery ? { centre: data.centreId } : {}), page: String(p) })}`}
      />
    </>
  );
}
