export type SortDirection = "asc" | "desc";
export type Sort = { by: string; dir: SortDirection };

/** The sort a column's header link asks for: the other direction when it is the current column, else ascending. */
export function nextSort(column: string, current: Sort | null): Sort {
  return current?.by === column && current.dir === "asc" ? { by: column, dir: "desc" } : { by: column, dir: "asc" };
}

/** aria-sort for a column header: only the column the rows are sorted by says how. */
export function ariaSort(column: string, current: Sort | null): "ascending" | "descending" | undefined {
  if (current?.by !== column) return undefined;
  return current.dir === "asc" ? "ascending" : "descending";
}
