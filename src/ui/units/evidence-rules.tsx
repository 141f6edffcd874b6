import type { UnitTree } from "@/server/standards/queries";
import { Paragraphs } from "@/ui/rich-text";
import { termListClasses } from "./term-list";

export function EvidenceRules({ unit, details }: { unit: UnitTree; details: { assessment?: string[]; nosMapping?: string[]; methodsIntro?: string[] } }) {
  const rules = [
    unit.simulationAllowed ? "Simulation is allowed where the unit does not say otherwise." : "Simulation is not allowed: evidence must come from real work.",
    unit.planRequiredFirst ? "An assessment plan must be agreed with the assessor before the unit starts." : "No assessment plan is required before starting.",
    unit.allCriteriaRequired ? "Every criterion needs evidence." : "Not every criterion needs evidence.",
    ...(unit.consistencyOverTime ? ["Evidence must show consistent performance over a period of time."] : []),
    unit.evidenceInPlaceAllowed
      ? "Evidence may stay where it is normally kept, if its location and relevance are recorded."
      : "Evidence must be held in the portfolio.",
  ];
  return (
    <section aria-labelledby="evidence">
      <h2 id="evidence">Assessment and evidence</h2>
      {details.assessment?.length ? <Paragraphs items={details.assessment} /> : null}
      <h3>Evidence rules in Attest</h3>
      <ul>
        {rules.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      {unit.evidenceRules.length > 0 && (
        <>
          <h3>Evidence requirements, as printed</h3>
          <Paragraphs items={unit.evidenceRules} />
        </>
      )}
      {unit.assessmentMethods.length > 0 && (
        <>
          <h3>Assessment methods</h3>
          <Paragraphs items={details.methodsIntro ?? []} />
          <dl className={termListClasses}>
            {unit.assessmentMethods.map((m) => (
              <div key={m.method}>
                <dt>{m.name}</dt>
                <dd>{m.description}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      {details.nosMapping?.length ? (
        <>
          <h3>National Occupational Standards (NOS) mapping</h3>
          <Paragraphs items={details.nosMapping} />
        </>
      ) : null}
    </section>
  );
}
