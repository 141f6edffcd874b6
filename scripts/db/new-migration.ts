// npm run db:migration -- <name> — writes prisma/migrations/<timestamp>_<name>/ from the
// difference between the newest migration's schema snapshot and prisma/schema.prisma.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { SNAPSHOT, migrationsDir, pendingSchemaSql, schemaPath } from "@/server/db/migrations";
import { openLocalDatabase } from "@/server/db/local-database";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration -- <name>   (lower-case letters, digits and _)");
  process.exit(1);
}
const schema = await readFile(schemaPath, "utf8");
const db = await openLocalDatabase();
try {
  const sql = await pendingSchemaSql(schema, db.ownerUrl);
  if (sql === null) {
    console.log("No change to prisma/schema.prisma since the last migration; nothing written.");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(migrationsDir, `${stamp}_${name}`);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "migration.sql"), sql);
    await writeFile(path.join(dir, SNAPSHOT), schema);
    const lock = path.join(migrationsDir, "migration_lock.toml");
    if (!existsSync(lock)) await writeFile(lock, 'provider = "postgresql"\n');
    console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
  }
} finally {
  await db.stop();
}
