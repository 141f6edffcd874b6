import type { ReactNode } from "react";
import { cn } from "./cn";

const tones = {
  info: "border-brand bg-panel",
  /** Something just done ("Draft saved."): said in words, the bar only repeats it. */
  success: "border-success bg-success-tint font-semibold",
} as const;

type Props = { children: ReactNode; tone?: keyof typeof tones; as?: "p" | "div"; role?: "status"; className?: string };

/** Something to know before going on, set apart by a bar at its edge (GOV.UK's inset text). */
export function Notice({ children, tone = "info", as: Tag = "p", role, className }: Props) {
  return (
    <Tag role={role} className={cn("my-4 border-l-[6px] px-4 py-3", tones[tone], className)}>
      {children}
    </Tag>
  );
}
