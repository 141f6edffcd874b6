import type { ImportPreviewResult } from "./import-preview";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { PageResult } from "./measure-pages";
import type { TrafficResult } from "./traffic";
import type { UploadResult } from "./upload";
import type { WriteResult } from "./writes";

export type BenchResult = {
  at: string;
  size: Record<string, number>;
  counts: Record<string, number>;
  startSeconds: number | null;
  pages: PageResult[];
  traffic: TrafficResult[];
  writes: WriteResult[];
  upload: UploadResult;
  importPreview: ImportPreviewResult | null;
  notMeasured: string[];
  missed: string[];
};

export function markdown(result: BenchResult): string {
  const lines = [
    `Benchmark of ${result.at}: ${result.counts.enrolments} enrolments, ${result.counts.evidence} evidence items, ${result.counts.decisions} decisions, ${result.counts.auditEvents} audit events, ${Math.round((result.counts.bytes ?? 0) / 1024 / 1024)} MB database.`,
    "",
    "| page | median ms | p95 ms | HTML KB | SQL statements |",
    "| --- | ---: | ---: | ---: | ---: |",
    ...result.pages.map((p) => `| ${p.name} | ${p.median} | ${p.p95} | ${Math.round(p.bytes / 102.4) / 10} | ${p.queries} |`),
    "",
    "| mixed GET traffic | requests/s | p50 ms | p95 ms | p99 ms | errors |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
    ...result.traffic.map((t) => `| ${t.connections} connections, ${t.seconds} s | ${t.perSecond} | ${t.median} | ${t.p95} | ${t.p99} | ${t.errors} |`),
    "",
    "| audited writes | concurrent | per second |",
    "| --- | ---: | ---: |",
    ...result.writes.map((w) => `| ${w.kind}s | ${w.concurrent} | ${w.perSecond} |`),
    "",
    `Upload of ${Math.round(result.upload.bytes / 1024 / 1024)} MiB: ${result.upload.uploadSeconds} s against cp's ${result.upload.copySeconds} s (${result.upload.ratioToCp}× the speed of cp); the server grew by ${result.upload.memoryGrowthMiB} MiB.`,
    "",
    `npm start with a current build: ${result.startSeconds === null ? "not measured" : `${result.startSeconds} s`}.`,
    `Learner import preview: ${result.importPreview ? `${result.importPreview.rows} rows in ${result.importPreview.seconds} s` : "not measured"}.`,
    ...(result.notMeasured.length ? ["", `Not measured by this run: ${result.notMeasured.join("; ")}.`] : []),
    "",
    result.missed.length ? `Targets missed:\n${result.missed.map((m) => `- ${m}`).join("\n")}` : "Every target judged by this run is met.",
  ];
  return `${lines.join("\n")}\n`;
}

export async function writeResult(dir: string, result: BenchResult) {
  await mkdir(dir, { recursive: true });
  const stem = path.join(dir, result.at.slice(0, 10));
  await writeFile(`${stem}.json`, `${JSON.stringify(result, null, 2)}\n`);
  await writeFile(`${stem}.md`, markdown(result));
  return stem;
}
