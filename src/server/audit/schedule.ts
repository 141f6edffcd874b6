import { db } from "@/server/db/client";
import { writeCheckpoint } from "./checkpoint";
import { loadSigningKey } from "./signing-key";
import { recordVerification } from "./verification";

const HOUR_MS = 60 * 60_000;

/**
 * In each app instance: every hour, sign the chain's head if the last checkpoint is a day old, and
 * check the whole chain if the last check is a day old. Across instances the chain's lock and the
 * day-old test make one of each per day.
 */
export function startAuditSchedule(log: (line: string) => void = console.error): () => void {
  const tick = async () => {
    try {
      const key = await loadSigningKey();
      await writeCheckpoint(db, key, "daily");
      const last = await db.auditVerification.findFirst({ orderBy: { startedAt: "desc" }, select: { startedAt: true } });
      if (!last || Date.now() - last.startedAt.getTime() >= 24 * HOUR_MS) {
        const report = await recordVerification(db, key, { source: "schedule", actorId: null });
        if (!report.ok) log(`[attest] The audit check found a problem: ${report.problem}`);
      }
    } catch (e) {
      log(`[attest] The scheduled audit checkpoint failed: ${(e as Error).message}`);
    }
  };
  const first = setTimeout(tick, 30_000);
  const timer = setInterval(tick, HOUR_MS);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
