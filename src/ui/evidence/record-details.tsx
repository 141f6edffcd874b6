import type { AssessorRecord } from "@/lib/portfolio/records";
import { Facts } from "@/ui/kit";

/** An assessor's observation, questioning record or professional discussion, as written. */
export function RecordDetails({ record }: { record: AssessorRecord }) {
  return (
    <section aria-labelledby="record">
      <h2 id="record">
        {record.kind === "OBSERVATION"
          ? "Observation record"
          : record.kind === "QUESTIONING"
            ? `Questioning record (${record.mode === "ORAL" ? "oral" : "written"})`
            : "Professional discussion"}
      </h2>
      {record.kind === "OBSERVATION" && (
        <Facts>
          <dt>Where</dt>
          <dd>{record.place}</dd>
          <dt>What was observed</dt>
          <dd className="whitespace-pre-wrap">{record.observed}</dd>
          <dt>Narrative</dt>
          <dd className="whitespace-pre-wrap">{record.narrative}</dd>
        </Facts>
      )}
      {record.kind === "QUESTIONING" && (
        <ol>
          {record.items.map((q, i) => (
            <li key={i}>
              <p>
                <strong>Question:</strong> {q.question}
              </p>
              <p className="whitespace-pre-wrap">
                <strong>Answer:</strong> {q.answer}
              </p>
            </li>
          ))}
        </ol>
      )}
      {record.kind === "PROFESSIONAL_DISCUSSION" && (
        <Facts>
          <dt>Topics</dt>
          <dd className="whitespace-pre-wrap">{record.topics}</dd>
          <dt>Summary</dt>
          <dd className="whitespace-pre-wrap">{record.summary}</dd>
        </Facts>
      )}
    </section>
  );
}
