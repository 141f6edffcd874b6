// Integration tests run against a real PostgreSQL: TEST_DATABASE_URL when set, otherwise an
// embedded server. Three template databases are prepared once: "schema" (migrated, empty), "units"
// (the unit catalogue published: where tests build their own centres and people) and "demo" (units
// and the demo centres). Every test file gets its own fresh copy (CREATE DATABASE … TEMPLATE), so
// files never see each other's rows.
import { generateKeyPairSync } from "node:crypto";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "@/server/db/embedded";
import { applyMigrations } from "@/server/db/migrations";
import { createDb } from "@/server/db/client";
import { ensureLoginRole, grantAppRole } from "@/server/db/roles";
import { loadDemo } from "@/server/demo/load-demo";
import { loadUnitFiles } from "@/server/standards/load";
import { publishUnits } from "@/server/standards/publish";

declare module "vitest" {
  export interface ProvidedContext {
    adminUrl: string;
    templates: { schema: string; units: string; demo: string };
    appRole: { name: string; password: string };
    signingKey: string;
  }
}

function withDatabase(url: string, database: string) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export default async function setup(project: TestProject) {
  let adminUrl = process.env.TEST_DATABASE_URL;
  let stop = async () => {};
  if (!adminUrl) {
    const server = await startEmbeddedPostgres(path.resolve(".data/test-postgres"), Number(process.env.ATTEST_TEST_PG_PORT ?? 54339));
    adminUrl = server.url("postgres");
    stop = server.stop;
  }
  try {
    return await prepare(project, adminUrl, stop);
  } catch (e) {
    await stop();
    throw e;
  }
}

async function prepare(project: TestProject, adminUrl: string, stop: () => Promise<void>) {
  const run = `${process.pid}_${Date.now().toString(36)}`;
  const templates = { schema: `attest_tpl_schema_${run}`, units: `attest_tpl_units_${run}`, demo: `attest_tpl_demo_${run}` };
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  for (const name of [templates.schema, templates.units]) {
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
    await applyMigrations(withDatabase(adminUrl, name));
  }
  // Tests use the app's database role, as the app does; grants are copied with each template.
  const appRole = { name: "attest_app_test", password: "attest-app-test" };
  await ensureLoginRole(adminUrl, appRole.name, appRole.password);
  for (const name of [templates.schema, templates.units]) await grantAppRole(withDatabase(adminUrl, name), appRole.name);
  const unitsDb = createDb(withDatabase(adminUrl, templates.units));
  await publishUnits(unitsDb, await loadUnitFiles());
  await unitsDb.$disconnect();
  // The demo starts from the published units. Its portfolio's files go where every copy of the demo database can find them.
  await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(templates.demo)} TEMPLATE ${pg.escapeIdentifier(templates.units)}`);
  process.env.ATTEST_FILES_DIR = path.resolve(`.data/test-files/${templates.demo}`);
  const demoDb = createDb(withDatabase(adminUrl, templates.demo));
  await loadDemo(demoDb);
  await demoDb.$disconnect();

  project.provide("adminUrl", adminUrl);
  project.provide("templates", templates);
  project.provide("appRole", appRole);
  project.provide("signingKey", generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString());

  return async () => {
    // Drop every database this run made (templates and per-file copies).
    const made = await admin.query("SELECT datname FROM pg_database WHERE datname LIKE $1", [`attest_%${run}%`]);
    for (const { datname } of made.rows) await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(datname)} WITH (FORCE)`);
    await admin.end();
    await stop();
    const { rm, readdir } = await import("node:fs/promises");
    for (const dir of await readdir(".data/test-files").catch(() => [] as string[]))
      if (dir.includes(run)) await rm(`.data/test-files/${dir}`, { recursive: true, force: true });
  };
}
