import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SNAPSHOT, applyMigrations, listMigrationDirs, migrationsDir, pendingSchemaSql, schemaPath } from "@/server/db/migrations";
import { noFilters, openSchemaEngine } from "@/server/db/schema-engine";
import { freshDatabase } from "../support/db";

const { ownerUrl: url } = await freshDatabase("schema");

describe("migrations", () => {
  it("cover every change to prisma/schema.prisma", async () => {
    const pending = await pendingSchemaSql(await readFile(schemaPath, "utf8"), url);
    expect(pending, "prisma/schema.prisma changed without a migration: run `npm run db:migration -- <name>`").toBeNull();
  });

  it("each hold the SQL between their schema snapshot and the one before", async () => {
    const dirs = await listMigrationDirs();
    let previous: string | null = null;
    for (const dir of dirs) {
      const snapshot = await readFile(path.join(migrationsDir, dir, SNAPSHOT), "utf8");
      const sql = await readFile(path.join(migrationsDir, dir, "migration.sql"), "utf8");
      const { engine, close } = await openSchemaEngine(url, snapshot);
      const file = (content: string) => ({ tag: "schemaDatamodel" as const, files: [{ path: "schema.prisma", content }] });
      const diff = await engine.diff({
        from: previous === null ? { tag: "empty" } : file(previous),
        to: file(snapshot),
        script: true,
        exitCode: true,
        filters: noFilters,
      });
      await close();
      // Hand-written SQL may follow the generated part (triggers, for instance).
      expect(sql.startsWith(diff.stdout ?? ""), `${dir}/migration.sql does not start with the SQL its snapshot implies`).toBe(true);
      previous = snapshot;
    }
  });

  it("were applied to the template and apply nothing twice", async () => {
    expect(await applyMigrations(url)).toEqual([]);
  });
});
