import path from "node:path";
import pg from "pg";
import { configuredDatabase, dataDir, embeddedPgPort } from "@/server/env";
import { startEmbeddedPostgres } from "./embedded";
import { ensureLoginRole } from "./roles";

/**
 * `url` is the app's connection (a role that owns nothing); `ownerUrl` runs migrations and grants.
 * They are the same only when an operator gives DATABASE_URL without DATABASE_OWNER_URL.
 * `exited` settles when the embedded server ends (never for a server at DATABASE_URL).
 */
export type LocalDatabase = { url: string; ownerUrl: string; embedded: boolean; stop: () => Promise<void>; exited: Promise<string> };

// The embedded server's app role. Local only (127.0.0.1); the password keeps other local users out.
export const EMBEDDED_APP_ROLE = "attest_app";
const EMBEDDED_APP_PASSWORD = "attest-app-local";
export const embeddedPort = embeddedPgPort;

/**
 * The database the app uses: DATABASE_URL (and DATABASE_OWNER_URL) when set, otherwise an embedded
 * PostgreSQL with its data under the data directory (kept across restarts).
 */
export async function openLocalDatabase(log: (line: string) => void = () => {}): Promise<LocalDatabase> {
  const configured = configuredDatabase();
  if (configured) {
    return { ...configured, embedded: false, stop: async () => {}, exited: new Promise<string>(() => {}) };
  }
  const server = await startEmbeddedPostgres(path.join(dataDir(), "postgres"), embeddedPort(), log);
  await ensureDatabase(server.url("postgres"), "attest");
  await ensureLoginRole(server.url("postgres"), EMBEDDED_APP_ROLE, EMBEDDED_APP_PASSWORD);
  return { url: embeddedAppUrl(embeddedPort()), ownerUrl: server.url("attest"), embedded: true, stop: server.stop, exited: server.exited };
}

export const embeddedAppUrl = (port: number) => `postgresql://${EMBEDDED_APP_ROLE}:${EMBEDDED_APP_PASSWORD}@127.0.0.1:${port}/attest`;

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
