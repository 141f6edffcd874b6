"use client";
import { createContext, useContext } from "react";
import type { ActionState } from "@/lib/action-state";
import { ErrorMessage } from "@/ui/kit/field-parts";

/** The state of the form around a field: set by ActionForm, read by FieldError. */
export const FormStateContext = createContext<{ state: ActionState; formId: string } | null>(null);

export const errorIdFor = (formId: string, path: string) => `${formId}-error-${path.replace(/[^A-Za-z0-9_-]/g, "-")}`;

/**
 * The server's message about one field, shown beside it. `name` is the field's path as the server
 * reports it (a form name, or a zod path such as items.0.task). ActionForm points the control's
 * aria-describedby here and marks it aria-invalid.
 */
export function FieldError({ name }: { name: string }) {
  const context = useContext(FormStateContext);
  const message = context && !context.state.ok ? context.state.fields?.[name] : undefined;
  if (!context || !message) return null;
  return <ErrorMessage id={errorIdFor(context.formId, name)}>{message}</ErrorMessage>;
}
