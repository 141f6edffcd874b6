import type { ReactNode } from "react";
import { cn } from "./cn";

/** The pieces every field of the kit is made of, so a label, hint and message look the same everywhere. */

export const hintIdFor = (id: string) => `${id}-hint`;
export const localErrorIdFor = (id: string) => `${id}-error`;

/** The ids a control (or a group) is described by, message first, as GOV.UK orders them; undefined when none. */
export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const joined = ids.filter(Boolean).join(" ");
  return joined || undefined;
}

export const labelClasses = "mb-1 block font-semibold";
/** A control's border; a refused one is marked by the base layer's [aria-invalid] rule. */
export const controlClasses = "rounded-md border-2 border-ink bg-paper p-2";

/** Help that says what to enter, under the label. */
export function Hint({ id, children, className }: { id: string; children: ReactNode; className?: string }) {
  return (
    <p id={id} className={cn("mt-0 mb-1 text-muted", className)}>
      {children}
    </p>
  );
}

/** What is wrong with a field, in words (never colour alone), above its control. */
export function ErrorMessage({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="mt-0 mb-1 font-semibold whitespace-pre-line text-danger wrap-anywhere">
      <span className="sr-only">Error: </span>
      {children}
    </p>
  );
}
