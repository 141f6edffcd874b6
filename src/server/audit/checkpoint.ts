import { sign, verify } from "node:crypto";
import { appendFile, mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { canonicalJson } from "@/lib/canonical-json";
import { dataDir } from "@/server/env";
import type { Db } from "@/server/db/client";
import type { SigningKey } from "./signing-key";

export type CheckpointReason = "start" | "daily" | "export" | "manual";
export type CheckpointBody = { eventId: string; eventHash: string; signedAt: string; reason: string; keyId: string; prevSignature: string | null };
export type Checkpoint = CheckpointBody & { signature: string };

export const DAY_MS = 24 * 60 * 60_000;

// Each checkpoint is also appended to a file beside the data, a copy outside the database.
export const checkpointLogFile = () => path.join(dataDir(), "audit-checkpoints.jsonl");

const bodyBytes = (b: CheckpointBody) =>
  Buffer.from(
    canonicalJson({ eventId: b.eventId, eventHash: b.eventHash, signedAt: b.signedAt, reason: b.reason, keyId: b.keyId, prevSignature: b.prevSignature }),
  );

export const signCheckpoint = (body: CheckpointBody, key: SigningKey): string => sign(null, bodyBytes(body), key.privateKey).toString("base64");
export const checkpointSignatureValid = (c: Checkpoint, key: Pick<SigningKey, "publicKey">): boolean => {
  try {
    return verify(null, bodyBytes(c), key.publicKey, Buffer.from(c.signature, "base64"));
  } catch {
    return false;
  }
};

const toCheckpoint = (row: {
  eventId: bigint;
  eventHash: string;
  signedAt: Date;
  reason: string;
  keyId: string;
  prevSignature: string | null;
  signature: string;
}): Checkpoint => ({
  eventId: String(row.eventId),
  eventHash: row.eventHash,
  signedAt: row.signedAt.toISOString(),
  reason: row.reason,
  keyId: row.keyId,
  prevSignature: row.prevSignature,
  signature: row.signature,
});

/** Every checkpoint in the database, oldest first. */
export async function storedCheckpoints(db: Db): Promise<Checkpoint[]> {
  return (await db.auditCheckpoint.findMany({ orderBy: { id: "asc" } })).map(toCheckpoint);
}

/** The copies kept in the checkpoint file, or [] when this machine has none. */
export async function fileCheckpoints(): Promise<Checkpoint[]> {
  const text = await readFile(checkpointLogFile(), "utf8").catch(() => "");
  return text
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Checkpoint);
}

/**
 * Signs the head of the audit chain. Under the chain's lock, so the head cannot move meanwhile and
 * two instances asking at once write one daily checkpoint. Returns null when there is nothing to sign.
 */
export async function writeCheckpoint(db: Db, key: SigningKey, reason: CheckpointReason, now = new Date()): Promise<Checkpoint | null> {
  const written = await db.$transaction(async (tx) => {
    // The head row, locked: appends wait, and the next statement's snapshot sees every committed event.
    await tx.$queryRaw`SELECT "hash" FROM "AuditChainHead" WHERE "id" = 1 FOR UPDATE`;
    // The newest event and the newest checkpoint, in one statement taken after the lock.
    const [found] = await tx.$queryRaw<
      { headId: bigint | null; headHash: string | null; signedAt: Date | null; eventId: bigint | null; signature: string | null }[]
    >`
      SELECT e.id AS "headId", e.hash AS "headHash", c."signedAt", c."eventId", c.signature
      FROM (SELECT 1) AS one
      LEFT JOIN LATERAL (SELECT id, hash FROM "AuditEvent" ORDER BY id DESC LIMIT 1) AS e ON true
      LEFT JOIN LATERAL (SELECT "signedAt", "eventId", signature FROM "AuditCheckpoint" ORDER BY id DESC LIMIT 1) AS c ON true`;
    if (found?.headId == null || found.headHash == null) return null;
    const head = { id: found.headId, hash: found.headHash };
    const last =
      found.signedAt && found.eventId != null && found.signature ? { signedAt: found.signedAt, eventId: found.eventId, signature: found.signature } : null;
    if (reason === "daily" && last && now.getTime() - last.signedAt.getTime() < DAY_MS) return null;
    if (reason !== "export" && last && last.eventId === head.id) return null;
    const body: CheckpointBody = {
      eventId: String(head.id),
      eventHash: head.hash,
      signedAt: now.toISOString(),
      reason,
      keyId: key.keyId,
      prevSignature: last?.signature ?? null,
    };
    const signature = signCheckpoint(body, key);
    await tx.auditCheckpoint.create({
      data: { eventId: head.id, eventHash: head.hash, signedAt: now, reason, keyId: key.keyId, prevSignature: body.prevSignature, signature },
    });
    return { ...body, signature };
  });
  if (written) {
    await mkdir(path.dirname(checkpointLogFile()), { recursive: true });
    await appendFile(checkpointLogFile(), `${JSON.stringify(written)}\n`, { mode: 0o600 });
  }
  return written;
}
