import type { ReactNode } from "react";
import { cn } from "./cn";

/**
 * Facts about one thing as terms and their values (dt and dd children): side by side from the md
 * width, each value under its term on a phone, so a long value never pushes the page sideways.
 */
export function Facts({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <dl
      className={cn(
        "grid gap-x-6 md:grid-cols-[max-content_minmax(0,1fr)] md:gap-y-1 [&>dd]:ms-0 [&>dd]:mb-2 [&>dd]:min-w-0 [&>dd]:wrap-break-word md:[&>dd]:mb-0 [&>dt]:font-semibold",
        className,
      )}
    >
      {children}
    </dl>
  );
}
