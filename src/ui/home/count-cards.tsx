import Link from "next/link";
import { type Tone, cn } from "@/ui/kit";

export type Count = {
  label: string;
  value: number;
  /** Where the list behind the count is: on the page (#id) or a filtered page. */
  href?: string;
  /** Shown when the count is above zero, so what needs doing stands out (the label says it too). */
  tone?: Tone;
  note?: string;
};

const edges: Record<Tone, string> = {
  success: "border-l-success",
  warning: "border-l-warning",
  danger: "border-l-danger",
  info: "border-l-brand",
  neutral: "border-l-line-strong",
};

/** A row of counts at the top of a dashboard, each a way into its list. */
export function CountCards({ label, counts }: { label: string; counts: Count[] }) {
  return (
    <ul aria-label={label} className="m-0 mb-4 grid list-none grid-cols-[repeat(auto-fit,minmax(min(8.5rem,100%),1fr))] gap-3 p-0">
      {counts.map((c) => {
        const body = (
          <>
            <span className="block text-3xl leading-tight font-bold text-ink">{c.value}</span>
            <span className="block text-sm font-semibold hyphens-auto sm:text-base">{c.label}</span>
            {c.note && <span className="block text-sm text-muted">{c.note}</span>}
          </>
        );
        const box = cn(
          "block h-full min-w-0 rounded-md border border-l-[6px] border-line bg-panel p-3 break-words",
          edges[c.value > 0 && c.tone ? c.tone : "neutral"],
        );
        return (
          <li key={c.label} className="min-w-0">
            {c.href ? (
              <Link href={c.href} className={cn(box, "no-underline hover:underline")}>
                {body}
              </Link>
            ) : (
              <div className={box}>{body}</div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
