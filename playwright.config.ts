import { defineConfig } from "@playwright/test";

// End-to-end tests drive the production build through `npm start`, on a fresh embedded
// database of their own, in Debian's Chromium (Playwright cannot download a browser here).
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_PG_PORT = Number(process.env.E2E_PG_PORT ?? 54349);
// Small enough to test the limit with a request, larger than the proxy's 10 MB body buffer.
export const E2E_MAX_FILE_BYTES = 40 * 1024 * 1024;
export const E2E_SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2525);
export const E2E_MAIL_DIR = ".data/e2e-mail";

const ADMINISTRATION = ["**/centre-journey.spec.ts", "**/enrolments-admin.spec.ts"];

export default defineConfig({
  testDir: "tests/e2e",
  globalSetup: "./tests/e2e/global-setup.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${E2E_PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  // The administration journeys add learners and enrolments to the demo centre, which the homes and
  // dashboards specs count: they run after everything else.
  projects: [
    { name: "portfolio", testIgnore: ADMINISTRATION },
    { name: "administration", testMatch: ADMINISTRATION, dependencies: ["portfolio"] },
  ],
  webServer: {
    // One app instance: the tests run one at a time, and Chromium needs the other core (the supervisor's
    // integration tests cover several instances).
    command: `rm -rf .data/e2e && env -u DATABASE_URL ATTEST_INSTANCES=1 SMTP_URL=smtp://127.0.0.1:${E2E_SMTP_PORT} ATTEST_MAX_FILE_BYTES=${E2E_MAX_FILE_BYTES} ATTEST_DATA_DIR=.data/e2e ATTEST_PG_PORT=${E2E_PG_PORT} PORT=${E2E_PORT} npm start`,
    url: `http://localhost:${E2E_PORT}/api/health`,
    timeout: 10 * 60_000,
    reuseExistingServer: false,
    stdout: "pipe",
    gracefulShutdown: { signal: "SIGINT", timeout: 20_000 },
  },
});
