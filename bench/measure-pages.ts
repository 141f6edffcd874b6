import type { PageCase, Role } from "./pages";
import type { Session } from "./session";
import { summarise } from "./stats";

export type PageResult = { name: string; path: string; median: number; p95: number; bytes: number; queries: number; status: number };
type Counter = { during<T>(work: () => Promise<T>): Promise<{ result: T; queries: number }> };

/** Each page `runs` times, one request at a time: time to the last byte, size, and SQL statements. */
export async function measurePages(
  cases: PageCase[],
  sessions: Record<Role, Session>,
  counter: Counter,
  runs: number,
  log: (line: string) => void = () => {},
): Promise<PageResult[]> {
  const results: PageResult[] = [];
  for (const page of cases) {
    const session = sessions[page.role];
    await (await session.get(page.path)).arrayBuffer(); // warm: the first render compiles nothing, but fills caches
    const times: number[] = [];
    let bytes = 0;
    let status = 0;
    let queries = Number.POSITIVE_INFINITY;
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      const measured = await counter.during(async () => {
        const response = await session.get(page.path);
        const body = await response.arrayBuffer();
        return { status: response.status, bytes: body.byteLength };
      });
      times.push(performance.now() - started);
      ({ status, bytes } = measured.result);
      queries = Math.min(queries, measured.queries); // the fewest: a background sweep may add to one run
    }
    const result = { name: page.name, path: page.path, ...summarise(times), bytes, queries, status };
    log(`${page.name}: median ${result.median} ms, p95 ${result.p95} ms, ${Math.round(bytes / 1024)} KB, ${queries} statements`);
    results.push(result);
  }
  return results;
}
