import type { ComponentProps, ReactNode } from "react";
import { FieldError } from "@/ui/field-error";
import { cn } from "./cn";
import { ErrorMessage, Hint, describedBy, hintIdFor, localErrorIdFor } from "./field-parts";

type Props = Omit<ComponentProps<"input">, "id" | "type" | "children"> & {
  id: string;
  type: "checkbox" | "radio";
  label: ReactNode;
  /** Said after the label, for this choice only. */
  hint?: ReactNode;
  /** A message about this one choice (a declaration to tick), worked out by the form itself. */
  error?: string | undefined;
  /** The path the server reports this choice's message under (inside an ActionForm). */
  errorName?: string;
  /** The label's tooltip, when the label is a code that stands for longer words. */
  labelTitle?: string;
  /** Shown under the choice, indented to its label (a field the choice asks for). */
  children?: ReactNode;
  className?: string;
};

/** One checkbox or radio button with its label to the right, a large target, and an optional hint. */
export function Choice({ id, type, label, hint, error, errorName, labelTitle, children, className, ...input }: Props) {
  return (
    <div className={cn("my-1.5", className)}>
      {error ? <ErrorMessage id={localErrorIdFor(id)}>{error}</ErrorMessage> : errorName && <FieldError name={errorName} />}
      <div className="flex items-start gap-2">
        <input
          id={id}
          type={type}
          className="m-0 mt-0.5 size-5 flex-none accent-brand"
          {...input}
          {...(error ? { "aria-invalid": true } : {})}
          aria-describedby={describedBy(error && localErrorIdFor(id), hint ? hintIdFor(id) : null, input["aria-describedby"])}
        />
        <div className="min-w-0">
          <label htmlFor={id} className="m-0 block font-normal wrap-break-word" title={labelTitle}>
            {label}
          </label>
          {hint && (
            <Hint id={hintIdFor(id)} className="mb-0">
              {hint}
            </Hint>
          )}
        </div>
      </div>
      {children && <div className="mt-1 ml-7">{children}</div>}
    </div>
  );
}
