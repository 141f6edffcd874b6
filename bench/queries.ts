import pg from "pg";

// Counts the SQL statements the app's role runs, from PostgreSQL's own pg_stat_statements, so the
// app needs no instrumentation. Requests are measured one at a time, so the difference is theirs.
export async function queryCounter(ownerUrl: string, appRole: string) {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  await client.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
  const total = async () => {
    const { rows } = await client.query<{ n: string | null }>(
      "SELECT sum(calls) AS n FROM pg_stat_statements s JOIN pg_roles r ON r.oid = s.userid WHERE r.rolname = $1",
      [appRole],
    );
    return Number(rows[0]?.n ?? 0);
  };
  return {
    /** Runs `work` and answers how many statements the app ran meanwhile. */
    async during<T>(work: () => Promise<T>): Promise<{ result: T; queries: number }> {
      const before = await total();
      const result = await work();
      return { result, queries: (await total()) - before };
    },
    close: () => client.end(),
  };
}
