import type { ComponentProps, ReactNode } from "react";
import { FieldError } from "@/ui/field-error";
import { cn } from "./cn";

type ChoiceProps = Omit<ComponentProps<"input">, "type" | "id" | "children"> & { id: string; type: "radio" | "checkbox"; label: ReactNode };

/**
 * One radio button or checkbox with its label beside it, the whole label clickable. Styled by the
 * `choice` rule in globals.css rather than utilities: a review screen renders hundreds of these.
 */
export function CompactChoice({ id, type, label, className, ...input }: ChoiceProps) {
  return (
    <div className={cn("choice", className)}>
      <input id={id} type={type} {...input} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

export type CompactOption = { id: string; value: string; label: ReactNode; defaultChecked?: boolean };

type CompactChoicesProps = {
  type: "radio" | "checkbox";
  /** The name every option posts under (a radio group's one answer, or a checkbox list's many). */
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  /** The path of this group's message from the server (FieldError), when it is not `name`. */
  errorName?: string;
  options: CompactOption[];
  /** The id of the form the options belong to, when they sit outside it. */
  form?: string;
  className?: string;
};

/**
 * RadioGroup and CheckboxGroup for a screen that renders hundreds of groups (the review screen):
 * the same fieldset, legend, hint and error, with a class rule instead of utilities on every
 * option, so the page stays small. A group of radio buttons or checkboxes, its legend the question; inside an
 * ActionForm (or the review's signing form) the server's message about the group shows under it.
 */
export function CompactChoices({ type, name, legend, hint, errorName, options, form, className }: CompactChoicesProps) {
  const hintId = hint ? `${options[0]?.id ?? name}-hint` : undefined;
  return (
    <fieldset className={cn("min-w-0", className)} aria-describedby={hintId}>
      <legend>{legend}</legend>
      {hint && (
        <p className="mt-0 mb-1 text-muted" id={hintId}>
          {hint}
        </p>
      )}
      <FieldError name={errorName ?? name} />
      {options.map((o) => (
        <CompactChoice key={o.id} id={o.id} type={type} name={name} value={o.value} label={o.label} defaultChecked={o.defaultChecked} form={form} />
      ))}
    </fieldset>
  );
}
