import type { ReactNode } from "react";
import { cn } from "./cn";

type Props = {
  /** Names the scrolling region for screen readers (a region needs a name). */
  label: string;
  caption: ReactNode;
  /** thead and tbody. */
  children: ReactNode;
  /** When there are no rows, this shows instead of an empty table. */
  empty?: ReactNode;
  isEmpty?: boolean;
  /** Below the md width, show each row as a card; each td needs data-label (its column's name). */
  stack?: boolean;
  className?: string;
  /** Classes for the table itself (borders on every cell for a matrix, say). */
  tableClassName?: string;
};

/**
 * A table that scrolls sideways inside its own region on a narrow screen (keyboard too: the
 * region takes focus), with shadows at the edges that show there is more to see; or, with
 * `stack`, shows each row as a card there.
 */
export function DataTable({ label, caption, children, empty, isEmpty, stack, className, tableClassName }: Props) {
  if (isEmpty) return <EmptyState>{empty ?? "Nothing to show."}</EmptyState>;
  return (
    <div className={cn("scroll-cue mt-2 mb-4 print:overflow-visible", className)} role="region" aria-label={label} tabIndex={0}>
      <table className={cn("my-0", stack && "stacked-table", tableClassName)}>
        <caption>{caption}</caption>
        {children}
      </table>
    </div>
  );
}

/** What a list or table says when it has nothing in it. */
export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="rounded-md border border-dashed border-line-strong bg-panel px-4 py-3 text-muted">{children}</p>;
}
