import Link from "next/link";

/** Previous/next links for a paged list; `href` builds the link of a page (keeping any filters). */
export function Pager({ label, page, pages, href }: { label: string; page: number; pages: number; href: (page: number) => string }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={label} className="pager my-4">
      {page > 1 && (
        <Link href={href(page - 1)} rel="prev" className="font-semibold">
          <span aria-hidden="true">← </span>Previous page
        </Link>
      )}
      <span>
        Page {page} of {pages}
      </span>
      {page < pages && (
        <Link href={href(page + 1)} rel="next" className="font-semibold">
          Next page<span aria-hidden="true"> →</span>
        </Link>
      )}
    </nav>
  );
}
