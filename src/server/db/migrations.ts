import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { noFilters, openSchemaEngine } from "./schema-engine";

export const migrationsDir = path.resolve(process.cwd(), "prisma/migrations");
export const schemaPath = path.resolve(process.cwd(), "prisma/schema.prisma");
// Each migration keeps the schema it was made from, so the next one is a schema-to-schema
// diff (introspecting a live database fails with the WebAssembly engine; see the decision record).
export const SNAPSHOT = "schema.prisma.snapshot";

export async function listMigrationDirs(): Promise<string[]> {
  if (!existsSync(migrationsDir)) return [];
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

async function loadMigrationsList() {
  const dirs = await listMigrationDirs();
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: await readFile(lockPath, "utf8") },
    migrationDirectories: await Promise.all(
      dirs.map(async (dir) => ({
        path: dir,
        migrationFile: {
          path: "migration.sql",
          content: { tag: "ok" as const, value: await readFile(path.join(migrationsDir, dir, "migration.sql"), "utf8") },
        },
      })),
    ),
    shadowDbInitScript: "",
  };
}

/** Applies every pending migration; returns the names applied. */
export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  const { engine, close } = await openSchemaEngine(databaseUrl, await readFile(schemaPath, "utf8"));
  try {
    const migrationsList = await loadMigrationsList();
    const result = await engine.applyMigrations({ migrationsList, filters: noFilters });
    return result.appliedMigrationNames;
  } finally {
    await close();
  }
}

/** The schema the newest migration was made from, or null when there is none. */
export async function latestSnapshot(): Promise<string | null> {
  const dirs = await listMigrationDirs();
  const last = dirs.at(-1);
  if (!last) return null;
  return readFile(path.join(migrationsDir, last, SNAPSHOT), "utf8");
}

/**
 * SQL that takes a database from the newest migration's schema to `schemaText`;
 * null when there is no difference.
 */
export async function pendingSchemaSql(schemaText: string, databaseUrl: string): Promise<string | null> {
  const previous = await latestSnapshot();
  const { engine, close } = await openSchemaEngine(databaseUrl, schemaText);
  try {
    const file = (content: string) => ({ tag: "schemaDatamodel" as const, files: [{ path: "schema.prisma", content }] });
    const result = await engine.diff({
      from: previous === null ? { tag: "empty" } : file(previous),
      to: file(schemaText),
      script: true,
      exitCode: true,
      filters: noFilters,
    });
    return result.exitCode === 2 ? result.stdout : null;
  } finally {
    await close();
  }
}
