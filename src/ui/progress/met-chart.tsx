import { formatDate } from "@/lib/format";
import { type MetPoint, linear } from "@/lib/progress/met-series";
import { DataTable } from "@/ui/kit/data-table";

// A narrow drawing, so its words stay readable when it shrinks to a phone's width.
const W = 480;
const H = 260;
const M = { top: 16, right: 20, bottom: 40, left: 44 };
const DAY_MS = 86_400_000;
const dayOf = (day: string) => new Date(`${day}T00:00:00Z`);

/** What the chart shows, in a sentence: its description, and the caption under it. */
export function metChartDescription(points: MetPoint[], total: number): string {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return `No criterion of ${total} has been met yet.`;
  if (first === last) return `${last.met} of ${total} criteria met on ${formatDate(dayOf(last.day))}.`;
  return `${last.met} of ${total} criteria met by ${formatDate(dayOf(last.day))}, from ${first.met} on ${formatDate(dayOf(first.day))}, over ${points.length} days on which the count changed.`;
}

/**
 * Criteria met over time as a server-drawn SVG (prints, needs no JavaScript; a title and a
 * description for assistive technology), and the same numbers as a table beside it.
 */
export function MetChart({ id, points, total }: { id: string; points: MetPoint[]; total: number }) {
  const caption = "Criteria met over time";
  if (points.length === 0) return <p>No criterion has been met yet, so there is nothing to chart.</p>;
  const times = points.map((p) => dayOf(p.day).getTime());
  const [first, last] = [Math.min(...times), Math.max(...times)];
  const x = linear(first === last ? [first - DAY_MS, last + DAY_MS] : [first, last], [M.left, W - M.right]);
  const y = linear([0, Math.max(total, 1)], [H - M.bottom, M.top]);
  const at = (i: number) => x(times[i] ?? first);
  // A step line: the count holds until the day it changes.
  const path = points.map((p, i) => (i === 0 ? `M${at(i)},${y(p.met)}` : `H${at(i)}V${y(p.met)}`)).join("");
  const yTicks = [...new Set([0, Math.round(total / 2), total])];
  const description = metChartDescription(points, total);
  return (
    <div className="grid items-start gap-4 md:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <figure className="m-0 min-w-0">
        <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="h-auto w-full max-w-2xl" data-chart="met">
          <title id={`${id}-title`}>{caption}</title>
          <desc id={`${id}-desc`}>{description}</desc>
          {yTicks.map((t) => (
            <g key={t}>
              <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} className="stroke-line" strokeWidth="1" />
              <text x={M.left - 8} y={y(t) + 5} textAnchor="end" fontSize="14" className="fill-muted">
                {t}
              </text>
            </g>
          ))}
          {first === last ? (
            <text x={at(0)} y={H - 12} textAnchor="middle" fontSize="14" className="fill-muted">
              {formatDate(new Date(first))}
            </text>
          ) : (
            <>
              <text x={M.left} y={H - 12} fontSize="14" className="fill-muted">
                {formatDate(new Date(first))}
              </text>
              <text x={W - M.right} y={H - 12} textAnchor="end" fontSize="14" className="fill-muted">
                {formatDate(new Date(last))}
              </text>
            </>
          )}
          <path d={path} fill="none" className="stroke-success" strokeWidth="3" />
          {points.map((p, i) => (
            <circle key={p.day} cx={at(i)} cy={y(p.met)} r="5" className="fill-success" />
          ))}
        </svg>
        <figcaption className="text-muted">{description}</figcaption>
      </figure>
      <DataTable label={`${caption}, as a table`} caption={`${caption}, as a table`} className="mt-0">
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Criteria met</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.day}>
              <td>{formatDate(dayOf(p.day))}</td>
              <td>
                {p.met} of {total}
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </div>
  );
}
