// npm start: database (embedded unless DATABASE_URL), migrations, units, demo data, build when
// needed, then `next start`. Ctrl-C stops the app and the embedded database.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { buildIsCurrent, recordBuild } from "./build-stamp";
import { dataDir, openLocalDatabase } from "../src/server/db/local-database";
import { setUpDatabase } from "../src/server/db/setup";
import { loadSigningKey } from "../src/server/audit/signing-key";

const production = process.env.NODE_ENV === "production";
const log = (line: string) => console.log(`[attest] ${line}`);
const nextBin = path.resolve("node_modules/next/dist/bin/next");

async function authSecret(): Promise<string> {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  if (production) throw new Error("Set NEXTAUTH_SECRET (32 or more random characters) to run in production.");
  const file = path.join(dataDir(), "auth-secret");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  await mkdir(dataDir(), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

function run(args: string[], env: NodeJS.ProcessEnv) {
  return spawn(process.execPath, [nextBin, ...args], { stdio: "inherit", env });
}

const db = await openLocalDatabase((line) => process.env.ATTEST_DEBUG && log(line));
let child: ReturnType<typeof spawn> | undefined;
let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  if (child && child.exitCode === null) {
    child.kill("SIGTERM");
    await new Promise((resolve) => child!.once("exit", resolve));
  }
  await db.stop().catch(() => {});
  process.exit(code);
}
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));

try {
  log(db.embedded ? `Embedded PostgreSQL is running (data in ${path.relative(process.cwd(), dataDir()) || "."}).` : "Using the PostgreSQL server at DATABASE_URL.");
  const demo = !production || process.env.ATTEST_DEMO === "1";
  if (production && !process.env.ATTEST_SIGNING_KEY) throw new Error("Set ATTEST_SIGNING_KEY (an Ed25519 private key in PEM) to run in production; see the README.");
  const signingKey = await loadSigningKey({ create: true });
  await setUpDatabase(db, { demo, log, signingKey, production });
  const port = process.env.PORT ?? "3000";
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: db.url,
    NEXTAUTH_SECRET: await authSecret(),
    ATTEST_SIGNING_KEY: signingKey.privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    NODE_ENV: "production" as const,
  };
  delete env.DATABASE_OWNER_URL; // the app never holds the owner's credentials
  if (!(await buildIsCurrent())) {
    log("Building the app (this happens when the code has changed)...");
    const build = run(["build"], env);
    child = build;
    const code: number = await new Promise((resolve) => build.once("exit", (c) => resolve(c ?? 1)));
    if (code !== 0) throw new Error("next build failed");
    await recordBuild();
  }
  if (!stopping) {
    log(`Serving on http://localhost:${port}`);
    child = run(["start", "-p", port], env);
    child.once("exit", (code) => void stop(code ?? 0));
  }
} catch (e) {
  console.error(`[attest] ${(e as Error).message}`);
  await stop(1);
}
