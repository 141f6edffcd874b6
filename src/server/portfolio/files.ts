import { refusalFromHead } from "@/lib/file-types";
import { isId } from "@/lib/ids";
import { appendAudit } from "@/server/audit/append";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db/client";
import { lockEvidence, sqlState } from "@/server/db/locks";
import { UserFacingError } from "@/server/errors";
import { NotFoundError, editableEvidence, scope } from "@/server/policy";
import { type Received, blobPath, commitBlob, discardTemp } from "@/server/storage/disk";
import { inspectFile } from "@/server/storage/inspect";
import { latestVersion } from "./evidence";

export { maxFileBytes } from "@/server/env";

/**
 * The user's file name, kept only as metadata: no folders, a sane length, and no control or
 * invisible format characters (bidirectional overrides and isolates, zero-width characters, the
 * BOM, the Arabic letter mark...), which can make "invoice\u202Efdp.exe" read as "invoiceexe.pdf".
 */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? "";
  const clean = base
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Cf}]/gu, "")
    .trim()
    .slice(-200);
  return clean || "file";
}

/** The check an upload's first bytes go through as they arrive: a refused type stops it there. */
export function refuseFromHead(fileName: string) {
  return (head: Buffer) => {
    const refusal = refusalFromHead(fileName, head);
    if (refusal) throw new UserFacingError(`${fileName} was not accepted: ${refusal.reason}`);
  };
}

/** Checks, before any byte is read, that the actor may add files to this item now. */
export async function uploadTarget(actor: Actor, evidenceId: unknown) {
  const evidence = await editableEvidence(db, actor, evidenceId);
  const version = await latestVersion(db, evidence.id);
  if (version.submittedAt) throw new UserFacingError("This version was submitted and cannot change. Make a new version to add files.");
  if (version.kind !== "FILES") throw new UserFacingError("This item records evidence kept in place; it takes no files.");
  return { evidence, version };
}

/** Keeps a received file if its bytes are an accepted type that matches its name; otherwise discards it. */
export async function attachUpload(actor: Actor, evidenceId: string, received: Received, rawName: string) {
  const fileName = cleanFileName(rawName);
  let target: Awaited<ReturnType<typeof uploadTarget>>;
  let verdict: Awaited<ReturnType<typeof inspectFile>>;
  try {
    target = await uploadTarget(actor, evidenceId);
    verdict = await inspectFile(received.tmpPath, fileName, received.size);
  } catch (e) {
    await discardTemp(received);
    throw e;
  }
  if (!verdict.ok) {
    await discardTemp(received);
    throw new UserFacingError(`${fileName} was not accepted: ${verdict.reason}`);
  }
  // The file reaches its final place before its row exists: a crash in between leaves only a
  // file that no row names, which sweepStorage() removes. A row never names a missing file.
  await commitBlob(received);
  return frozenFilesRefused(
    db.$transaction(async (tx) => {
      // The item's lock, as a submission takes it, so the version cannot be submitted half-way through.
      await lockEvidence(tx, [target.evidence.id]);
      const version = await latestVersion(tx, target.evidence.id);
      if (version.submittedAt)
        throw new UserFacingError("The item was submitted while the file was uploading, so the file was not added. Make a new version to add it.");
      if (version.id !== target.version.id) throw new UserFacingError("The item changed while the file was uploading. Upload it again.");
      await tx.storedBlob.upsert({
        where: { sha256: received.sha256 },
        update: {},
        create: { sha256: received.sha256, size: received.size, mediaType: verdict.mediaType },
      });
      const file = await tx.evidenceFile.create({
        data: { versionId: version.id, sha256: received.sha256, fileName, mediaType: verdict.mediaType, size: received.size, position: version.files.length },
      });
      await appendAudit(
        tx,
        {
          kind: "evidence.file_added",
          actorId: actor.userId,
          data: {
            evidenceId: target.evidence.id,
            version: version.version,
            fileId: file.id,
            sha256: received.sha256,
            size: received.size,
            mediaType: verdict.mediaType,
          },
        },
        { centreId: target.evidence.centreId, subject: `evidence:${target.evidence.id}` },
      );
      return { id: file.id, fileName, mediaType: verdict.mediaType, size: received.size, preview: verdict.preview };
    }),
  );
}

/**
 * The database refuses a file joining or leaving a submitted version (SQLSTATE 55000, raised by
 * the EvidenceFile trigger): a submission won the race. That is the user's news, not a 500.
 */
async function frozenFilesRefused<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (e) {
    if (sqlState(e) === "55000")
      throw new UserFacingError(
        "The item was submitted while the file was changing, so its submitted version stays as it was. Make a new version to change its files.",
      );
    throw e;
  }
}

/** Removes a file from a draft version (the stored content stays: other versions may use it). */
export async function removeFile(actor: Actor, fileId: unknown): Promise<void> {
  const file = await readableFile(actor, fileId);
  const evidence = await editableEvidence(db, actor, file.version.evidenceId);
  await frozenFilesRefused(
    db.$transaction(async (tx) => {
      await lockEvidence(tx, [evidence.id]);
      const current = await tx.evidenceFile.findUnique({ where: { id: file.id }, select: { version: { select: { submittedAt: true } } } });
      if (!current) throw new UserFacingError("This file was already removed.");
      if (current.version.submittedAt) throw new UserFacingError("This version was submitted and cannot change.");
      await tx.evidenceFile.delete({ where: { id: file.id } });
      await appendAudit(
        tx,
        {
          kind: "evidence.file_removed",
          actorId: actor.userId,
          data: { evidenceId: evidence.id, version: file.version.version, fileId: file.id, sha256: file.sha256 },
        },
        { centreId: evidence.centreId, subject: `evidence:${evidence.id}` },
      );
    }),
  );
}

/** A file the actor may read, with where its bytes are; NotFoundError otherwise. */
export async function readableFile(actor: Actor, fileId: unknown) {
  if (!isId(fileId)) throw new NotFoundError("No file has that id");
  const file = await db.evidenceFile.findFirst({
    where: { id: fileId, version: { evidence: scope(actor, "read:evidence") } },
    include: { version: { include: { evidence: { select: { centreId: true } } } } },
  });
  if (!file) throw new NotFoundError("No file has that id");
  return { ...file, path: blobPath(file.sha256) };
}

/**
 * Audits a read of an evidence file: a download, a preview or a range of it. One event per file,
 * person and day is enough to say who saw what; the FileRead row makes that one, under concurrency too.
 */
export async function auditFileRead(
  actor: Actor,
  file: { id: string; sha256: string; version: { evidence: { centreId: string } } },
  how: { inline: boolean; range: boolean },
  now = new Date(),
) {
  await db.$transaction(async (tx) => {
    const first = await tx.fileRead.createMany({
      data: [{ fileId: file.id, userId: actor.userId, day: new Date(`${now.toISOString().slice(0, 10)}T00:00:00Z`) }],
      skipDuplicates: true,
    });
    if (first.count === 0) return;
    await appendAudit(
      tx,
      { kind: "evidence.file_read", actorId: actor.userId, data: { fileId: file.id, sha256: file.sha256, ...how } },
      { centreId: file.version.evidence.centreId, subject: `file:${file.id}` },
    );
  });
}
