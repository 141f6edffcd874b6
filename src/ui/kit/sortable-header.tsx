import Link from "next/link";
import { type Sort, ariaSort, nextSort } from "./sort";

type Props = { column: string; label: string; sort: Sort | null; href: (sort: Sort) => string };

/** A column header that sorts the table by a link (so it works without JavaScript), saying the order with aria-sort. */
export function SortableHeader({ column, label, sort, href }: Props) {
  const order = ariaSort(column, sort);
  const next = nextSort(column, sort);
  return (
    <th scope="col" aria-sort={order}>
      <Link href={href(next)} className="inline-flex items-center gap-1 text-ink">
        {label}
        <span className="visually-hidden">, sort {next.dir === "asc" ? "ascending" : "descending"}</span>
        <svg aria-hidden="true" focusable="false" width="10" height="14" viewBox="0 0 10 14" className="flex-none">
          <path d="M5 1 9 6H1z" fill={order === "ascending" ? "currentColor" : "none"} stroke="currentColor" />
          <path d="M5 13 1 8h8z" fill={order === "descending" ? "currentColor" : "none"} stroke="currentColor" />
        </svg>
      </Link>
    </th>
  );
}
