import pg from "pg";
import { openLocalDatabase } from "@/server/db/local-database";
import { setUpDatabase } from "@/server/startup/set-up-database";
import { type CentreSize, generateCentre } from "./generate";

/**
 * Prepares the benchmark's own embedded database (its own data directory): schema, units, demo
 * data, the generated centre, and pg_stat_statements loaded from the next start on, so the app's
 * statements can be counted. Leaves the server stopped; `npm start` starts it again.
 */
export async function prepareDatabase(options: { dataDir: string; pgPort: number; size: CentreSize; log: (line: string) => void }) {
  process.env.ATTEST_DATA_DIR = options.dataDir;
  process.env.ATTEST_PG_PORT = String(options.pgPort);
  const database = await openLocalDatabase();
  try {
    await setUpDatabase(database, { demo: true, log: options.log });
    const counts = await generateCentre(database.ownerUrl, options.size, options.log);
    const client = new pg.Client({ connectionString: database.ownerUrl });
    await client.connect();
    await client.query("ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'");
    await client.query("ALTER SYSTEM SET pg_stat_statements.track_utility = off");
    await client.end();
    return { counts, ownerUrl: database.ownerUrl };
  } finally {
    await database.stop();
  }
}
