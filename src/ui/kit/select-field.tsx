import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";
import { Field, type FieldCommon } from "./field";
import { controlClasses, describedBy } from "./field-parts";

type Props = Omit<ComponentProps<"select">, "id" | "name"> &
  FieldCommon & {
    /** The <option>s. */
    children: ReactNode;
  };

/** A choice from a list, with its label, hint and error. */
export function SelectField({ id, name, label, hint, error, errorName = name, fieldClassName, className, children, ...select }: Props) {
  return (
    <Field id={id ?? (name as string)} name={errorName} label={label} hint={hint} error={error} className={fieldClassName}>
      {(control) => (
        <select
          name={name}
          className={cn(controlClasses, "block max-w-full", className)}
          {...select}
          {...control}
          aria-describedby={describedBy(control["aria-describedby"], select["aria-describedby"])}
        >
          {children}
        </select>
      )}
    </Field>
  );
}
