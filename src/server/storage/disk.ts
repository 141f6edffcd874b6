import { createHash, randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, open, readdir, rename, stat, unlink } from "node:fs/promises";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
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

/**
 * Streams a body to a temporary file, hashing and counting as it goes; stops at `limit` bytes.
 * `checkHead` sees the first HEAD_BYTES (or the whole body when shorter) as soon as they arrive;
 * whatever it throws stops the upload there, before the rest of the body is read.
 */
export async function receiveToTemp(
  body: AsyncIterable<Uint8Array> | NodeJS.ReadableStream,
  limit: number,
  checkHead: (head: Buffer) => void = () => {},
): Promise<Received> {
  await mkdir(tmpDir(), { recursive: true });
  const tmpPath = path.join(tmpDir(), `${randomUUID()}.part`);
  const hash = createHash("sha256");
  let size = 0;
  let head: Buffer[] | null = [];
  const checkOnce = () => {
    const bytes = Buffer.concat(must(head, "head")).subarray(0, HEAD_BYTES);
    head = null;
    checkHead(bytes);
  };
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > limit) return done(new UploadTooLargeError(limit));
      hash.update(chunk);
      try {
        if (head) {
          head.push(chunk);
          if (size >= HEAD_BYTES) checkOnce();
        }
      } catch (e) {
        return done(e as Error);
      }
      done(null, chunk);
    },
    flush(done) {
      try {
        if (head) checkOnce();
      } catch (e) {
        return done(e as Error);
      }
      done();
    },
  });
  try {
    await pipeline(body as NodeJS.ReadableStream, meter, createWriteStream(tmpPath, { flags: "wx" }));
    // Make the bytes durable before the rename that publishes them.
    const handle = await open(tmpPath, "r+");
    await handle.sync();
    await handle.close();
  } catch (e) {
    await unlink(tmpPath).catch(() => {});
    throw e;
  }
  return { tmpPath, sha256: hash.digest("hex"), size };
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
