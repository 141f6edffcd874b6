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

/** The fieldset and its options; the two groups differ only in the control and what starts checked. */
function ChoiceGroup({
  type,
  checked,
  required,
  id,
  name,
  legend,
  hint,
  error,
  errorName = name,
  options,
  boxed,
  className,
}: Common & { type: "radio" | "checkbox"; checked: (value: string) => boolean; required?: boolean }) {
  return (
    <Fieldset id={id} legend={legend} hint={hint} error={error} errorName={errorName ?? undefined} boxed={boxed} className={className}>
      {(group) =>
        options.map((o) => (
          <Choice
            key={o.value}
            id={optionId(id, o)}
            type={type}
            name={name}
            value={o.value}
            label={o.label}
            hint={o.hint}
            required={required}
            defaultChecked={checked(o.value)}
            {...group}
          />
        ))
      }
    </Fieldset>
  );
}

/** One answer from a few, as radio buttons under the question. */
export function RadioGroup({ defaultValue, ...group }: Common & { defaultValue?: string; required?: boolean }) {
  return <ChoiceGroup type="radio" checked={(value) => value === defaultValue} {...group} />;
}

/** Any number of answers, as checkboxes under the question. */
export function CheckboxGroup({ defaultValues = [], ...group }: Common & { defaultValues?: string[] }) {
  return <ChoiceGroup type="checkbox" checked={(value) => defaultValues.includes(value)} {...group} />;
}
