import type { ComponentProps, ReactNode } from "react";
import { FieldError } from "@/ui/field-error";
import { cn } from "./cn";
import { ErrorMessage, Hint, controlClasses, describedBy, hintIdFor, labelClasses, localErrorIdFor } from "./field-parts";

export { hintIdFor, localErrorIdFor } from "./field-parts";

/** What a control inside a Field must carry so its label, hint and error are announced with it. */
export type ControlProps = { id: string; "aria-describedby"?: string; "aria-invalid"?: true };

type FieldProps = {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  /**
   * The field's path as the server reports it: inside an ActionForm its message shows here
   * (FieldError) and ActionForm links the control to it.
   */
  name?: string;
  /** A message this form worked out itself (outside an ActionForm). */
  error?: string | undefined;
  className?: string;
  children: (control: ControlProps) => ReactNode;
};

/** A label, an optional hint and an error message, tied to the control by aria-describedby (GOV.UK's order). */
export function Field({ id, label, hint, name, error, className, children }: FieldProps) {
  const described = describedBy(error && localErrorIdFor(id), hint ? hintIdFor(id) : null);
  return (
    <div className={cn("mb-5 min-w-0", className)}>
      <label htmlFor={id} className={labelClasses}>
        {label}
      </label>
      {hint && <Hint id={hintIdFor(id)}>{hint}</Hint>}
      {error ? <ErrorMessage id={localErrorIdFor(id)}>{error}</ErrorMessage> : name && <FieldError name={name} />}
      {children({ id, ...(described ? { "aria-describedby": described } : {}), ...(error ? { "aria-invalid": true } : {}) })}
    </div>
  );
}

/** A control posts under `name`; one sent another way (a client form's JSON) has only an id. */
export type Naming = { id?: string; name: string } | { id: string; name?: undefined };

/** What every kit field takes besides its control's own attributes. */
export type FieldCommon = Naming & {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  /** The path the server reports this field's message under, when it is not `name`. */
  errorName?: string;
  /** Classes for the field around the control (its margin, its width in a row of filters). */
  fieldClassName?: string;
};

type InputProps = Omit<ComponentProps<"input">, "id" | "children" | "name"> & FieldCommon;

/** A one-line text input with its label, hint and error. What was typed stays after a refusal. */
export function TextField({ id, name, label, hint, error, errorName = name, fieldClassName, className, ...input }: InputProps) {
  return (
    <Field id={id ?? (name as string)} name={errorName} label={label} hint={hint} error={error} className={fieldClassName}>
      {(control) => (
        <input
          name={name}
          type="text"
          className={cn(controlClasses, "w-full max-w-field", className)}
          {...input}
          {...control}
          aria-describedby={describedBy(control["aria-describedby"], input["aria-describedby"])}
        />
      )}
    </Field>
  );
}

type TextAreaProps = Omit<ComponentProps<"textarea">, "id" | "children" | "name"> & FieldCommon;

/** A text box of several lines with its label, hint and error. */
export function TextAreaField({ id, name, label, hint, error, errorName = name, fieldClassName, className, ...textarea }: TextAreaProps) {
  return (
    <Field id={id ?? (name as string)} name={errorName} label={label} hint={hint} error={error} className={fieldClassName}>
      {(control) => (
        <textarea
          name={name}
          className={cn(controlClasses, "w-full max-w-prose", className)}
          {...textarea}
          {...control}
          aria-describedby={describedBy(control["aria-describedby"], textarea["aria-describedby"])}
        />
      )}
    </Field>
  );
}
