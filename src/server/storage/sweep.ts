import type { Db } from "@/server/db/client";
import { sweepStorage } from "./disk";

export const SWEEP_GRACE_MS = 60 * 60_000;
export const SWEEP_EVERY_MS = 15 * 60_000;

/** Removes interrupted uploads and files no row names (only those untouched for the grace period). */
export function sweepUnreferencedFiles(db: Db, graceMs = SWEEP_GRACE_MS, now = Date.now()) {
  return sweepStorage(
    async (hashes) => new Set((await db.storedBlob.findMany({ where: { sha256: { in: hashes } }, select: { sha256: true } })).map((b) => b.sha256)),
    graceMs,
    now,
  );
}

/**
 * Sweeps every `everyMs` while the app runs, not only at start, so a long-running server does not
 * collect what interrupted uploads leave. A failed sweep is logged and tried again next time.
 */
export function keepSweeping(db: Db, options: { everyMs?: number; graceMs?: number; log?: (line: string) => void } = {}) {
  const log = options.log ?? (() => {});
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      const removed = await sweepUnreferencedFiles(db, options.graceMs);
      if (removed.length) log(`Removed ${removed.length} file(s) left by interrupted uploads.`);
    } catch (e) {
      log(`Sweeping stored files failed: ${(e as Error).message}`);
    } finally {
      running = false;
    }
  }, options.everyMs ?? SWEEP_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
