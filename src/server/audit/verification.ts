import type { Db } from "@/server/db/client";
import type { SigningKey } from "./signing-key";
import { type IntegrityReport, verifyIntegrity } from "./verify";

/** Runs the full check and keeps its result, for the admin's integrity page and the operators. */
export async function recordVerification(
  db: Db,
  key: Pick<SigningKey, "publicKey" | "keyId">,
  by: { source: "cli" | "admin" | "schedule"; actorId: string | null },
): Promise<IntegrityReport> {
  const startedAt = new Date();
  const report = await verifyIntegrity(db, key);
  await db.auditVerification.create({
    data: {
      startedAt,
      finishedAt: new Date(),
      ok: report.ok,
      eventsChecked: report.eventsChecked,
      recordsChecked: report.recordsChecked,
      problem: report.problem,
      source: by.source,
      actorId: by.actorId,
    },
  });
  return report;
}

export const lastVerification = (db: Db) => db.auditVerification.findFirst({ orderBy: { startedAt: "desc" } });
