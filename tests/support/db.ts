import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { cp } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { type Db, createDb, useDb } from "@/server/db/client";

/**
 * A fresh database for this test file, copied from a template: "units" (the unit catalogue
 * published, nobody in it: build what the test needs with tests/support/builders.ts), "schema"
 * (migrated, empty) or "demo" (units and the demo centres, for tests of the demo data itself). `db` connects as the app's role (owns nothing), as
 * the app does, and the app's own db points at it too; `ownerDb` is the owner, for tampering.
 */
export async function freshDatabase(from: "schema" | "units" | "demo" = "units"): Promise<{ db: Db; url: string; ownerDb: Db; ownerUrl: string }> {
  const adminUrl = inject("adminUrl");
  const template = inject("templates")[from];
  const name = `${template.replace("_tpl_", "_f_")}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  // Files start in parallel; a template being copied for another file is briefly busy.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE ${pg.escapeIdentifier(template)}`);
      break;
    } catch (e) {
      if (attempt > 50 || !/being accessed by other users/.test((e as Error).message)) throw e;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  // Each file keeps its stored files apart too, so one file's storage sweep never sees another's.
  process.env.ATTEST_FILES_DIR = path.resolve(`.data/test-files/${name}`);
  // Its own data directory (the audit checkpoint file) and the run's audit signing key.
  process.env.ATTEST_DATA_DIR = path.resolve(`.data/test-files/${name}-data`);
  process.env.ATTEST_SIGNING_KEY = inject("signingKey");
  const templateFiles = path.resolve(`.data/test-files/${template}`);
  if (existsSync(templateFiles)) await cp(templateFiles, process.env.ATTEST_FILES_DIR, { recursive: true });
  const ownerUrl = url.toString();
  const role = inject("appRole");
  url.username = role.name;
  url.password = role.password;
  const db = createDb(url.toString());
  const ownerDb = createDb(ownerUrl);
  useDb(db);
  afterAll(() => Promise.all([db.$disconnect(), ownerDb.$disconnect()]));
  return { db, url: url.toString(), ownerDb, ownerUrl };
}
