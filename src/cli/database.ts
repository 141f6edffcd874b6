import pg from "pg";
import { configuredDatabase } from "@/server/env";
import { embeddedAppUrl, embeddedPort, openLocalDatabase } from "@/server/db/local-database";

/** DATABASE_URL; else the embedded database, reached while `npm start` runs it, or started for the command. */
export async function cliDatabase(): Promise<{ url: string; stop: () => Promise<void> }> {
  const configured = configuredDatabase();
  if (configured) return { url: configured.url, stop: async () => {} };
  const url = embeddedAppUrl(embeddedPort());
  const probe = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await probe.connect();
    await probe.end();
    return { url, stop: async () => {} };
  } catch {
    await probe.end().catch(() => {});
    const local = await openLocalDatabase();
    return { url: local.url, stop: local.stop };
  }
}
