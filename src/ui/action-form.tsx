"use client";
import { type ReactNode, useActionState, useEffect, useRef } from "react";
import { type ActionState, initialActionState } from "@/lib/action-state";

type Props = {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  children: ReactNode;
  submitLabel: string;
  pendingLabel?: string;
  done?: string;
  secondary?: boolean;
  className?: string;
  "aria-label"?: string;
};

/** A form bound to a server action: shows what went wrong, focused, or a short confirmation. */
export function ActionForm({ action, children, submitLabel, pendingLabel, done, secondary, className, ...rest }: Props) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const problem = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.at && !state.ok) problem.current?.focus();
  }, [state]);
  return (
    <form action={formAction} className={className} aria-label={rest["aria-label"]}>
      {!state.ok && state.message && (
        <div className="alert" role="alert" tabIndex={-1} ref={problem}>
          <strong>There is a problem:</strong> {state.message}
        </div>
      )}
      {state.ok && done && (
        <p role="status" className="done">
          {done}
        </p>
      )}
      {children}
      <button type="submit" className={secondary ? "secondary" : undefined} disabled={pending}>
        {pending ? (pendingLabel ?? `${submitLabel}…`) : submitLabel}
      </button>
    </form>
  );
}
