import type { PageCase, Role } from "./pages";
import type { Session } from "./session";
import { summarise } from "./stats";

export type TrafficResult = {
  connections: number;
  seconds: number;
  requests: number;
  perSecond: number;
  errors: number;
  median: number;
  p95: number;
  p99: number;
};

/** `connections` clients each GET the pages in turn, back to back, for `seconds`. */
export async function mixedTraffic(cases: PageCase[], sessions: Record<Role, Session>, connections: number, seconds: number): Promise<TrafficResult> {
  const times: number[] = [];
  let errors = 0;
  const deadline = performance.now() + seconds * 1000;
  const client = async (offset: number) => {
    for (let i = offset; performance.now() < deadline; i++) {
      const page = cases[i % cases.length];
      if (!page) return;
      const started = performance.now();
      try {
        const response = await sessions[page.role].get(page.path);
        await response.arrayBuffer();
        if (response.status >= 400) errors++;
      } catch {
        errors++;
      }
      times.push(performance.now() - started);
    }
  };
  const began = performance.now();
  await Promise.all(Array.from({ length: connections }, (_, i) => client(i)));
  const elapsed = (performance.now() - began) / 1000;
  return {
    connections,
    seconds: Math.round(elapsed * 10) / 10,
    requests: times.length,
    perSecond: Math.round((times.length / elapsed) * 10) / 10,
    errors,
    ...summarise(times),
  };
}
