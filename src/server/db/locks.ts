import type { Tx } from "./client";

// Row locks for checks that a signature, a hash or a state change depends on. Every transaction
// takes them in one order, so two never wait on each other crosswise (no deadlock):
//   Evidence rows (by id) → that item's newest EvidenceVersion → Enrolment rows (by id).
// See docs/decisions/0013-locking.md.

const ids = (list: string[]) => [...new Set(list)].sort();

/**
 * Locks evidence items and returns their status as it is now. FOR UPDATE for what changes an
 * item (versions, files, links, status); FOR SHARE for what relies on it (a decision).
 */
export async function lockEvidence(tx: Tx, evidenceIds: string[], mode: "update" | "share" = "update") {
  if (evidenceIds.length === 0) return [];
  const wanted = ids(evidenceIds);
  return mode === "update"
    ? tx.$queryRaw<{ id: string; status: string }[]>`SELECT id::text, status::text FROM "Evidence" WHERE id = ANY(${wanted}::uuid[]) ORDER BY id FOR UPDATE`
    : tx.$queryRaw<{ id: string; status: string }[]>`SELECT id::text, status::text FROM "Evidence" WHERE id = ANY(${wanted}::uuid[]) ORDER BY id FOR SHARE`;
}

/** Locks the item's newest version, so its files cannot join or leave until the transaction ends. */
export async function lockNewestVersion(tx: Tx, evidenceId: string) {
  await tx.$queryRaw`SELECT id FROM "EvidenceVersion" WHERE "evidenceId" = ${evidenceId}::uuid ORDER BY version DESC LIMIT 1 FOR UPDATE`;
}

/** Locks enrolments (their judgements, plan and sign-off change only under this lock) and returns their status now. */
export async function lockEnrolments(tx: Tx, enrolmentIds: string[]) {
  if (enrolmentIds.length === 0) return [];
  return tx.$queryRaw<
    { id: string; status: string }[]
  >`SELECT id::text, status::text FROM "Enrolment" WHERE id = ANY(${ids(enrolmentIds)}::uuid[]) ORDER BY id FOR UPDATE`;
}

/** The SQLSTATE PostgreSQL raised under a Prisma error (e.g. "55000" from the frozen-files trigger), if any. */
export function sqlState(e: unknown): string | undefined {
  const meta = (e as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } } | null)?.meta;
  const code = meta?.driverAdapterError?.cause?.originalCode;
  return typeof code === "string" ? code : undefined;
}
