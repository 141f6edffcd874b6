import type { ReactNode } from "react";
import { DataTable } from "./kit/data-table";

/** A table that, at narrow widths, scrolls sideways on its own (keyboard too) instead of the whole page. */
export function ScrollingTable({ label, caption, children }: { label: string; caption: ReactNode; children: ReactNode }) {
  return (
    <DataTable label={label} caption={caption}>
      {children}
    </DataTable>
  );
}
