import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { readFile, rm, stat } from "node:fs/promises";
import path from "node:path";
import http from "node:http";
import { pipeline } from "node:stream/promises";
import { promisify } from "node:util";
import { loadActor } from "@/server/auth/actor";
import { createDb, withDb } from "@/server/db/client";
import { createEvidence } from "@/server/portfolio/evidence";
import type { Session } from "./session";

const run = promisify(execFile);
export type UploadResult = { bytes: number; uploadSeconds: number; copySeconds: number; ratioToCp: number; memoryGrowthMiB: number };

/** A file of `bytes` that is an MP4 by its first bytes, the rest random. */
async function makeVideo(file: string, bytes: number) {
  const out = createWriteStream(file);
  const ftyp = Buffer.from([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d, 0, 0, 2, 0, 0x69, 0x73, 0x6f, 0x6d, 0x6d, 0x70, 0x34, 0x31]);
  out.write(ftyp);
  const chunk = randomBytes(8 * 1024 * 1024);
  for (let written = ftyp.length; written < bytes; written += chunk.length) {
    const part = chunk.subarray(0, Math.min(chunk.length, bytes - written));
    if (!out.write(part)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  }
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
}

/** The resident memory of the app's processes together: with several instances, any of them may take the upload. */
async function residentMiB(pids: number[]): Promise<number> {
  const each = await Promise.all(pids.map((pid) => residentOf(pid)));
  return each.reduce((a, b) => a + b, 0);
}

async function residentOf(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

async function appServerPids(port: number): Promise<number[]> {
  const { stdout } = await run("pgrep", ["-f", `scripts/serve.mjs ${port}`]);
  const pids = stdout.trim().split("\n").map(Number).filter(Boolean);
  if (!pids.length) throw new Error("The app server's process was not found.");
  return pids;
}

/** A draft item of the learner's that takes files. */
async function draftFor(appUrl: string, email: string): Promise<string> {
  const db = createDb(appUrl);
  try {
    return await withDb(db, async () => {
      const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
      const actor = await loadActor(db, user.id);
      if (!actor) throw new Error(`${email} cannot act.`);
      const input = {
        title: "Benchmark upload",
        account: "A long recording of a professional discussion.",
        method: "PROFESSIONAL_DISCUSSION",
        activityFrom: new Date().toISOString().slice(0, 10),
        kind: "FILES",
      };
      return (await createEvidence(actor, input)).id;
    });
  } finally {
    await db.$disconnect();
  }
}

/**
 * Sends a file as a request body the way a browser does, piped from disk: node:http, not fetch with
 * a web stream, whose per-chunk cost in this process would be measured instead of the server's.
 */
async function postFile(url: string, file: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: "POST", headers }, (response) => {
      const parts: Buffer[] = [];
      response.on("data", (part: Buffer) => parts.push(part));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(parts).toString() }));
      response.on("error", reject);
    });
    request.on("error", reject);
    pipeline(createReadStream(file, { highWaterMark: 1024 * 1024 }), request).catch(reject);
  });
}

/** Uploads a file of `bytes` through the app's upload route and copies it with cp on the same disk. */
export async function uploadAgainstCp(options: {
  baseUrl: string;
  port: number;
  appUrl: string;
  session: Session;
  dataDir: string;
  bytes: number;
}): Promise<UploadResult> {
  const file = path.resolve(options.dataDir, "bench-upload.mp4");
  const copy = `${file}.copy`;
  await makeVideo(file, options.bytes);
  try {
    let began = performance.now();
    await run("cp", [file, copy]);
    await run("sync", [copy]); // the app syncs what it stores; so does this
    const copySeconds = (performance.now() - began) / 1000;
    await rm(copy);

    const evidenceId = await draftFor(options.appUrl, options.session.email);
    const pids = await appServerPids(options.port);
    const before = await residentMiB(pids);
    let peak = before;
    const sampler = setInterval(
      () =>
        void residentMiB(pids).then(
          (m) => (peak = Math.max(peak, m)),
          () => {},
        ),
      100,
    );
    began = performance.now();
    const size = (await stat(file)).size;
    const response = await postFile(`${options.baseUrl}/api/uploads/${evidenceId}`, file, {
      ...options.session.headers(),
      "content-type": "application/octet-stream",
      "content-length": String(size),
      "x-file-name": "bench-upload.mp4",
    });
    const uploadSeconds = (performance.now() - began) / 1000;
    clearInterval(sampler);
    if (response.status !== 201) throw new Error(`The upload answered ${response.status}: ${response.body}`);
    const round = (n: number) => Math.round(n * 100) / 100;
    return {
      bytes: size,
      uploadSeconds: round(uploadSeconds),
      copySeconds: round(copySeconds),
      ratioToCp: round(copySeconds / uploadSeconds),
      memoryGrowthMiB: round(peak - before),
    };
  } finally {
    await rm(file, { force: true });
    await rm(copy, { force: true });
  }
}
