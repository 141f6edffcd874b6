import { createHash, randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { type FileHandle, mkdir, open, readdir, rename, stat, unlink } from "node:fs/promises";
import path from "node:path";
import { HEAD_BYTES } from "@/lib/file-types";
import { formatBytes } from "@/lib/format";
import { filesDir } from "@/server/env";
import { must } from "@/lib/must";

// Local-disk storage. Files are written to tmp/ first, then renamed to blobs/<aa>/<bb>/<sha256>,
// and only then is the database row written, so a crash leaves at worst a file without a row,
// which sweepStorage() removes. Nothing here is ever served from public/.

export const storageRoot = filesDir;
const tmpDir = () => path.join(storageRoot(), "tmp");
export const blobPath = (sha256: string) => path.join(storageRoot(), "blobs", sha256.slice(0, 2), sha256.slice(2, 4), sha256);

export class UploadTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`The file is larger than the limit of ${formatBytes(limit)}.`);
  }
}

export type Received = { tmpPath: string; sha256: string; size: number };

// Bytes gathered before one write: few large writes rather than one per network chunk. While one
// batch is written (by libuv's threads) the next is received and hashed on the main thread.
const WRITE_BYTES = 4 * 1024 * 1024;
// Bytes written between flushes started early, so the final fsync finds little left to write.
const FLUSH_BYTES = 64 * 1024 * 1024;

/**
 * Streams a body to a temporary file, hashing and counting as it goes; stops at `limit` bytes.
 * `checkHead` sees the first HEAD_BYTES (or the whole body when shorter) as soon as they arrive;
 * whatever it throws stops the upload there, before the rest of the body is read. Holds at most
 * two batches of the body in memory; the file is fsync'd before this returns.
 */
export async function receiveToTemp(body: AsyncIterable<Uint8Array>, limit: number, checkHead: (head: Buffer) => void = () => {}): Promise<Received> {
  await mkdir(tmpDir(), { recursive: true });
  const tmpPath = path.join(tmpDir(), `${randomUUID()}.part`);
  const file = await open(tmpPath, "wx");
  const writer = batchedWriter(file);
  const hash = createHash("sha256");
  let size = 0;
  let head: Uint8Array[] | null = [];
  const checkOnce = () => {
    const bytes = Buffer.concat(must(head, "head")).subarray(0, HEAD_BYTES);
    head = null;
    checkHead(bytes);
  };
  try {
    for await (const chunk of body) {
      size += chunk.length;
      if (size > limit) throw new UploadTooLargeError(limit);
      hash.update(chunk);
      if (head) {
        head.push(chunk);
        if (size >= HEAD_BYTES) checkOnce();
      }
      await writer.add(chunk);
    }
    if (head) checkOnce();
    // Make the bytes durable before the rename that publishes them.
    await writer.finish();
  } catch (e) {
    await writer.abandon();
    await unlink(tmpPath).catch(() => {});
    throw e;
  }
  return { tmpPath, sha256: hash.digest("hex"), size };
}

/** Writes chunks in batches, one write in flight, and starts flushing to disk as it goes. */
function batchedWriter(file: FileHandle) {
  let batch: Uint8Array[] = [];
  let batchBytes = 0;
  let unflushed = 0;
  let writing: Promise<void> = Promise.resolve();
  let flushing: Promise<void> = Promise.resolve();
  const writeAll = async (buffers: Uint8Array[]) => {
    for (let rest = buffers; rest.length;) {
      const { bytesWritten } = await file.writev(rest);
      rest = remainder(rest, bytesWritten);
    }
  };
  const startWrite = async () => {
    await writing; // one write in flight: the body waits meanwhile (backpressure)
    const buffers = batch;
    unflushed += batchBytes;
    batch = [];
    batchBytes = 0;
    writing = writeAll(buffers);
    if (unflushed >= FLUSH_BYTES) {
      unflushed = 0;
      const written = writing;
      const previous = flushing;
      // Failures surface from finish(), which awaits this chain.
      flushing = Promise.all([written, previous]).then(() => file.datasync());
      flushing.catch(() => {});
    }
    writing.catch(() => {});
  };
  return {
    async add(chunk: Uint8Array) {
      batch.push(chunk);
      batchBytes += chunk.length;
      if (batchBytes >= WRITE_BYTES) await startWrite();
    },
    async finish() {
      await startWrite();
      await writing;
      await flushing;
      await file.sync();
      await file.close();
    },
    async abandon() {
      await Promise.allSettled([writing, flushing]);
      await file.close().catch(() => {});
    },
  };
}

/** The buffers left once `written` bytes of them are written. */
function remainder(buffers: Uint8Array[], written: number): Uint8Array[] {
  let i = 0;
  while (i < buffers.length && written >= must(buffers[i], "buffer").length) written -= must(buffers[i++], "buffer").length;
  if (i === buffers.length) return [];
  return [must(buffers[i], "buffer").subarray(written), ...buffers.slice(i + 1)];
}

/** Moves a received file to its place by hash. Content already stored is kept, never overwritten. */
export async function commitBlob(received: Received): Promise<void> {
  const target = blobPath(received.sha256);
  await mkdir(path.dirname(target), { recursive: true });
  const exists = await stat(target).then(
    () => true,
    () => false,
  );
  if (exists) {
    await unlink(received.tmpPath);
    return;
  }
  await rename(received.tmpPath, target);
}

export const discardTemp = (received: Received) => unlink(received.tmpPath).catch(() => {});

export function readBlob(sha256: string, range?: { start: number; end: number }) {
  return createReadStream(blobPath(sha256), range);
}

/**
 * Removes what a crash can leave behind: temporary files no longer being written, and stored
 * files no row refers to. `isKnown` says which hashes have rows. Only files untouched for
 * `graceMs` are removed, so uploads in flight on other instances are left alone.
 */
export async function sweepStorage(isKnown: (sha256s: string[]) => Promise<Set<string>>, graceMs = 60 * 60_000, now = Date.now()) {
  const removed: string[] = [];
  const old = async (file: string) => now - (await stat(file)).mtimeMs > graceMs;
  for (const name of await readdir(tmpDir()).catch(() => [] as string[])) {
    const file = path.join(tmpDir(), name);
    if (await old(file)) {
      await unlink(file);
      removed.push(file);
    }
  }
  const blobs = path.join(storageRoot(), "blobs");
  for (const a of await readdir(blobs).catch(() => [] as string[])) {
    for (const b of await readdir(path.join(blobs, a))) {
      const names = await readdir(path.join(blobs, a, b));
      const known = await isKnown(names);
      for (const name of names) {
        const file = path.join(blobs, a, b, name);
        if (!known.has(name) && (await old(file))) {
          await unlink(file);
          removed.push(file);
        }
      }
    }
  }
  return removed;
}
