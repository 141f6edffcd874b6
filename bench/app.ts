import { type ChildProcess, spawn } from "node:child_process";

export type RunningApp = { baseUrl: string; startSeconds: number; stop: () => Promise<void> };

async function healthy(url: string, deadline: number, child: ChildProcess) {
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm start exited with code ${child.exitCode}; see the log above.`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The app did not answer ${url} in time.`);
}

/** Runs `npm start` on the benchmark's data directory (files up to 3 GiB) and answers once the app is healthy. */
export async function startApp(options: { dataDir: string; pgPort: number; port: number; log: (line: string) => void }): Promise<RunningApp> {
  const started = Date.now();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ATTEST_DATA_DIR: options.dataDir,
    ATTEST_PG_PORT: String(options.pgPort),
    PORT: String(options.port),
    ATTEST_MAX_FILE_BYTES: String(3 * 1024 ** 3),
  };
  delete env.DATABASE_URL;
  delete env.DATABASE_OWNER_URL;
  const child = spawn("npx", ["tsx", "scripts/start.ts"], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  child.stdout?.on("data", (chunk: Buffer) =>
    chunk
      .toString()
      .trimEnd()
      .split("\n")
      .forEach((line) => options.log(line)),
  );
  child.stderr?.on("data", (chunk: Buffer) =>
    chunk
      .toString()
      .trimEnd()
      .split("\n")
      .forEach((line) => options.log(line)),
  );
  const baseUrl = `http://localhost:${options.port}`;
  await healthy(`${baseUrl}/api/health`, Date.now() + 15 * 60_000, child);
  return {
    baseUrl,
    startSeconds: (Date.now() - started) / 1000,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      if (child.pid) process.kill(-child.pid, "SIGINT");
      await exited;
    },
  };
}
