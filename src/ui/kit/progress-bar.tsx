import { cn } from "./cn";
import { percent } from "./progress-maths";

type Props = { value: number; max: number; label: string; className?: string };

/**
 * A bar that fills as `value` nears `max`, with the numbers in words beside it. Server-rendered
 * SVG: no inline style (the CSP forbids it), and it prints.
 */
export function ProgressBar({ value, max, label, className }: Props) {
  const p = percent(value, max);
  const text = `${label}: ${value} of ${max} (${p}%)`;
  return (
    <div className={cn("flex items-center gap-3", className)}>
      <svg role="img" aria-label={text} viewBox="0 0 100 10" preserveAspectRatio="none" className="h-3 w-full max-w-64 min-w-16 flex-1 rounded-sm">
        <title>{text}</title>
        <rect width="100" height="10" className="fill-panel stroke-line-strong" strokeWidth="0.5" vectorEffect="non-scaling-stroke" />
        <rect width={p} height="10" className="fill-brand" />
      </svg>
      <span aria-hidden="true" className="text-sm whitespace-nowrap">
        {value} of {max}
      </span>
    </div>
  );
}
