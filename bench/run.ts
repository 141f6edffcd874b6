// npm run bench [-- --learners N] [--quick]: builds a centre of that size in the benchmark's own
// database, then measures the production build: pages, mixed traffic, audited writes, a large
// upload against cp, and start-up. Writes
// bench/results/<date>.json and .md, prints the targets missed, and exits 1 if any is.
// --pages-only: measures the pages and stops (for working on them).
// --writes-only: measures the audited writes and stops (no app, only its database).
// --upload-only: measures the upload against cp and stops.
// --quick: a tiny centre and few runs; it reports the targets missed but fails only when the
// benchmark itself breaks (npm test runs it so the benchmark keeps working).
import { parseArgs } from "node:util";
import { startApp } from "./app";
import { prepareDatabase } from "./database";
import { defaultSize } from "./generate";
import { measurePages } from "./measure-pages";
import { accounts, pageCases, type Role } from "./pages";
import { importPreviewTime } from "./import-preview";
import { queryCounter } from "./queries";
import { type BenchResult, markdown, writeResult } from "./report";
import { type Session, signIn } from "./session";
import { brokenRun, missedTargets } from "./targets";
import { mixedTraffic } from "./traffic";
import { uploadAgainstCp } from "./upload";
import { auditedWrites } from "./writes";
import { embeddedAppUrl, openLocalDatabase } from "@/server/db/local-database";

const { values } = parseArgs({
  options: {
    learners: { type: "string" },
    quick: { type: "boolean", default: false },
    verbose: { type: "boolean", default: false },
    "pages-only": { type: "boolean", default: false },
    "writes-only": { type: "boolean", default: false },
    "upload-only": { type: "boolean", default: false },
  },
});
const quick = values.quick ?? false;
const pagesOnly = values["pages-only"] ?? false;
const writesOnly = values["writes-only"] ?? false;
const uploadOnly = values["upload-only"] ?? false;
const learners = Number(values.learners ?? (quick ? 12 : 2000));
if (!Number.isInteger(learners) || learners < 1 || learners > 100_000) {
  console.error("--learners takes a whole number from 1 to 100000.");
  process.exit(2);
}
const size = { ...defaultSize(learners), ...(quick ? { itemsPerLearner: 10, largeLearnerItems: 60, decisionsPerCriterion: 2 } : {}) };
const dataDir = quick ? ".data/bench-quick" : `.data/bench-${learners}`;
const pgPort = Number(process.env.BENCH_PG_PORT ?? 54379);
const port = Number(process.env.BENCH_PORT ?? 3379);
const log = (line: string) => console.log(`[bench] ${line}`);
const appLog = (line: string) => values.verbose && console.log(`  ${line}`);

log(`Preparing a centre of ${learners} learners in ${dataDir} ...`);
const { counts, ownerUrl } = await prepareDatabase({ dataDir, pgPort, size, log });
log(`Database: ${JSON.stringify(counts)}`);

const noUpload = { bytes: 0, uploadSeconds: 0, copySeconds: 0, ratioToCp: 1, memoryGrowthMiB: 0 };
/** For working on one part: its figures and the targets it misses, no result file. */
function reportOnly(part: Partial<Pick<BenchResult, "writes" | "upload" | "importPreview">>) {
  const missed = missedTargets({ pages: [], traffic: [], writes: [], upload: noUpload, startSeconds: null, ...part }, !quick);
  console.log(missed.length ? `Missed:\n${missed.map((m) => `- ${m}`).join("\n")}` : "It meets its targets.");
}
async function measureWrites() {
  log("Audited writes ...");
  const writes = await auditedWrites(embeddedAppUrl(pgPort), [1, 8, 32], quick ? 1 : 10);
  for (const w of writes) log(`  ${w.kind}s at ${w.concurrent} concurrent: ${w.perSecond}/s`);
  // Issue 11: a learner import of 2,000 rows previews in under 5 s.
  const importPreview = await importPreviewTime(embeddedAppUrl(pgPort));
  log(`  learner import preview of ${importPreview.rows} rows: ${importPreview.seconds} s`);
  return { writes, importPreview };
}
async function measureUpload(baseUrl: string, session: Session) {
  const bytes = quick ? 64 * 1024 ** 2 : 2 * 1024 ** 3;
  log(`Uploading ${bytes / 1024 ** 2} MiB against cp ...`);
  const upload = await uploadAgainstCp({ baseUrl, port, appUrl: embeddedAppUrl(pgPort), session, dataDir, bytes });
  log(`  ${upload.uploadSeconds} s against cp's ${upload.copySeconds} s: ${upload.ratioToCp}×; memory +${upload.memoryGrowthMiB} MiB`);
  return upload;
}

