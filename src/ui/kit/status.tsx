import type { ReactNode } from "react";
import { cn } from "./cn";

export type Tone = "success" | "warning" | "danger" | "info" | "neutral";

const tones: Record<Tone, string> = {
  success: "border-success bg-success-tint text-success",
  warning: "border-warning bg-warning-tint text-warning",
  danger: "border-danger bg-danger-tint text-danger",
  info: "border-brand bg-brand-tint text-brand",
  neutral: "border-line-strong bg-panel text-ink",
};

/** A shape per tone, so the state does not rest on colour alone (the text says it too). */
function ToneIcon({ tone }: { tone: Tone }) {
  const common = { "aria-hidden": true, focusable: false, width: 14, height: 14, viewBox: "0 0 16 16", className: "flex-none" } as const;
  switch (tone) {
    case "success":
      return (
        <svg {...common}>
          <path d="M2.5 8.5 6.5 12.5 13.5 4" fill="none" stroke="currentColor" strokeWidth="2.5" />
        </svg>
      );
    case "warning":
      return (
        <svg {...common}>
          <path d="M8 1.5 15 14.5H1z" fill="currentColor" />
          <path d="M8 6v4M8 11.5v1.5" className="stroke-paper" strokeWidth="1.8" />
        </svg>
      );
    case "danger":
      return (
        <svg {...common}>
          <path d="M3 3l10 10M13 3 3 13" stroke="currentColor" strokeWidth="2.5" />
        </svg>
      );
    case "info":
      return (
        <svg {...common}>
          <circle cx="8" cy="8" r="7" fill="currentColor" />
          <path d="M8 7v5M8 4v1.5" className="stroke-paper" strokeWidth="1.8" />
        </svg>
      );
    case "neutral":
      return (
        <svg {...common}>
          <circle cx="8" cy="8" r="5.5" fill="none" stroke="currentColor" strokeWidth="2" />
        </svg>
      );
  }
}

/** A state in a word or two with an icon: "Met", "Overdue", "Awaiting review". */
export function Status({ tone, children, className }: { tone: Tone; children: ReactNode; className?: string }) {
  return (
    <span className={cn("inline-flex items-center gap-1.5 rounded-sm border px-2 py-px text-sm font-semibold whitespace-nowrap", tones[tone], className)}>
      <ToneIcon tone={tone} />
      {children}
    </span>
  );
}

/** A small label with no state (a method, a tag): text only, neutral. */
export function Badge({ children, className }: { children: ReactNode; className?: string }) {
  return <span className={cn("inline-block rounded-sm border border-ink px-1.5 text-sm", className)}>{children}</span>;
}
