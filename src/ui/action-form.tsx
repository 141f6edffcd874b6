"use client";
import { type FormEvent, type ReactNode, startTransition, useActionState, useEffect, useId, useLayoutEffect, useRef, useState } from "react";
import { type ActionState, initialActionState } from "@/lib/action-state";
import { actionBodyLimitBytes, actionBodyTooLarge } from "@/lib/limits";
import { FormStateContext } from "./field-error";
import { Button, type ButtonSize, ErrorSummary, Notice } from "@/ui/kit";
import { type MarkedProblem, markInvalidControls } from "./mark-invalid";

type Props = {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  children: ReactNode;
  submitLabel: string;
  pendingLabel?: string;
  done?: string;
  secondary?: boolean;
  /** The submit button's size: small for a form that is one button in a line of text. */
  size?: ButtonSize;
  className?: string;
  /** Clear the form after it succeeds (a comment box); otherwise what was typed stays. */
  resetOnSuccess?: boolean;
  /** What to show from the action's `result` after it succeeds (a secret shown once). */
  shown?: (result: unknown) => ReactNode;
  "aria-label"?: string;
};

/** The control a server field message is about: by name, or by data-field when the server's path is not a form name. */
function controlFor(form: HTMLFormElement, path: string): HTMLElement | null {
  const escaped = CSS.escape(path);
  return form.querySelector<HTMLElement>(`[data-field="${escaped}"]`) ?? form.querySelector<HTMLElement>(`[name="${escaped}"]:not([type="hidden"])`);
}

function formSize(data: FormData): number {
  let size = 0;
  for (const [k, v] of data) size += k.length + 100 + (typeof v === "string" ? new Blob([v]).size : v.size);
  return size;
}

/**
 * A form bound to a server action. It submits in a transition (so React does not clear what was
 * typed); on a refusal each message shows beside its field (FieldError), the control is marked
 * invalid and described by it, and a summary at the top links to each field and takes focus.
 * Without JavaScript the form still posts to the action.
 */
export function ActionForm({ action, children, submitLabel, pendingLabel, done, secondary, size, className, resetOnSuccess, shown, ...rest }: Props) {
  const [serverState, formAction, pending] = useActionState(action, initialActionState);
  const [local, setLocal] = useState<ActionState | null>(null);
  const state = local ?? serverState;
  const formId = useId();
  const form = useRef<HTMLFormElement>(null);
  const summary = useRef<HTMLDivElement>(null);
  const [problems, setProblems] = useState<MarkedProblem[]>([]);

  // Mark the controls the messages are about; undo the marks of the previous attempt.
  useLayoutEffect(() => {
    const f = form.current;
    if (!f) return;
    setProblems(markInvalidControls(f, formId, state.ok ? {} : (state.fields ?? {}), (path) => controlFor(f, path)));
  }, [state, formId]);

  useEffect(() => {
    if (state.at && !state.ok) summary.current?.focus();
    if (state.at && state.ok && resetOnSuccess) form.current?.reset();
  }, [state, resetOnSuccess]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    if (formSize(data) > actionBodyLimitBytes) {
      setLocal({ ok: false, message: actionBodyTooLarge, at: Date.now() });
      return;
    }
    setLocal(null);
    startTransition(() => formAction(data));
  }

  const listed = problems.length > 0;
  return (
    <FormStateContext.Provider value={{ state, formId }}>
      <form ref={form} action={formAction} onSubmit={onSubmit} className={className} aria-label={rest["aria-label"]}>
        {!state.ok && state.message && (
          <ErrorSummary
            id={`${formId}-problem`}
            ref={summary}
            message={listed && state.message.startsWith("Check the form") ? null : state.message}
            problems={problems.map((p) => ({ key: p.path, message: p.message, targetId: p.control?.id ?? null }))}
          />
        )}
        {state.ok && done && (
          <Notice tone="success" role="status">
            {done}
          </Notice>
        )}
        {state.ok && shown && state.result !== undefined && shown(state.result)}
        {children}
        <Button type="submit" variant={secondary ? "secondary" : "primary"} size={size} disabled={pending}>
          {pending ? (pendingLabel ?? `${submitLabel}…`) : submitLabel}
        </Button>
      </form>
    </FormStateContext.Provider>
  );
}
