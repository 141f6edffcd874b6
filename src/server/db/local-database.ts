import path from "node:path";
import pg from "pg";
import { dataDir } from "../data-dir";
import { startEmbeddedPostgres } from "./embedded";

/** `exited` settles when the embedded server ends (never for a server at DATABASE_URL). */
export type LocalDatabase = { url: string; embedded: boolean; stop: () => Promise<void>; exited: Promise<string> };

export { dataDir };

/**
 * The database the app uses: DATABASE_URL when set, otherwise an embedded PostgreSQL with its
 * data under the data directory (kept across restarts).
 */
export async function openLocalDatabase(log: (line: string) => void = () => {}): Promise<LocalDatabase> {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {}, exited: new Promise<string>(() => {}) };
  }
  const port = Number(process.env.ATTEST_PG_PORT ?? 54329);
  const server = await startEmbeddedPostgres(path.join(dataDir(), "postgres"), port, log);
  await ensureDatabase(server.url("postgres"), "attest");
  return { url: server.url("attest"), embedded: true, stop: server.stop, exited: server.exited };
}

export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
    }
  } finally {
    await client.end();
  }
}
