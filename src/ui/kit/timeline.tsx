import { formatDate } from "@/lib/format";

const WIDTH = 160;
// Up to this many dates are read out one by one; more are summarised (how many, first and last).
const LISTED = 6;

// A dot is 8 px wide: dates closer than that share one, so hundreds of dates draw at most ~20 dots.
const STEP = 8;

/** Where the dots go, on a grid of one dot's width: the same few however many dates there are. */
export function timelineDots(dates: Date[], span: { from: Date; to: Date }, width = WIDTH): number[] {
  const range = Math.max(1, span.to.getTime() - span.from.getTime());
  const at = (d: Date) => Math.min(width - 6, 6 + Math.round((((d.getTime() - span.from.getTime()) / range) * (width - 12)) / STEP) * STEP);
  return [...new Set(dates.map(at))].sort((a, b) => a - b);
}

/** The dates in words: each of a few, or how many and from when to when. */
export function timelineWords(dates: Date[]): string {
  if (dates.length <= LISTED) return dates.map(formatDate).join(", ");
  const times = dates.map((d) => d.getTime());
  return `${dates.length} dates, ${formatDate(new Date(Math.min(...times)))} to ${formatDate(new Date(Math.max(...times)))}`;
}

/**
 * Dates as dots on a line spanning `span`, with the dates in words beside it (what a screen
 * reader reads; the line is hidden from it). Its size stays the same however many dates it has.
 */
export function Timeline({ dates, span, label }: { dates: Date[]; span: { from: Date; to: Date }; label: string }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-2 text-brand">
      <svg width={WIDTH} height="16" viewBox={`0 0 ${WIDTH} 16`} aria-hidden="true" focusable="false" className="max-w-full">
        <line x1="6" y1="8" x2={WIDTH - 6} y2="8" stroke="currentColor" strokeWidth="1" />
        {timelineDots(dates, span).map((x) => (
          <circle key={x} cx={x} cy="8" r="4" fill="currentColor" />
        ))}
      </svg>
      <span className="visually-hidden">{label}: </span>
      <span className="text-ink">{timelineWords(dates)}</span>
    </span>
  );
}
