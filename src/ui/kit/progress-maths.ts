export type RingSegment = { value: number };

/** One arc of a ring drawn with stroke-dasharray: how long it is and where it starts along the circle. */
export type Arc = { length: number; gap: number; offset: number };

export const circumference = (radius: number) => 2 * Math.PI * radius;

/**
 * The arcs of a ring split into segments in order, clockwise from twelve o'clock. A segment's
 * arc is its share of `total` (at least the sum of the values) of the circumference.
 */
export function ringArcs(values: number[], radius: number, total = values.reduce((a, b) => a + b, 0)): Arc[] {
  const c = circumference(radius);
  const whole = Math.max(
    total,
    values.reduce((a, b) => a + Math.max(0, b), 0),
    1,
  );
  let start = 0;
  return values.map((v) => {
    const length = (Math.max(0, v) / whole) * c;
    // stroke-dashoffset moves the dash back along the path; a positive offset starts it later.
    const arc = { length, gap: c - length, offset: start === 0 ? 0 : -start };
    start += length;
    return arc;
  });
}

/** A whole percentage for text, never showing 100% before everything is done. */
export function percent(value: number, max: number): number {
  if (max <= 0) return 0;
  const p = Math.round((Math.max(0, Math.min(value, max)) / max) * 100);
  return p === 100 && value < max ? 99 : p;
}
