import { writeCheckpoint } from "@/server/audit/checkpoint";
import type { SigningKey } from "@/server/audit/signing-key";
import { createDb } from "@/server/db/client";
import { applyMigrations } from "@/server/db/migrations";
import { grantAppRole, ownershipProblem, roleOf } from "@/server/db/roles";
import { loadDemo } from "@/server/demo/load-demo";
import { ownerRoleAllowed } from "@/server/env";
import { loadUnitFiles } from "@/server/standards/load";
import { publishUnits } from "@/server/standards/publish";
import { sweepUnreferencedFiles } from "@/server/storage/sweep";

type Options = { demo: boolean; log?: (line: string) => void; standardsDir?: string; signingKey?: SigningKey; production?: boolean };

/**
 * Brings a database up to date as its owner: migrations, the app role's grants, the unit catalogue,
 * the demo data (when asked), and a signed checkpoint of the audit chain.
 */
export async function setUpDatabase(database: { url: string; ownerUrl: string }, options: Options) {
  const log = options.log ?? (() => {});
  const units = await loadUnitFiles(options.standardsDir); // validate before touching the database
  const applied = await applyMigrations(database.ownerUrl);
  log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Database schema is up to date.");
  if (database.ownerUrl !== database.url) await grantAppRole(database.ownerUrl, roleOf(database.url));
  const problem = await ownershipProblem(database.url);
  if (problem) {
    const message = `${problem}, so it could rewrite history. Give the app a role that owns nothing (DATABASE_URL) and the owner role to DATABASE_OWNER_URL; see the README.`;
    if (options.production && !ownerRoleAllowed()) throw new Error(message);
    log(`Warning: ${message}`);
  }
  const db = createDb(database.ownerUrl);
  try {
    const published = await publishUnits(db, units);
    if (published.published.length) log(`Published units: ${published.published.join(", ")}`);
    if (options.demo) {
      await loadDemo(db);
      log("Demo centres are loaded (demo accounts only; see README).");
    }
    const swept = await sweepUnreferencedFiles(db);
    if (swept.length) log(`Removed ${swept.length} file(s) left by interrupted uploads.`);
    if (options.signingKey) await writeCheckpoint(db, options.signingKey, "start");
  } finally {
    await db.$disconnect();
  }
}
