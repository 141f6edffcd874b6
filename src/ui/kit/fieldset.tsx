import type { ReactNode } from "react";
import { FieldError } from "@/ui/field-error";
import { cn } from "./cn";
import { ErrorMessage, Hint, describedBy, hintIdFor, localErrorIdFor } from "./field-parts";

/** What each control in a group carries when the group's answer is refused. */
export type GroupControlProps = { "aria-invalid"?: true };

export type FieldsetProps = {
  /** The id the hint's and message's ids start from, unique on the page. */
  id: string;
  /** The question the controls answer. */
  legend: ReactNode;
  hint?: ReactNode;
  /** The path the server reports the group's message under: inside an ActionForm it shows here (FieldError). */
  errorName?: string;
  /** A message this form worked out itself (outside an ActionForm). */
  error?: string | undefined;
  /** A bordered box, for a group that holds other fields (a plan item, a unit's criteria). */
  boxed?: boolean;
  className?: string;
  legendClassName?: string;
  children: ReactNode | ((group: GroupControlProps) => ReactNode);
};

/**
 * Controls that answer one question, under it as the legend (GOV.UK's fieldset). The hint and the
 * message describe the group, so a screen reader says them when focus enters it; on a refusal
 * each control is marked invalid.
 */
export function Fieldset({ id, legend, hint, errorName, error, boxed, className, legendClassName, children }: FieldsetProps) {
  return (
    <fieldset
      id={id}
      className={cn("mx-0 mt-0 mb-5 min-w-0", boxed ? "rounded-md border border-line px-2 pt-1 pb-3 md:px-4" : "border-0 p-0", className)}
      aria-describedby={describedBy(error && localErrorIdFor(id), hint ? hintIdFor(id) : null)}
    >
      <legend className={cn("mb-1 font-semibold", boxed ? "px-1" : "p-0", legendClassName)}>{legend}</legend>
      {hint && <Hint id={hintIdFor(id)}>{hint}</Hint>}
      {error ? <ErrorMessage id={localErrorIdFor(id)}>{error}</ErrorMessage> : errorName && <FieldError name={errorName} />}
      {typeof children === "function" ? children(error ? { "aria-invalid": true } : {}) : children}
    </fieldset>
  );
}
