import type { ComponentProps } from "react";
import { cn } from "./cn";
import { Field, type FieldCommon } from "./field";
import { controlClasses, describedBy } from "./field-parts";

type Props = Omit<ComponentProps<"input">, "id" | "name" | "type"> & FieldCommon;

/** A file picker with its label, hint (what may be uploaded) and error. */
export function FileField({ id, name, label, hint, error, errorName = name, fieldClassName, className, ...input }: Props) {
  return (
    <Field id={id ?? (name as string)} name={errorName} label={label} hint={hint} error={error} className={fieldClassName}>
      {(control) => (
        <input
          name={name}
          type="file"
          className={cn(controlClasses, "max-w-full", className)}
          {...input}
          {...control}
          aria-describedby={describedBy(control["aria-describedby"], input["aria-describedby"])}
        />
      )}
    </Field>
  );
}
