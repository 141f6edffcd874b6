import { cn } from "./cn";
import { ringArcs } from "./progress-maths";

export type RingPart = { label: string; value: number; /** A stroke class from the tokens, e.g. "stroke-success". */ tone: string };

type Props = {
  /** What the ring is of: "Criteria in CPC 308". */
  title: string;
  parts: RingPart[];
  /** Big text in the middle: "7/12". */
  centre?: string;
  size?: number;
  className?: string;
};

const RADIUS = 15.915; // a circumference of 100, so arc lengths read as percentages

/**
 * A ring split into coloured arcs (met, awaiting, not met…): server-rendered SVG, so it prints
 * and needs no JavaScript. The caption beside it lists every part in words, which is what a
 * screen reader reads; the picture itself is hidden from it.
 */
export function ProgressRing({ title, parts, centre, size = 96, className }: Props) {
  const arcs = ringArcs(
    parts.map((p) => p.value),
    RADIUS,
  ).map((arc, i) => ({ ...arc, part: parts[i] }));
  return (
    <figure className={cn("m-0 inline-flex items-center gap-3", className)}>
      <svg aria-hidden="true" focusable="false" width={size} height={size} viewBox="0 0 36 36" className="flex-none">
        <circle cx="18" cy="18" r={RADIUS} fill="none" className="stroke-panel" strokeWidth="4" />
        <g transform="rotate(-90 18 18)">
          {arcs.map(({ part, length, gap, offset }) =>
            part && length > 0 ? (
              <circle
                key={part.label}
                cx="18"
                cy="18"
                r={RADIUS}
                fill="none"
                className={part.tone}
                strokeWidth="4"
                strokeDasharray={`${length} ${gap}`}
                strokeDashoffset={offset}
              />
            ) : null,
          )}
        </g>
        {centre && (
          <text x="18" y="18" textAnchor="middle" dominantBaseline="central" className="fill-ink text-[0.5rem] font-bold">
            {centre}
          </text>
        )}
      </svg>
      <figcaption className="text-sm">
        <span className="block font-semibold">{title}</span>
        <ul className="m-0 list-none p-0">
          {parts.map((p) => (
            <li key={p.label}>
              {p.label}: {p.value}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
