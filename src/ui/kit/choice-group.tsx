import type { ReactNode } from "react";
import { Choice } from "./choice";
import { Fieldset } from "./fieldset";

export type ChoiceOption = {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
  /** The control's id; by default the group's id and the value. */
  id?: string;
};

type Common = {
  id: string;
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  /** The path the server reports the group's message under, when it is not `name`; null when the form shows it elsewhere (several groups share a name). */
  errorName?: string | null;
  options: ChoiceOption[];
  boxed?: boolean;
  className?: string;
};

const optionId = (groupId: string, o: ChoiceOption) => o.id ?? `${groupId}-${o.value.replace(/[^A-Za-z0-9_-]/g, "-")}`;

/** One answer from a few, as radio buttons under the question. */
export function RadioGroup({
  id,
  name,
  legend,
  hint,
  error,
  errorName = name,
  options,
  defaultValue,
  required,
  boxed,
  className,
}: Common & { defaultValue?: string; required?: boolean }) {
  return (
    <Fieldset id={id} legend={legend} hint={hint} error={error} errorName={errorName ?? undefined} boxed={boxed} className={className}>
      {(group) =>
        options.map((o) => (
          <Choice
            key={o.value}
            id={optionId(id, o)}
            type="radio"
            name={name}
            value={o.value}
            label={o.label}
            hint={o.hint}
            required={required}
            defaultChecked={defaultValue === o.value}
            {...group}
          />
        ))
      }
    </Fieldset>
  );
}

/** Any number of answers, as checkboxes under the question. */
export function CheckboxGroup({
  id,
  name,
  legend,
  hint,
  error,
  errorName = name,
  options,
  defaultValues = [],
  boxed,
  className,
}: Common & { defaultValues?: string[] }) {
  return (
    <Fieldset id={id} legend={legend} hint={hint} error={error} errorName={errorName ?? undefined} boxed={boxed} className={className}>
      {(group) =>
        options.map((o) => (
          <Choice
            key={o.value}
            id={optionId(id, o)}
            type="checkbox"
            name={name}
            value={o.value}
            label={o.label}
            hint={o.hint}
            defaultChecked={defaultValues.includes(o.value)}
            {...group}
          />
        ))
      }
    </Fieldset>
  );
}
