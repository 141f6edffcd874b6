import type { ReactNode } from "react";
import { cn } from "./cn";

type Props = {
  title?: ReactNode;
  /** The heading level that fits the page's outline; 3 under a page's h2 sections. */
  level?: 2 | 3 | 4;
  /** Rendered as a list item inside a CardList. */
  as?: "div" | "li" | "section";
  className?: string;
  children: ReactNode;
};

/** A panel with a coloured edge that groups one thing's facts and links. */
export function Card({ title, level = 3, as: Tag = "div", className, children }: Props) {
  const Heading = `h${level}` as const;
  return (
    <Tag className={cn("min-w-0 rounded-md border border-l-[6px] border-line border-l-brand bg-panel p-4", className)}>
      {title && <Heading className="mt-0 mb-2 text-xl">{title}</Heading>}
      {children}
    </Tag>
  );
}

/** Cards in a grid that fills the width and drops to one column on a phone. */
export function CardList({ children, className }: { children: ReactNode; className?: string }) {
  return <ul className={cn("card-list", className)}>{children}</ul>;
}