if (writesOnly) {
  // The writes call the server functions directly: only the database need run.
  process.env.ATTEST_DATA_DIR = dataDir;
  process.env.ATTEST_PG_PORT = String(pgPort);
  const database = await openLocalDatabase();
  try {
    reportOnly(await measureWrites());
  } finally {
    await database.stop();
  }
  process.exit(0);
}

log("Starting the app (builds first when the code has changed) ...");
let app = await startApp({ dataDir, pgPort, port, log: appLog });
await app.stop();
app = await startApp({ dataDir, pgPort, port, log: appLog }); // the second start finds the build current
log(`npm start with a current build: ${app.startSeconds.toFixed(1)} s`);

if (uploadOnly) {
  try {
    reportOnly({ upload: await measureUpload(app.baseUrl, await signIn(app.baseUrl, accounts.largeLearner, "attest-demo")) });
  } finally {
    await app.stop();
  }
  process.exit(0);
}

const counter = await queryCounter(ownerUrl, "attest_app");
try {
  const sessions = Object.fromEntries(
    await Promise.all(Object.entries(accounts).map(async ([role, email]) => [role, await signIn(app.baseUrl, email, "attest-demo")] as const)),
  ) as Record<Role, Session>;
  const cases = await pageCases(ownerUrl);
  log(`Measuring ${cases.length} pages ...`);
  const pages = await measurePages(cases, sessions, counter, quick ? 3 : 25, log);
  if (pagesOnly) {
    // For working on pages: the figures above, no result file, no traffic, writes or upload.
    const missed = missedTargets({ pages, traffic: [], writes: [], upload: noUpload, startSeconds: null }, !quick);
    console.log(missed.length ? `Missed:\n${missed.map((m) => `- ${m}`).join("\n")}` : "Every page meets its targets.");
    await counter.close();
    await app.stop();
    process.exit(0);
  }
  const traffic = [];
  for (const connections of quick ? [8] : [50, 200]) {
    log(`Mixed GET traffic at ${connections} connections ...`);
    const run = await mixedTraffic(cases, sessions, connections, quick ? 3 : 30);
    log(`  ${run.perSecond} requests/s, p50 ${run.median} ms, p95 ${run.p95} ms, p99 ${run.p99} ms, ${run.errors} errors`);
    traffic.push(run);
  }
  const { writes, importPreview } = await measureWrites();
  const upload = await measureUpload(app.baseUrl, sessions.largeLearner);
  const startSeconds = Math.round(app.startSeconds * 10) / 10;
  const result: BenchResult = {
    at: new Date().toISOString(),
    size,
    counts,
    startSeconds,
    pages,
    traffic,
    writes,
    upload,
    importPreview,
    notMeasured: [],
    missed: missedTargets({ pages, traffic, writes, upload, startSeconds, importPreview }, !quick),
  };
  const stem = await writeResult(quick ? `${dataDir}/results` : "bench/results", result);
  console.log(`\n${markdown(result)}`);
  log(`Written to ${stem}.json and .md`);
  const broken = brokenRun(result);
  if (broken.length) console.error(`The benchmark is broken:\n${broken.map((b) => `- ${b}`).join("\n")}`);
  process.exitCode = broken.length || (!quick && result.missed.length) ? 1 : 0;
} finally {
  await counter.close();
  await app.stop();
}
process.exit(process.exitCode ?? 0);
