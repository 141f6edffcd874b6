import type { ComponentProps, ReactNode } from "react";
import { FieldError } from "../field-error";
import { cn } from "./cn";

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

export const hintIdFor = (id: string) => `${id}-hint`;
export const localErrorIdFor = (id: string) => `${id}-error`;

/** A label, an optional hint and an error message, tied to the control by aria-describedby (GOV.UK's order). */
export function Field({ id, label, hint, name, error, className, children }: FieldProps) {
  const described = [error ? localErrorIdFor(id) : null, hint ? hintIdFor(id) : null].filter(Boolean).join(" ");
  return (
    <div className={cn("field", className)}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={hintIdFor(id)}>
          {hint}
        </p>
      )}
      {error ? (
        <p className="field-error" id={localErrorIdFor(id)}>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : (
        name && <FieldError name={name} />
      )}
      {children({ id, ...(described ? { "aria-describedby": described } : {}), ...(error ? { "aria-invalid": true } : {}) })}
    </div>
  );
}

type InputProps = Omit<ComponentProps<"input">, "id" | "children"> & { id?: string; name: string; label: ReactNode; hint?: ReactNode; error?: string | undefined };

/** A one-line text input with its label, hint and error. What was typed stays after a refusal. */
export function TextField({ id, name, label, hint, error, className, ...input }: InputProps) {
  return (
    <Field id={id ?? name} name={name} label={label} hint={hint} error={error}>
      {(control) => <input name={name} className={cn("w-full max-w-field rounded-md border-2 border-ink p-2", className)} {...input} {...control} />}
    </Field>
  );
}

type TextAreaProps = Omit<ComponentProps<"textarea">, "id" | "children"> & { id?: string; name: string; label: ReactNode; hint?: ReactNode; error?: string | undefined };

/** A text box of several lines with its label, hint and error. */
export function TextAreaField({ id, name, label, hint, error, className, ...textarea }: TextAreaProps) {
  return (
    <Field id={id ?? name} name={name} label={label} hint={hint} error={error}>
      {(control) => <textarea name={name} className={cn("w-full max-w-prose rounded-md border-2 border-ink p-2", className)} {...textarea} {...control} />}
    </Field>
  );
}
