import type { ReactNode } from "react";

/** A unit's facts as name and value pairs, side by side (the names as wide as the longest). */
export function Facts({ children }: { children: ReactNode }) {
  return <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-6 gap-y-1 [&_dd]:m-0 [&_dd]:break-words [&_dt]:font-semibold">{children}</dl>;
}

/** The terms of a list of definitions, each term bold above its meaning. */
export const termListClasses = "[&_dd]:ml-4 [&_dd]:break-words [&_dt]:mt-2 [&_dt]:font-bold";
