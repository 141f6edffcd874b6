// `npm start` supervises the app server and the embedded PostgreSQL: either one dying (a signal
// included) stops the other and ends `npm start` with a non-zero code; Ctrl-C stops both with 0.
// Runs scripts/start.ts on its own data directory and ports; builds only when the build stamp says
// the code changed (the e2e run reuses that build).
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import http from "node:http";
import { createServer } from "node:net";
import path from "node:path";
import pg from "pg";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { must } from "@/lib/must";

const dataDir = path.resolve(`.data/supervisor-test-${process.pid}`);
const running: ChildProcess[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, ms: number): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Starts `npm start`'s script in its own process group and waits until /api/health answers. */
async function start(extra: Record<string, string> = {}) {
  const [port, pgPort] = [await freePort(), await freePort()];
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), ATTEST_PG_PORT: String(pgPort), ATTEST_DATA_DIR: dataDir, ...extra };
  for (const name of ["DATABASE_URL", "NODE_ENV", "SMTP_URL", "ATTEST_FILES_DIR", "VITEST", "VITEST_POOL_ID", "VITEST_WORKER_ID"]) delete env[name];
  // As `npm start` runs it: through tsx's command line, which relays signals to the script.
  const supervisor = spawn(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/start.ts"], {
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.push(supervisor);
  let output = "";
  must(supervisor.stdout, "supervisor.stdout").on("data", (d) => (output += d));
  must(supervisor.stderr, "supervisor.stderr").on("data", (d) => (output += d));
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => supervisor.once("exit", (code, signal) => resolve({ code, signal })));
  await waitFor(
    "the app to answer /api/health",
    async () => {
      if (supervisor.exitCode !== null) throw new Error(`npm start ended early:\n${output}`);
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      return ok || undefined;
    },
    9 * 60_000,
  );
  const appPid = Number(must(/app server pid (\d+)/.exec(output), "/app server pid (\\d+)/.exec(output)")[1]);
  const pgPid = Number(readFileSync(path.join(dataDir, "postgres", "postmaster.pid"), "utf8").split("\n")[0]);
  expect(isAlive(appPid) && isAlive(pgPid)).toBe(true);
  const ended = async () => {
    const result = await Promise.race([
      exited,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`npm start did not exit:\n${output}`)), 60_000)),
    ]);
    return { ...result, output };
  };
  return { supervisor, appPid, pgPid, port, pgPort, ended, output: () => output };
}

