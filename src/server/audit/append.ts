import { createHash } from "node:crypto";
import { canonicalJson } from "@/lib/canonical-json";
import type { Tx } from "@/server/db/client";
import type { AuditContext, AuditEventInput } from "./events";

export const GENESIS_HASH = "0".repeat(64);
// One chain for the whole database: appends take this lock so each event links to its predecessor.
export const AUDIT_CHAIN_LOCK = 7_401_221;

export function eventHash(prevHash: string, e: { at: Date; kind: string; actorId: string | null; centreId: string | null; subject: string | null; ip: string | null; data: unknown }): string {
  const body = canonicalJson([prevHash, e.at.toISOString(), e.kind, e.actorId, e.centreId, e.subject, e.ip, e.data]);
  return createHash("sha256").update(body).digest("hex");
}

/** Appends an audit event inside the caller's transaction, chained to the previous event. */
export async function appendAudit(tx: Tx, event: AuditEventInput, context: AuditContext = {}): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
  const last = await tx.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  const prevHash = last?.hash ?? GENESIS_HASH;
  const row = {
    at: new Date(),
    kind: event.kind,
    actorId: event.actorId,
    centreId: context.centreId ?? null,
    subject: context.subject ?? null,
    ip: context.ip ?? null,
    data: event.data,
  };
  await tx.auditEvent.create({ data: { ...row, prevHash, hash: eventHash(prevHash, row) } });
}
