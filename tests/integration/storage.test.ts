import { spawn } from "node:child_process";
import { existsSync, readdirSync, utimesSync, writeFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { UserFacingError } from "@/server/errors";
import { refuseFromHead } from "@/server/portfolio/files";
import { UploadTooLargeError, blobPath, commitBlob, receiveToTemp, storageRoot, sweepStorage } from "@/server/storage/disk";
import { keepSweeping } from "@/server/storage/sweep";
import { png } from "@/server/demo/sample-files";
import { received } from "../support/actors";
import { freshDatabase } from "../support/db";

const { db } = await freshDatabase("schema");
const tmp = () => path.join(storageRoot(), "tmp");
const known = async (hashes: string[]) => new Set((await db.storedBlob.findMany({ where: { sha256: { in: hashes } } })).map((b) => b.sha256));

describe("file storage", () => {
  it("stops an upload at the size limit and keeps nothing of it", async () => {
    const before = existsSync(tmp()) ? readdirSync(tmp()).length : 0;
    await expect(received(Buffer.alloc(4096, 7), 1024)).rejects.toBeInstanceOf(UploadTooLargeError);
    expect(readdirSync(tmp())).toHaveLength(before);
  });

  it("refuses an unsupported type from its first bytes, without reading the rest of the body", async () => {
    const before = existsSync(tmp()) ? readdirSync(tmp()).length : 0;
    let sent = 0;
    // A body that never ends: only a check on the head can finish this upload.
    const endless = new Readable({
      read() {
        sent += 1;
        this.push(sent === 1 ? Buffer.concat([Buffer.from("MZ"), Buffer.alloc(16 * 1024 - 2)]) : Buffer.alloc(16 * 1024));
      },
    });
    const upload = receiveToTemp(endless, 10 * 1024 ** 3, refuseFromHead("setup.exe"));
    await expect(upload).rejects.toBeInstanceOf(UserFacingError);
    await expect(upload).rejects.toThrow(/setup\.exe was not accepted: Programs \(Windows executables\)/);
    expect(sent).toBeLessThan(20);
    expect(readdirSync(tmp())).toHaveLength(before);
  });

  it("checks the head of a body shorter than the head too", async () => {
    await expect(receiveToTemp(Readable.from([Buffer.from("#!/bin/sh\n")]), 1024, refuseFromHead("run.txt"))).rejects.toThrow(/Scripts are not accepted/);
    const ok = await receiveToTemp(Readable.from([Buffer.from("plain notes\n")]), 1024, refuseFromHead("notes.txt"));
    expect(ok.size).toBe(12);
  });

  it("stores content once under its SHA-256 and never overwrites it", async () => {
    const bytes = png(3, 3);
    const first = await received(bytes);
    await commitBlob(first);
    const second = await received(bytes);
    await commitBlob(second);
    expect(first.sha256).toBe(second.sha256);
    expect(existsSync(blobPath(first.sha256))).toBe(true);
    expect(existsSync(second.tmpPath)).toBe(false);
  });

  it("leaves nothing behind when the server is killed mid-upload", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "tests/support/slow-upload.ts"], { env: { ...process.env }, stdio: "ignore" });
    const started = Date.now();
    while (!(existsSync(tmp()) && readdirSync(tmp()).some((n) => n.endsWith(".part")))) {
      if (Date.now() - started > 20_000) throw new Error("the upload did not start");
      await new Promise((r) => setTimeout(r, 50));
    }
    await new Promise((r) => setTimeout(r, 200));
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    expect(readdirSync(tmp()).filter((n) => n.endsWith(".part")).length).toBeGreaterThan(0);
    expect(await db.evidenceFile.count()).toBe(0);

    // A file renamed into place whose row was never written, and one that has its row.
    const orphan = await received(png(5, 5));
    await commitBlob(orphan);
    const kept = await received(png(6, 6));
    await commitBlob(kept);
    await db.storedBlob.create({ data: { sha256: kept.sha256, size: kept.size, mediaType: "image/png" } });

    const removed = await sweepStorage(known, 0, Date.now() + 1000);
    expect(removed.some((f) => f.endsWith(".part"))).toBe(true);
    expect(readdirSync(tmp()).filter((n) => n.endsWith(".part"))).toEqual([]);
    expect(existsSync(blobPath(orphan.sha256))).toBe(false);
    expect(existsSync(blobPath(kept.sha256))).toBe(true);
  });

  it("leaves recent files alone, so uploads in flight elsewhere survive a sweep", async () => {
    const fresh = await received(png(7, 7));
    await commitBlob(fresh);
    await sweepStorage(known);
    expect(existsSync(blobPath(fresh.sha256))).toBe(true);
  });

  it("keeps sweeping interrupted uploads while running, leaving those in flight alone", async () => {
    await mkdir(tmp(), { recursive: true });
    const stale = path.join(tmp(), "stale-upload.part");
    const inFlight = path.join(tmp(), "in-flight-upload.part");
    writeFileSync(stale, "half");
    writeFileSync(inFlight, "half");
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60_000);
    utimesSync(stale, twoHoursAgo, twoHoursAgo);
    const stop = keepSweeping(db, { everyMs: 50 });
    try {
      const started = Date.now();
      while (existsSync(stale) && Date.now() - started < 5000) await new Promise((r) => setTimeout(r, 25));
    } finally {
      stop();
    }
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(inFlight)).toBe(true);
  });
});