/** Signs in through next-auth's endpoint; returns the Cookie header of the session. */
async function signIn(base: string, email: string) {
  const jar = new Map<string, string>();
  const keep = (r: Response) => {
    for (const c of r.headers.getSetCookie()) {
      const [pair] = c.split(";");
      jar.set(must(pair, "pair").slice(0, must(pair, "pair").indexOf("=")), must(pair, "pair").slice(must(pair, "pair").indexOf("=") + 1));
    }
    return r;
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const { csrfToken } = await keep(await fetch(`${base}/api/auth/csrf`)).json();
  const body = new URLSearchParams({ csrfToken, email, password: "attest-demo", json: "true" });
  keep(
    await fetch(`${base}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { cookie: cookie(), "content-type": "application/x-www-form-urlencoded" },
      body,
    }),
  );
  return cookie();
}

/** Starts a download and drops the connection after its first bytes (or before any). */
function dropDownload(url: string, headers: Record<string, string>, early: boolean) {
  return new Promise<void>((resolve) => {
    const request = http.get(url, { headers }, (response) => {
      response.once("data", () => {
        request.destroy();
        resolve();
      });
    });
    request.on("error", () => resolve());
    if (early) setTimeout(() => request.destroy(), 1);
  });
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

afterEach(() => {
  // A failed assertion must not leave servers behind: end this test's process groups only.
  for (const p of running.splice(0)) if (p.exitCode === null && p.signalCode === null) process.kill(-must(p.pid, "p.pid"), "SIGKILL");
});

describe("npm start supervises the app server and the database", () => {
  it(
    "exits non-zero and stops PostgreSQL when the app server is killed",
    async () => {
      const { appPid, pgPid, ended } = await start();
      process.kill(appPid, "SIGKILL");
      const result = await ended();
      expect(result.code, result.output).not.toBe(0);
      expect(result.code).not.toBeNull();
      expect(result.output).toContain("The app server was killed by SIGKILL");
      await waitFor("PostgreSQL to be gone", () => (isAlive(pgPid) ? undefined : true), 10_000);
    },
    10 * 60_000,
  );

  it(
    "with several app instances, exits non-zero and stops the rest when one of them is killed",
    async () => {
      const { pgPid, ended, output } = await start({ ATTEST_INSTANCES: "2" });
      const instances = await waitFor(
        "both instances to listen",
        () => {
          const pids = [...output().matchAll(/Listening on port \d+ \(pid (\d+)\)/g)].map((m) => Number(m[1]));
          return pids.length === 2 ? pids : undefined;
        },
        60_000,
      );
      const [killed, other] = instances as [number, number];
      process.kill(killed, "SIGKILL");
      const result = await ended();
      expect(result.code, result.output).not.toBe(0);
      expect(result.code).not.toBeNull();
      expect(result.output).toContain(`An app instance (pid ${killed}) was killed by SIGKILL`);
      expect(isAlive(other)).toBe(false);
      await waitFor("PostgreSQL to be gone", () => (isAlive(pgPid) ? undefined : true), 10_000);
    },
    5 * 60_000,
  );

  it(
    "exits non-zero and stops the app server when PostgreSQL is killed",
    async () => {
      const { appPid, pgPid, port, ended } = await start();
      process.kill(pgPid, "SIGKILL");
      const result = await ended();
      expect(result.code, result.output).not.toBe(0);
      expect(result.code).not.toBeNull();
      expect(result.output).toContain("The embedded PostgreSQL server was killed by SIGKILL");
      expect(isAlive(appPid)).toBe(false);
      expect(
        await fetch(`http://127.0.0.1:${port}/api/health`).then(
          () => "answered",
          () => "refused",
        ),
      ).toBe("refused");
    },
    5 * 60_000,
  );

  it(
    "stops both and exits 0 on Ctrl-C",
    async () => {
      const { supervisor, appPid, pgPid, ended } = await start();
      process.kill(-must(supervisor.pid, "supervisor.pid"), "SIGINT"); // a terminal's Ctrl-C reaches the whole process group
      const result = await ended();
      expect(result.code, result.output).toBe(0);
      expect(isAlive(appPid)).toBe(false);
      await waitFor("PostgreSQL to be gone", () => (isAlive(pgPid) ? undefined : true), 10_000);
    },
    5 * 60_000,
  );

  it(
    "stops both and exits 0 on SIGTERM sent to it alone (as a service manager does)",
    async () => {
      const { supervisor, appPid, pgPid, ended } = await start();
      process.kill(must(supervisor.pid, "supervisor.pid"), "SIGTERM");
      const result = await ended();
      expect(result.code, result.output).toBe(0);
      expect(isAlive(appPid)).toBe(false);
      await waitFor("PostgreSQL to be gone", () => (isAlive(pgPid) ? undefined : true), 10_000);
    },
    5 * 60_000,
  );

  it(
    "logs no error when clients close downloads and previews mid-way",
    async () => {
      const { port, pgPort, ended, output, supervisor } = await start();
      const base = `http://127.0.0.1:${port}`;
      const cookie = await signIn(base, "learner@northgate.example");
      const client = new pg.Client({ connectionString: `postgresql://attest:attest-local@127.0.0.1:${pgPort}/attest` });
      await client.connect();
      const [{ id }] = (
        await client.query(
          `SELECT e.id FROM "Evidence" e JOIN "EvidenceVersion" v ON v."evidenceId" = e.id WHERE v.title = 'Notes from the supplier meeting' LIMIT 1`,
        )
      ).rows;
      await client.end();
      const upload = await fetch(`${base}/api/uploads/${id}`, {
        method: "POST",
        headers: { cookie, origin: base, "x-file-name": "long-log.txt" },
        body: Buffer.alloc(20 * 1024 * 1024, "a"),
      });
      expect(upload.status).toBe(201);
      const { file } = await upload.json();
      const before = output().length;
      const drops = [];
      for (let i = 0; i < 16; i++)
        drops.push(
          dropDownload(`${base}/api/files/${file.id}${i % 2 ? "?inline=1" : ""}`, { cookie, ...(i % 4 < 2 ? {} : { range: "bytes=100-" }) }, i % 8 === 0),
        );
      await Promise.all(drops);
      await new Promise((r) => setTimeout(r, 1500));
      expect((await fetch(`${base}/api/health`)).status).toBe(200);
      expect(output().slice(before)).not.toMatch(/error|uncaught|unhandled|ERR_/i);
      process.kill(-must(supervisor.pid, "supervisor.pid"), "SIGINT");
      expect((await ended()).code).toBe(0);
    },
    5 * 60_000,
  );
});
