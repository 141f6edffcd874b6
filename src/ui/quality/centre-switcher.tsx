import Link from "next/link";

/** For someone in several centres: which centre the page shows, and links to the others. */
export function CentreSwitcher({ centres, current }: { centres: { id: string; name: string }[]; current: string }) {
  if (centres.length < 2) return null;
  return (
    <nav aria-label="Your centres">
      <ul className="flex list-none flex-wrap gap-x-5 gap-y-1 p-0">
        {centres.map((c) => (
          <li key={c.id}>{c.id === current ? <strong aria-current="page">{c.name}</strong> : <Link href={`?centre=${c.id}`}>{c.name}</Link>}</li>
        ))}
      </ul>
    </nav>
  );
}
