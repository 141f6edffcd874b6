import { formatDate } from "@/lib/format";
import { type MetPoint, linear } from "@/lib/progress/met-series";

const W = 640;
const H = 240;
const M = { top: 12, right: 16, bottom: 36, left: 44 };
const DAY_MS = 86_400_000;

/**
 * Criteria met over time as a server-drawn SVG (prints, needs no JavaScript), with its title and
 * description for assistive technology and the same numbers as a table beside it.
 */
export function MetChart({ id, points, total }: { id: string; points: MetPoint[]; total: number }) {
  const caption = "Criteria met over time";
  if (points.length === 0) return <p>No criterion has been met yet, so there is nothing to chart.</p>;
  const times = points.map((p) => Date.parse(`${p.day}T00:00:00Z`));
  const [first, last] = [Math.min(...times), Math.max(...times)];
  const x = linear(first === last ? [first - DAY_MS, last + DAY_MS] : [first, last], [M.left, W - M.right]);
  const y = linear([0, Math.max(total, 1)], [H - M.bottom, M.top]);
  const at = (i: number) => x(times[i] ?? first);
  const path = points.map((p, i) => (i === 0 ? `M${at(i)},${y(p.met)}` : `H${at(i)}V${y(p.met)}`)).join("");
  const yTicks = [...new Set([0, Math.round(total / 2), total])];
  const [start, latest] = [points[0]?.met ?? 0, points.at(-1)?.met ?? 0];
  const description = `${latest} of ${total} criteria met by ${formatDate(new Date(last))}, from ${start} on ${formatDate(new Date(first))}.`;
  return (
    <div className="chart-pair">
      <figure className="chart">
        <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="chart-svg">
          <title id={`${id}-title`}>{caption}</title>
          <desc id={`${id}-desc`}>{description}</desc>
          {yTicks.map((t) => (
            <g key={t}>
              <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} stroke="#c9ced6" strokeWidth="1" />
              <text x={M.left - 8} y={y(t) + 4} textAnchor="end" fontSize="12" fill="#3d4551">
                {t}
              </text>
            </g>
          ))}
          <text x={M.left} y={H - 10} fontSize="12" fill="#3d4551">
            {formatDate(new Date(first))}
          </text>
          <text x={W - M.right} y={H - 10} textAnchor="end" fontSize="12" fill="#3d4551">
            {formatDate(new Date(last))}
          </text>
          <path d={path} fill="none" stroke="#1d6b2f" strokeWidth="3" />
          {points.map((p, i) => (
            <circle key={p.day} cx={at(i)} cy={y(p.met)} r="4" fill="#1d6b2f" />
          ))}
        </svg>
        <figcaption>{description}</figcaption>
      </figure>
      <table className="chart-table">
        <caption>{caption}, as a table</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Criteria met</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.day}>
              <td>{formatDate(new Date(`${p.day}T00:00:00Z`))}</td>
              <td>
                {p.met} of {total}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
