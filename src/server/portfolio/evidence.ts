import { type EvidenceInput, evidenceInputSchema } from "@/lib/portfolio/schemas";
import { appendAudit } from "@/server/audit/append";
import type { Actor } from "@/server/auth/actor";
import { type Db, type Tx, db } from "@/server/db/client";
import { Prisma } from "@/server/db/generated/client";
import { lockEvidence } from "@/server/db/locks";
import { UserFacingError, parseInput } from "@/server/errors";
import { assertHolds, centresAllowing, editableEvidence } from "@/server/policy";
import { must } from "@/lib/must";

const dateOnly = (s: string) => new Date(`${s}T00:00:00Z`);

function versionFields(input: EvidenceInput) {
  const inPlace = input.kind === "IN_PLACE";
  return {
    title: input.title,
    account: input.account,
    method: input.method,
    activityFrom: dateOnly(input.activityFrom),
    activityTo: input.activityTo ? dateOnly(input.activityTo) : null,
    kind: input.kind,
    location: inPlace ? (input.location ?? null) : null,
    holder: inPlace ? (input.holder ?? null) : null,
    confidential: inPlace ? input.confidential : null,
    relevance: inPlace ? (input.relevance ?? null) : null,
  };
}

const listFields = (input: EvidenceInput) => ({ title: input.title, method: input.method, activityFrom: dateOnly(input.activityFrom) });

export const latestVersion = (tx: Db | Tx, evidenceId: string) =>
  tx.evidenceVersion.findFirstOrThrow({ where: { evidenceId }, orderBy: { version: "desc" }, include: { files: { orderBy: { position: "asc" } } } });

/** "Add evidence": a learner starts a draft item in their centre. */
export async function createEvidence(actor: Actor, input: unknown): Promise<{ id: string }> {
  assertHolds(actor, "create:evidence");
  const centres = centresAllowing(actor, "create:evidence");
  const raw = (input ?? {}) as Record<string, unknown>;
  const centreId = centres.length === 1 ? must(centres[0], "centres[0]") : centres.find((c) => c === raw.centreId);
  if (!centreId) throw new UserFacingError("Choose the centre this evidence is for.");
  const data = parseInput(evidenceInputSchema, input);
  return db.$transaction(async (tx) => {
    const evidence = await tx.evidence.create({ data: { centreId, learnerId: actor.userId, ...listFields(data) } });
    await tx.evidenceVersion.create({ data: { evidenceId: evidence.id, version: 1, createdById: actor.userId, ...versionFields(data) } });
    await appendAudit(
      tx,
      { kind: "evidence.created", actorId: actor.userId, data: { evidenceId: evidence.id, version: 1 } },
      { centreId, subject: `evidence:${evidence.id}` },
    );
    return { id: evidence.id };
  });
}

/** Makes a new draft version from a submitted one, files included; the earlier version stays as it was. */
export async function startRevision(actor: Actor, evidenceId: unknown): Promise<{ version: number }> {
  const evidence = await editableEvidence(db, actor, evidenceId);
  return db.$transaction(async (tx) => {
    // Under the item's lock: starts at once make one new version, and the others return it.
    const [locked] = await lockEvidence(tx, [evidence.id]);
    const latest = await latestVersion(tx, evidence.id);
    if (!latest.submittedAt) return { version: latest.version };
    const {
      id: _id,
      evidenceId: _e,
      version,
      createdAt: _c,
      submittedAt: _s,
      contentHash: _h,
      createdById: _b,
      files,
      workplaceDeclared: _w,
      ownWorkDeclared: _o,
      countersignName: _n,
      record,
      ...content
    } = latest;
    // A record copied into a new version must be sent for countersigning again.
    const nextRecord = record && typeof record === "object" ? { ...(record as object), ready: false } : Prisma.DbNull;
    const next = await tx.evidenceVersion.create({
      data: { ...content, record: nextRecord, evidenceId: evidence.id, version: version + 1, createdById: actor.userId },
    });
    if (files.length)
      await tx.evidenceFile.createMany({
        data: files.map((f) => ({ versionId: next.id, sha256: f.sha256, fileName: f.fileName, mediaType: f.mediaType, size: f.size, position: f.position })),
      });
    // A withdrawn item stays withdrawn until its new version is submitted, so the withdrawn
    // version never becomes "current" again (decide relies only on current versions).
    if (locked?.status !== "WITHDRAWN") await tx.evidence.update({ where: { id: evidence.id }, data: { status: "DRAFT" } });
    await appendAudit(
      tx,
      { kind: "evidence.revised", actorId: actor.userId, data: { evidenceId: evidence.id, version: next.version } },
      { centreId: evidence.centreId, subject: `evidence:${evidence.id}` },
    );
    return { version: next.version };
  });
}

/** Changes the draft version; a submitted version is never changed (startRevision first). */
export async function updateEvidence(actor: Actor, evidenceId: unknown, input: unknown): Promise<void> {
  const evidence = await editableEvidence(db, actor, evidenceId);
  const data = parseInput(evidenceInputSchema, input);
  await db.$transaction(async (tx) => {
    await lockEvidence(tx, [evidence.id]);
    const latest = await latestVersion(tx, evidence.id);
    if (latest.submittedAt) throw new UserFacingError("This version was submitted and cannot change. Make a new version to edit it.");
    if (latest.record) throw new UserFacingError("This is an assessor's record; change it on the record form.");
    if (data.kind === "IN_PLACE" && latest.files.length) throw new UserFacingError("Remove the uploaded files before recording the evidence as kept in place.");
    await tx.evidenceVersion.update({ where: { id: latest.id }, data: versionFields(data) });
    await tx.evidence.update({ where: { id: evidence.id }, data: listFields(data) });
    await appendAudit(
      tx,
      { kind: "evidence.updated", actorId: actor.userId, data: { evidenceId: evidence.id, version: latest.version } },
      { centreId: evidence.centreId, subject: `evidence:${evidence.id}` },
    );
  });
}

/** Deletes a draft that was never submitted. Anything once submitted is kept for good. */
export async function deleteEvidence(actor: Actor, evidenceId: unknown): Promise<void> {
  const evidence = await editableEvidence(db, actor, evidenceId);
  await db.$transaction(async (tx) => {
    await lockEvidence(tx, [evidence.id]);
    if (await tx.evidenceVersion.count({ where: { evidenceId: evidence.id, submittedAt: { not: null } } }))
      throw new UserFacingError("This item has been submitted, so it is kept. You can withdraw it instead.");
    const versions = await tx.evidenceVersion.findMany({ where: { evidenceId: evidence.id }, select: { id: true, version: true } });
    await tx.evidenceFile.deleteMany({ where: { versionId: { in: versions.map((v) => v.id) } } });
    await tx.evidenceLink.deleteMany({ where: { evidenceId: evidence.id } });
    await tx.evidenceScopeLink.deleteMany({ where: { evidenceId: evidence.id } });
    await tx.comment.updateMany({ where: { evidenceId: evidence.id }, data: { parentId: null } });
    await tx.comment.deleteMany({ where: { evidenceId: evidence.id } });
    await tx.evidenceVersion.deleteMany({ where: { evidenceId: evidence.id } });
    await tx.evidence.delete({ where: { id: evidence.id } });
    await appendAudit(
      tx,
      { kind: "evidence.deleted", actorId: actor.userId, data: { evidenceId: evidence.id, version: Math.max(...versions.map((v) => v.version)) } },
      { centreId: evidence.centreId, subject: `evidence:${evidence.id}` },
    );
  });
}
