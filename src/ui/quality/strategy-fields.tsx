import { methodLabels } from "@/lib/portfolio/schemas";
import { type Strategy, riskLevels } from "@/lib/quality/strategy";
import { assessmentMethods } from "@/lib/standards/unit-file";
import { CheckboxGroup, Fieldset, TextField } from "@/ui/kit";
import { riskWords } from "./strategy-words";

type Props = { idPrefix: string; strategy: Strategy };

const percentField = (id: string, name: string, label: string, value: number) => (
  <TextField key={name} id={id} name={name} label={label} inputMode="numeric" className="w-[5em]" fieldClassName="mb-2" defaultValue={String(value)} required />
);

/** The strategy's numbers and methods as fields, filled with `strategy`; percentages 0 to 100. */
export function StrategyFields({ idPrefix, strategy }: Props) {
  const row = (group: "learners" | "units") =>
    riskLevels.map((level) => {
      const name = `${group}${riskWords[level]}`;
      return percentField(`${idPrefix}-${name}`, name, `${riskWords[level]} risk (%)`, strategy[group][level]);
    });
  return (
    <>
      <Fieldset id={`${idPrefix}-learners`} legend="Share of each assessor's learners to sample" hint="By the assessor's risk rating, from 0 to 100%.">
        <div className="flex flex-wrap gap-x-6">{row("learners")}</div>
      </Fieldset>
      <Fieldset
        id={`${idPrefix}-units`}
        legend="Share of each assessor's units to sample"
        hint="Units they assess, one per learner, by their risk rating, from 0 to 100%."
      >
        <div className="flex flex-wrap gap-x-6">{row("units")}</div>
      </Fieldset>
      <TextField
        id={`${idPrefix}-interimPercent`}
        name="interimPercent"
        label="Interim share of the sample (%)"
        hint="Sampled while the unit is in progress; the rest is summative, after the unit is signed off."
        inputMode="numeric"
        className="w-[5em]"
        defaultValue={String(strategy.interimPercent)}
        required
      />
      <CheckboxGroup
        id={`${idPrefix}-methods`}
        name="methods"
        legend="Methods every plan must cover"
        hint="Choose at least one."
        options={assessmentMethods.map((m) => ({ value: m, label: methodLabels[m] }))}
        defaultValues={strategy.methods}
      />
    </>
  );
}
