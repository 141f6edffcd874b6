import type { ReactNode } from "react";

/** A table that, at narrow widths, scrolls sideways on its own (keyboard too) instead of the whole page. */
export function ScrollingTable({ label, caption, children }: { label: string; caption: ReactNode; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      <table>
        <caption>{caption}</caption>
        {children}
      </table>
    </div>
  );
}
