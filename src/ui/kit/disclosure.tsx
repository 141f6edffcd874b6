import type { ReactNode } from "react";
import { cn } from "./cn";

/** A part of the page folded away under a line that says what it holds (details and summary: no JavaScript needed). */
export function Disclosure({ summary, children, open, className }: { summary: ReactNode; children: ReactNode; open?: boolean; className?: string }) {
  return (
    <details open={open} className={cn("my-4 min-w-0 rounded-md border border-line px-3 py-3 open:[&>summary]:mb-3 md:px-4", className)}>
      <summary>{summary}</summary>
      {children}
    </details>
  );
}
