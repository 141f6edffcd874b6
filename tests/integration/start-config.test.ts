// A wrong configuration value stops `npm start` before it starts anything, with a message that
// names the variable, rather than failing a request later.
import { execFile } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, expect, it } from "vitest";

const dataDir = path.resolve(`.data/start-config-test-${process.pid}`);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

it("stops at start on a wrong value, naming the variable, before the database starts", async () => {
  const env: NodeJS.ProcessEnv = { ...process.env, ATTEST_DATA_DIR: dataDir, ATTEST_MAX_FILE_BYTES: "2GB", ATTEST_DEMO: "yes" };
  for (const name of ["DATABASE_URL", "NODE_ENV", "VITEST", "VITEST_POOL_ID", "VITEST_WORKER_ID"]) delete env[name];
  const run = promisify(execFile)(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/start.ts"], { env, timeout: 25_000 });
  const failure = await run.then(
    () => undefined,
    (e: { code: number; stderr: string }) => e,
  );
  expect(failure?.code).toBe(1);
  expect(failure?.stderr).toContain("Attest is misconfigured: ATTEST_MAX_FILE_BYTES must be a whole number of bytes; ATTEST_DEMO must be 1 (on) or 0 (off)");
  expect(existsSync(path.join(dataDir, "postgres"))).toBe(false);
});
