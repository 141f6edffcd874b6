import Link from "next/link";

/** Previous/next links for a paged list; `href` builds the link of a page (keeping any filters). */
export function Pager({ label, page, pages, href }: { label: string; page: number; pages: number; href: (page: number) => string }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={label} className="pager">
      {page > 1 && <Link href={href(page - 1)}>Previous page</Link>}
      <span>
        Page {page} of {pages}
      </span>
      {page < pages && <Link href={href(page + 1)}>Next page</Link>}
    </nav>
  );
}
