// npm run db:migrate — applies pending migrations to the database (as its owner) and renews the app role's grants.
import { applyMigrations } from "@/server/db/migrations";
import { openLocalDatabase } from "@/server/db/local-database";
import { grantAppRole, roleOf } from "@/server/db/roles";

const db = await openLocalDatabase();
try {
  const applied = await applyMigrations(db.ownerUrl);
  if (db.ownerUrl !== db.url) await grantAppRole(db.ownerUrl, roleOf(db.url));
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date.");
} finally {
  await db.stop();
}
