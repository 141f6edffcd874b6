import type { UnitTree } from "@/server/standards/queries";
import { RichText } from "@/ui/rich-text";
import { termListClasses } from "./term-list";

type Criterion = UnitTree["sections"][number]["criteria"][number];

/** A criterion as printed; its bold terms are explained in a disclosure any keyboard or screen reader can open. */
export function CriterionItem({ criterion, unit }: { criterion: Criterion; unit: UnitTree }) {
  return (
    <li id={`criterion-${criterion.code}`} className="border-t border-line py-3 break-words">
      <span className="inline-block min-w-12 font-bold">{criterion.code}</span> <RichText text={criterion.text} />
      {criterion.terms.length > 0 && (
        <details>
          <summary>
            Explain {criterion.terms.length === 1 ? "the term" : "the terms"} in {criterion.code}: {criterion.terms.map((t) => t.term).join(", ")}
          </summary>
          <dl className={termListClasses}>
            {criterion.terms.map((t) => {
              const scope = t.scope ? unit.scopeCategories.find((s) => s.key === t.scope) : undefined;
              const glossary = t.glossary ? unit.glossaryTerms.find((g) => g.term === t.glossary) : undefined;
              return (
                <div key={t.term}>
                  <dt>{t.term}</dt>
                  {scope && (
                    <dd>
                      Scope, <a href={`#scope-${scope.key}`}>{scope.name}</a>: {scope.options.join("; ")}
                    </dd>
                  )}
                  {glossary && (
                    <dd>
                      Key word, {glossary.term}: {glossary.definition}
                    </dd>
                  )}
                </div>
              );
            })}
          </dl>
        </details>
      )}
    </li>
  );
}
