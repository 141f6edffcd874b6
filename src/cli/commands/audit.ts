import { writeCheckpoint } from "@/server/audit/checkpoint";
import { loadSigningKey } from "@/server/audit/signing-key";
import { recordVerification } from "@/server/audit/verification";
import type { Db } from "@/server/db/client";
import type { Io } from "./io";

/** `audit checkpoint`: signs the head of the audit chain now. */
export async function auditCheckpoint(db: Db, io: Io): Promise<number> {
  const written = await writeCheckpoint(db, await loadSigningKey(), "manual");
  io.out(written ? `Signed the audit chain at event ${written.eventId} (${written.eventHash}).` : "The head of the audit chain is already signed.");
  return 0;
}

/** `audit verify`: exit 0 when the chain and signed records are intact, 1 naming the first row that is not. */
export async function auditVerify(db: Db, io: Io): Promise<number> {
  const report = await recordVerification(db, await loadSigningKey(), { source: "cli", actorId: null });
  if (report.ok) {
    io.out(
      `Intact: ${report.eventsChecked} audit events and ${report.recordsChecked} signed records checked${report.head ? `; head is event ${report.head.id}` : ""}.`,
    );
    return 0;
  }
  io.err(`NOT INTACT: ${report.problem}`);
  io.err(`(${report.eventsChecked} audit events and ${report.recordsChecked} signed records were intact before it.)`);
  return 1;
}
