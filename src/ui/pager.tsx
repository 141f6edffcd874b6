import Link from "next/link";

export function Pager({ label, param, page, pages }: { label: string; param: string; page: number; pages: number }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={label} className="pager">
      {page > 1 && <Link href={`?${param}=${page - 1}`}>Previous page</Link>}
      <span>
        Page {page} of {pages}
      </span>
      {page < pages && <Link href={`?${param}=${page + 1}`}>Next page</Link>}
    </nav>
  );
}
