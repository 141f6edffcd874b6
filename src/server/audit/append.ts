import { createHash } from "node:crypto";
import { canonicalJson } from "@/lib/canonical-json";
import type { Tx } from "@/server/db/client";
import { Prisma } from "@/server/db/generated/client";
import type { AuditContext, AuditEventInput } from "./events";

export const GENESIS_HASH = "0".repeat(64);

type EventFields = { at: Date; kind: string; actorId: string | null; centreId: string | null; subject: string | null; ip: string | null; data: unknown };
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** Scheme 1 (events written before decision 0026): one hash over the previous hash and the event. */
export function eventHashV1(prevHash: string, e: EventFields): string {
  return sha256(canonicalJson([prevHash, e.at.toISOString(), e.kind, e.actorId, e.centreId, e.subject, e.ip, e.data]));
}

/** Scheme 2: the event's own hash, which needs no lock, and the link the database makes from it. */
export const eventBodyHash = (e: EventFields): string => sha256(canonicalJson([e.at.toISOString(), e.kind, e.actorId, e.centreId, e.subject, e.ip, e.data]));
export const chainHash = (prevHash: string, bodyHash: string): string => sha256(prevHash + bodyHash);

/** The hash an event must carry, by the scheme it was written with. */
export function eventHash(prevHash: string, e: EventFields & { scheme?: number }): string {
  return e.scheme === 1 ? eventHashV1(prevHash, e) : chainHash(prevHash, eventBodyHash(e));
}

/**
 * Appends an audit event inside the caller's transaction, in one statement that takes no lock: the
 * event waits in AuditPending, and a trigger deferred to the commit chains it (moves the chain's
 * head row and inserts the event with the head's old and new hashes). The head is locked from that
 * trigger to the end of the commit, with no round trip to Node inside, so events are chained, and
 * numbered, in the order they commit (docs/decisions/0029). A transaction that rolls back chains nothing.
 */
export async function appendAudit(tx: Tx, event: AuditEventInput, context: AuditContext = {}): Promise<void> {
  await tx.$executeRaw(pendingAuditInsert([{ event, context }]));
}

/**
 * The INSERT of these events into AuditPending, for a write that does its work in one statement
 * (a WITH query, or a statement alone, which is its own transaction): they are chained at its commit.
 * `onlyIf` makes them depend on the statement's own work, e.g. `EXISTS (SELECT 1 FROM written)`.
 */
export function pendingAuditInsert(events: { event: AuditEventInput; context?: AuditContext }[], onlyIf: Prisma.Sql = Prisma.sql`true`): Prisma.Sql {
  const rows = events.map(({ event, context = {} }) => ({
    at: new Date(),
    kind: event.kind,
    actorId: event.actorId,
    centreId: context.centreId ?? null,
    subject: context.subject ?? null,
    ip: context.ip ?? null,
    data: event.data,
  }));
  const column = <K extends keyof (typeof rows)[number]>(key: K) => rows.map((r) => r[key]);
  // "at" goes as UTC text to a column without a time zone, as Prisma writes DateTime.
  return Prisma.sql`INSERT INTO "AuditPending" ("at", "kind", "actorId", "centreId", "subject", "ip", "data", "bodyHash")
    SELECT * FROM unnest(${rows.map((r) => r.at.toISOString())}::timestamp[], ${column("kind")}::text[], ${column("actorId")}::uuid[],
      ${column("centreId")}::uuid[], ${column("subject")}::text[], ${column("ip")}::text[], ${rows.map((r) => JSON.stringify(r.data))}::jsonb[],
      ${rows.map(eventBodyHash)}::text[])
    WHERE ${onlyIf}`;
}
