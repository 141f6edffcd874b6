import { loadDemo } from "../demo/load-demo";
import { sweepUnreferencedFiles } from "../storage/sweep";
import { loadUnitFiles } from "../standards/load";
import { publishUnits } from "../standards/publish";
import { createDb } from "./client";
import { applyMigrations } from "./migrations";

/** Brings a database up to date: migrations, the unit catalogue, and (when asked) the demo data. */
export async function setUpDatabase(databaseUrl: string, options: { demo: boolean; log?: (line: string) => void; standardsDir?: string }) {
  const log = options.log ?? (() => {});
  const units = await loadUnitFiles(options.standardsDir); // validate before touching the database
  const applied = await applyMigrations(databaseUrl);
  log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Database schema is up to date.");
  const db = createDb(databaseUrl);
  try {
    const published = await publishUnits(db, units);
    if (published.published.length) log(`Published units: ${published.published.join(", ")}`);
    if (options.demo) {
      await loadDemo(db);
      log("Demo centres are loaded (demo accounts only; see README).");
    }
    const swept = await sweepUnreferencedFiles(db);
    if (swept.length) log(`Removed ${swept.length} file(s) left by interrupted uploads.`);
  } finally {
    await db.$disconnect();
  }
}
