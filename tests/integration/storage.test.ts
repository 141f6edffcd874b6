import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { UploadTooLargeError, blobPath, commitBlob, storageRoot, sweepStorage } from "../../src/server/storage/disk";
import { png } from "../../src/server/demo/sample-files";
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
});
