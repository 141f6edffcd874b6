import { sectionLabel } from "@/lib/standards/labels";
import type { UnitTree } from "@/server/standards/queries";
import { Paragraphs, RichText } from "@/ui/rich-text";
import { CriterionItem } from "./criterion-item";
import { EvidenceRules } from "./evidence-rules";
import { Facts } from "@/ui/kit";
import { termListClasses } from "./term-list";

type Details = {
  about?: string[];
  scopeIntro?: string[];
  values?: string[];
  glossaryIntro?: string[];
  knowledgeIntro?: string[];
  learningOutcomesIntro?: string;
  assessment?: string[];
  nosMapping?: string[];
  additionalInformation?: string[];
  methodsIntro?: string[];
};

/** A unit as its awarding body prints it: overview, criteria, knowledge, scope, key words, evidence rules. */
export function UnitView({ unit }: { unit: UnitTree }) {
  const details = unit.details as Details;
  const practice = unit.sections.filter((s) => s.kind !== "KNOWLEDGE_GROUP");
  const knowledge = unit.sections.filter((s) => s.kind === "KNOWLEDGE_GROUP");
  const outcomes = practice.some((s) => s.kind === "LEARNING_OUTCOME");
  const toc = [
    ["overview", "Overview"],
    ["criteria", outcomes ? "Learning outcomes and assessment criteria" : "Elements and performance criteria"],
    ...(knowledge.length ? [["knowledge", "Knowledge"]] : []),
    ...(unit.scopeCategories.length ? [["scope", "Scope"]] : []),
    ...(unit.glossaryTerms.length ? [["glossary", "Key words and concepts"]] : []),
    ...(details.values?.length ? [["values", "Values"]] : []),
    ["evidence", "Assessment and evidence"],
  ];
  return (
    <article>
      <h1>
        {unit.displayCode}: {unit.title}
      </h1>
      <nav aria-label="On this page" className="sm:[&_ul]:columns-2">
        <ul>
          {toc.map(([id, label]) => (
            <li key={id}>
              <a href={`#${id}`}>{label}</a>
            </li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="overview">
        <h2 id="overview">Overview</h2>
        <Facts>
          <dt>Awarding body</dt>
          <dd>{unit.awardingBody}</dd>
          {unit.unitNumber && (
            <>
              <dt>Unit number</dt>
              <dd>{unit.unitNumber}</dd>
            </>
          )}
          {unit.sectorReference && (
            <>
              <dt>Unit sector reference</dt>
              <dd>{unit.sectorReference}</dd>
            </>
          )}
          {unit.level !== null && (
            <>
              <dt>Level</dt>
              <dd>{unit.level}</dd>
            </>
          )}
          {unit.creditValue !== null && (
            <>
              <dt>Credit value</dt>
              <dd>{unit.creditValue}</dd>
            </>
          )}
          {unit.guidedLearningHours !== null && (
            <>
              <dt>Guided learning hours</dt>
              <dd>{unit.guidedLearningHours}</dd>
            </>
          )}
          <dt>Version</dt>
          <dd>{unit.version}</dd>
        </Facts>
        <h3>{outcomes ? "Unit purpose and aim" : "Key purpose"}</h3>
        <p>{unit.purpose}</p>
        {details.about?.length ? (
          <>
            <h3>About this unit</h3>
            <Paragraphs items={details.about} />
          </>
        ) : null}
      </section>

      <section aria-labelledby="criteria">
        <h2 id="criteria">{outcomes ? "Learning outcomes and assessment criteria" : "Elements and performance criteria"}</h2>
        {details.learningOutcomesIntro && <p>{details.learningOutcomesIntro}</p>}
        {practice.map((s) => (
          <section key={s.code} aria-labelledby={`section-${s.code}`}>
            <h3 id={`section-${s.code}`}>{sectionLabel(s)}</h3>
            {s.preamble && <p>{s.preamble}</p>}
            <ul className="list-none p-0">
              {s.criteria.map((c) => (
                <CriterionItem key={c.code} criterion={c} unit={unit} />
              ))}
            </ul>
          </section>
        ))}
      </section>

      {knowledge.length > 0 && (
        <section aria-labelledby="knowledge">
          <h2 id="knowledge">Knowledge specification for the whole of this unit</h2>
          <Paragraphs items={details.knowledgeIntro ?? []} />
          {knowledge.map((s) => (
            <section key={s.code} aria-labelledby={`section-${s.code}`}>
              <h3 id={`section-${s.code}`}>{s.title}</h3>
              <ul className="list-none p-0">
                {s.criteria.map((c) => (
                  <CriterionItem key={c.code} criterion={c} unit={unit} />
                ))}
              </ul>
            </section>
          ))}
        </section>
      )}

      {unit.scopeCategories.length > 0 && (
        <section aria-labelledby="scope">
          <h2 id="scope">Scope</h2>
          <Paragraphs items={details.scopeIntro ?? []} />
          {unit.scopeCategories.map((s) => (
            <section key={s.key} aria-labelledby={`scope-${s.key}`}>
              <h3 id={`scope-${s.key}`} tabIndex={-1}>
                {s.name}
              </h3>
              <ul>
                {s.options.map((o) => (
                  <li key={o}>{o}</li>
                ))}
              </ul>
            </section>
          ))}
        </section>
      )}

      {unit.glossaryTerms.length > 0 && (
        <section aria-labelledby="glossary">
          <h2 id="glossary">Key words and concepts</h2>
          <Paragraphs items={details.glossaryIntro ?? []} />
          <dl className={termListClasses}>
            {unit.glossaryTerms.map((g) => (
              <div key={g.term}>
                <dt id={`glossary-${slug(g.term)}`} tabIndex={-1}>
                  {g.term}
                </dt>
                <dd>{g.definition}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}

      {details.values?.length ? (
        <section aria-labelledby="values">
          <h2 id="values">Values</h2>
          <Paragraphs items={details.values} />
        </section>
      ) : null}

      <EvidenceRules unit={unit} details={details} />
      {details.additionalInformation?.length ? (
        <section aria-labelledby="additional">
          <h2 id="additional">Additional information</h2>
          {details.additionalInformation.map((p) => (
            <p key={p}>
              <RichText text={p} />
            </p>
          ))}
        </section>
      ) : null}
    </article>
  );
}

export const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "-");
