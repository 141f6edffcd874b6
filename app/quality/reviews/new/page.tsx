import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime } from "@/lib/format";
import { orNotFound, requireActor } from "@/server/edge/page";
import { assertHolds } from "@/server/policy";
import { newReviewScreen } from "@/server/quality/reviews-read";
import { ActionForm } from "@/ui/action-form";
import { RadioGroup, SelectField } from "@/ui/kit";
import { openAdHocReviewAction } from "../actions";

export const metadata: Metadata = { title: "Open an IQA review" };

type Search = Record<string, string | string[] | undefined>;

export default async function NewReviewPage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  const enrolment = Array.isArray(search.enrolment) ? search.enrolment[0] : search.enrolment;
  const actor = await requireActor("/quality/reviews/new");
  const { chosen, enrolments, reviews } = await orNotFound(
    (async () => {
      assertHolds(actor, "sample:enrolment:sampled");
      return newReviewScreen(actor, enrolment);
    })(),
  );
  return (
    <>
      <p className="text-muted">
        <Link href="/quality/actions">IQA actions</Link>
      </p>
      <h1>Open an IQA review</h1>
      <p>Sample a learner’s unit outside a plan. Opening the review records the current decisions as they stand now.</p>
      {chosen?.ownWork ? (
        <p>You assess this learner on this unit, so you cannot review it: an IQA never samples their own decisions.</p>
      ) : enrolments.length === 0 ? (
        <p>You are not the IQA of any learner’s unit that someone else assesses.</p>
      ) : (
        <ActionForm action={openAdHocReviewAction} submitLabel="Open review" pendingLabel="Opening…">
          <SelectField id="enrolmentId" name="enrolmentId" label="Learner and unit" defaultValue={chosen?.id ?? ""}>
            <option value="">Choose a learner and unit</option>
            {enrolments.map((e) => (
              <option key={e.id} value={e.id}>
                {e.label}
              </option>
            ))}
          </SelectField>
          <RadioGroup
            id="stage"
            name="stage"
            legend="Stage"
            defaultValue="INTERIM"
            options={[
              { value: "INTERIM", label: "Interim", hint: "The current decisions while the unit is in progress." },
              { value: "SUMMATIVE", label: "Summative", hint: "Every current decision and the unit’s sign-off." },
            ]}
          />
        </ActionForm>
      )}
      {reviews.length > 0 && chosen && (
        <>
          <h2>
            Your reviews of {chosen.learnerName}, {chosen.unitCode}
          </h2>
          <ul>
            {reviews.map((r) => (
              <li key={r.id}>
                <Link href={`/quality/reviews/${r.id}`}>
                  {r.stage === "INTERIM" ? "Interim" : "Summative"} review opened {formatDateTime(r.openedAt)}
                </Link>
                {r.completedAt ? " (completed)" : ""}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
