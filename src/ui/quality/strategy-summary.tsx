import { methodLabels } from "@/lib/portfolio/schemas";
import type { Strategy } from "@/lib/quality/strategy";
import { Facts } from "@/ui/kit";
import { sourceWords } from "./strategy-words";

const three = (r: Strategy["learners"]) => `low ${r.LOW}%, medium ${r.MEDIUM}%, high ${r.HIGH}%`;

/** The strategy that applies, in words, and where its numbers come from. */
export function StrategySummary({ strategy, source }: { strategy: Strategy; source: keyof typeof sourceWords }) {
  return (
    <Facts>
      <dt>Comes from</dt>
      <dd>{sourceWords[source]}</dd>
      <dt>Learners sampled</dt>
      <dd>{three(strategy.learners)}</dd>
      <dt>Units sampled</dt>
      <dd>{three(strategy.units)}</dd>
      <dt>Interim and summative</dt>
      <dd>
        {strategy.interimPercent}% interim, {100 - strategy.interimPercent}% summative
      </dd>
      <dt>Methods to cover</dt>
      <dd>{strategy.methods.map((m) => methodLabels[m]).join(", ")}</dd>
    </Facts>
  );
}
