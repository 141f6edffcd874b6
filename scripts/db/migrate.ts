// npm run db:migrate — applies pending migrations to DATABASE_URL or the embedded database.
import { applyMigrations } from "../../src/server/db/migrations";
import { openLocalDatabase } from "../../src/server/db/local-database";

const db = await openLocalDatabase();
try {
  const applied = await applyMigrations(db.url);
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date.");
} finally {
  await db.stop();
}
