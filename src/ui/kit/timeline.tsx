import { formatDate } from "@/lib/format";

/**
 * Dates as dots on a line spanning `span`, with the dates in words beside it (what a screen
 * reader reads; the line is hidden from it).
 */
export function Timeline({ dates, span, label }: { dates: Date[]; span: { from: Date; to: Date }; label: string }) {
  const width = 160;
  const range = Math.max(1, span.to.getTime() - span.from.getTime());
  const x = (d: Date) => 6 + ((d.getTime() - span.from.getTime()) / range) * (width - 12);
  return (
    <span className="inline-flex flex-wrap items-center gap-2 text-brand">
      <svg width={width} height="16" viewBox={`0 0 ${width} 16`} aria-hidden="true" focusable="false" className="max-w-full">
        <line x1="6" y1="8" x2={width - 6} y2="8" stroke="currentColor" strokeWidth="1" />
        {dates.map((d, i) => (
          <circle key={i} cx={x(d)} cy="8" r="4" fill="currentColor" />
        ))}
      </svg>
      <span className="visually-hidden">{label}: </span>
      <span className="text-ink">{dates.map(formatDate).join(", ")}</span>
    </span>
  );
}
