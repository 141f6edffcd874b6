import type { Metadata } from "next";
import Link from "next/link";
import { formatDate, formatDateTime, ukDay } from "@/lib/format";
import { orNotFound, requireActor } from "@/server/edge/page";
import { assessorRisk } from "@/server/quality/risk-read";
import { DataTable, Facts, Pager } from "@/ui/kit";
import { RiskLevel } from "@/ui/quality/risk-level";
import { RiskRateForm } from "@/ui/quality/risk-rate-form";
import { ReviewDate, scopeWords } from "@/ui/quality/risk-rating-words";
import { rateAssessorAction } from "../actions";

export const metadata: Metadata = { title: "Assessor's risk" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ centre?: string; page?: string; use?: string }> };

/** Three months on, as the review date "Use this" suggests. */
const threeMonthsOn = (now: Date) => {
  const d = new Date(`${ukDay(now)}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 3);
  return d.toISOString().slice(0, 10);
};

export default async function AssessorRiskPage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  const actor = await requireActor(`/quality/assessors/${id}`);
  const data = await orNotFound(assessorRisk(actor, id, query.centre, { page: query.page }));
  const centreQuery: Record<string, string> = data.multiCentre ? { centre: data.centreId } : {};
  return (
    <>
      <p className="mb-0">
        <Link href={`/quality/assessors${data.multiCentre ? `?centre=${data.centreId}` : ""}`}>Assessors and risk</Link>
      </p>
      <h1 className="wrap-anywhere">{data.assessor.name}</h1>
      <p className="text-lg text-muted">Assessor at {data.centreName}.</p>
      <section aria-labelledby="current">
        <h2 id="current">Current rating</h2>
        {data.overall ? (
          <Facts>
            <dt>Overall</dt>
            <dd>
              <RiskLevel level={data.overall.level} />
            </dd>
            <dt>Reason</dt>
            <dd className="whitespace-pre-line">{data.overall.reason}</dd>
            <dt>Review</dt>
            <dd>
              <ReviewDate rating={data.overall} lead="By" />
            </dd>
            <dt>Rated</dt>
            <dd>
              {formatDateTime(data.overall.ratedAt)}
              {data.overall.ratedBy ? ` by ${data.overall.ratedBy}` : ""}
            </dd>
          </Facts>
        ) : (
          <p>Not rated yet: sampled at medium risk until an IQA rates them.</p>
        )}
        {data.scoped.length > 0 && (
          <>
            <h3>For a unit or a method</h3>
            <ul>
              {data.scoped.map((r) => (
                <li key={r.id}>
                  {scopeWords(r)}: <RiskLevel level={r.level} /> <ReviewDate rating={r} />
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <RiskRateForm
        action={rateAssessorAction}
        centreId={data.centreId}
        assessorId={data.assessor.id}
        assessorName={data.assessor.name}
        units={data.units}
        suggestion={data.suggestion}
        suggestedReview={threeMonthsOn(new Date())}
        useSuggestion={query.use === "suggestion"}
        canRate={data.canRate}
      />
      <section aria-labelledby="history" className="my-4">
        <h2 id="history">Rating history</h2>
        <p>Every rating ever given, newest first. A rating is never changed: a new one replaces it.</p>
        <DataTable
          stack
          label="Rating history"
          caption={`Rating history, page ${data.page} of ${data.pages}`}
          isEmpty={data.history.length === 0}
          empty="No ratings yet."
        >
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Covers</th>
              <th scope="col">Level</th>
              <th scope="col">Reason</th>
              <th scope="col">Review by</th>
              <th scope="col">Rated by</th>
            </tr>
          </thead>
          <tbody>
            {data.history.map((r) => (
              <tr key={r.id}>
                <td data-label="When">{formatDateTime(r.ratedAt)}</td>
                <td data-label="Covers">{scopeWords(r)}</td>
                <td data-label="Level">
                  <RiskLevel level={r.level} />
                </td>
                <td data-label="Reason" className="wrap-anywhere whitespace-pre-line">
                  {r.reason}
                </td>
                <td data-label="Review by">{formatDate(new Date(r.reviewOn))}</td>
                <td data-label="Rated by" className="wrap-anywhere">
                  {r.ratedBy ?? "Unknown"}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
        <Pager
          label="Pages of the rating history"
          page={data.page}
          pages={data.pages}
          href={(p) => `?${new URLSearchParams({ ...centreQuery, page: String(p) })}`}
        />
      </section>
    </>
  );
}
