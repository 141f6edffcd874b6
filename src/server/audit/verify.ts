import type { Db } from "@/server/db/client";
import { decisionHash } from "@/server/assessment/signature";
import { signOffContentHash } from "@/server/assessment/sign-off-hash";
import { planHash } from "@/server/portfolio/plan";
import { versionHash } from "@/server/portfolio/submission";
import { GENESIS_HASH, eventHash } from "./append";
import { type Checkpoint, checkpointSignatureValid, fileCheckpoints, storedCheckpoints } from "./checkpoint";
import type { SigningKey } from "./signing-key";
import { must } from "@/lib/must";

export type IntegrityReport = { ok: boolean; eventsChecked: number; recordsChecked: number; problem: string | null; head: { id: string; hash: string } | null };

class Broken extends Error {}
const BATCH = 500;

/** Rows in id order, a batch at a time: `page(cursor)` reads the batch after `cursor`. */
async function* batches<R extends { id: string }>(page: (after: { cursor: { id: string }; skip: 1 } | object, take: number) => Promise<R[]>, take = BATCH) {
  for (let cursor: string | undefined; ;) {
    const batch = await page(cursor ? { cursor: { id: cursor }, skip: 1 } : {}, take);
    yield batch;
    if (batch.length < take) return;
    cursor = must(batch.at(-1), "batch.at(-1)").id;
  }
}
const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Walks the whole audit chain, checks every signed checkpoint against it, and recomputes the hash of
 * every submitted evidence version, decision, plan signature and unit sign-off from its rows.
 * Stops at the first row that is not intact and names it.
 */
export async function verifyIntegrity(db: Db, key: Pick<SigningKey, "publicKey" | "keyId">): Promise<IntegrityReport> {
  const counts = { events: 0, records: 0 };
  let head: IntegrityReport["head"] = null;
  try {
    const checkpoints = await storedCheckpoints(db);
    head = await walkChain(db, checkpoints, counts);
    await checkCheckpoints(checkpoints, key);
    await checkEvidenceVersions(db, counts);
    await checkDecisions(db, counts);
    await checkPlanSignatures(db, counts);
    await checkSignOffs(db, counts);
    return { ok: true, eventsChecked: counts.events, recordsChecked: counts.records, problem: null, head };
  } catch (e) {
    if (!(e instanceof Broken)) throw e;
    return { ok: false, eventsChecked: counts.events, recordsChecked: counts.records, problem: e.message, head };
  }
}

async function walkChain(db: Db, checkpoints: Checkpoint[], counts: { events: number }) {
  const wanted = new Map(checkpoints.map((c) => [c.eventId, c]));
  let prevHash = GENESIS_HASH;
  let last: { id: string; hash: string } | null = null;
  for (let cursor: bigint | undefined; ;) {
    const batch = await db.auditEvent.findMany({ orderBy: { id: "asc" }, take: BATCH, ...(cursor === undefined ? {} : { cursor: { id: cursor }, skip: 1 }) });
    for (const e of batch) {
      if (e.prevHash !== prevHash) throw new Broken(`AuditEvent ${e.id}: it does not follow the event before it (an event was removed or changed).`);
      if (eventHash(prevHash, e) !== e.hash) throw new Broken(`AuditEvent ${e.id}: its hash does not match its contents.`);
      const checkpoint = wanted.get(String(e.id));
      if (checkpoint && checkpoint.eventHash !== e.hash)
        throw new Broken(`AuditEvent ${e.id}: the chain was rewritten after the signed checkpoint of ${checkpoint.signedAt}.`);
      wanted.delete(String(e.id));
      prevHash = e.hash;
      last = { id: String(e.id), hash: e.hash };
      counts.events++;
    }
    if (batch.length < BATCH) break;
    cursor = must(batch.at(-1), "batch.at(-1)").id;
  }
  const missing = [...wanted.values()][0];
  if (missing)
    throw new Broken(`AuditEvent ${missing.eventId}: signed in the checkpoint of ${missing.signedAt}, but no longer in the chain (events were deleted).`);
  return last;
}

async function checkCheckpoints(checkpoints: Checkpoint[], key: Pick<SigningKey, "publicKey" | "keyId">) {
  let prev: string | null = null;
  for (const c of checkpoints) {
    if (c.keyId !== key.keyId) throw new Broken(`AuditCheckpoint of ${c.signedAt}: signed with a key that is not this installation's.`);
    if (!checkpointSignatureValid(c, key)) throw new Broken(`AuditCheckpoint of ${c.signedAt}: its signature is not valid.`);
    if (c.prevSignature !== prev) throw new Broken(`AuditCheckpoint of ${c.signedAt}: it does not follow the checkpoint before it (a checkpoint was removed).`);
    prev = c.signature;
  }
  const stored = new Set(checkpoints.map((c) => c.signature));
  for (const kept of await fileCheckpoints()) {
    if (!stored.has(kept.signature))
      throw new Broken(`AuditCheckpoint of ${kept.signedAt} (event ${kept.eventId}): kept in the checkpoint file but missing from the database.`);
  }
}

async function checkEvidenceVersions(db: Db, counts: { records: number }) {
  const pages = batches((after, take) =>
    db.evidenceVersion.findMany({
      where: { submittedAt: { not: null } },
      orderBy: { id: "asc" },
      take,
      include: { files: { orderBy: { position: "asc" } } },
      ...after,
    }),
  );
  for await (const batch of pages) {
    for (const v of batch) {
      if (v.contentHash !== versionHash(v))
        throw new Broken(
          `EvidenceVersion ${v.id} (item ${v.evidenceId}, version ${v.version}): its content or files do not match the hash it was submitted with.`,
        );
      counts.records++;
    }
  }
}

async function checkDecisions(db: Db, counts: { records: number }) {
  const pages = batches((after, take) =>
    db.decision.findMany({ orderBy: { id: "asc" }, take, include: { evidence: { include: { version: { select: { contentHash: true } } } } }, ...after }),
  );
  for await (const batch of pages) {
    for (const d of batch) {
      const relied = d.evidence.find((e) => e.contentHash !== e.version.contentHash);
      if (relied)
        throw new Broken(`Decision ${d.id}: the evidence version ${relied.evidenceVersionId} it relied on no longer has the hash it was signed with.`);
      const signed = { ...d, outcome: d.outcome, evidence: d.evidence.map((e) => ({ evidenceVersionId: e.evidenceVersionId, contentHash: e.contentHash })) };
      if (decisionHash(signed) !== d.signatureHash)
        throw new Broken(`Decision ${d.id}: its row does not match its signature hash (outcome, feedback, signer or evidence changed).`);
      counts.records++;
    }
  }
}

async function checkPlanSignatures(db: Db, counts: { records: number }) {
  const pages = batches((after, take) =>
    db.assessmentPlanVersion.findMany({
      where: { signatures: { some: {} } },
      orderBy: { id: "asc" },
      take,
      include: { signatures: true, items: { orderBy: { position: "asc" }, include: { criteria: { include: { criterion: { select: { code: true } } } } } } },
      ...after,
    }),
  );
  for await (const batch of pages) {
    for (const v of batch) {
      const items = v.items.map((i) => ({
        method: i.method,
        task: i.task,
        targetDate: day(i.targetDate),
        criterionCodes: [...new Set(i.criteria.map((c) => c.criterion.code))].sort(),
      }));
      if (planHash(items) !== v.contentHash)
        throw new Broken(`AssessmentPlanVersion ${v.id} (version ${v.version}): its items do not match the hash that was signed.`);
      const off = v.signatures.find((s) => s.contentHash !== v.contentHash);
      if (off) throw new Broken(`PlanSignature ${off.id}: it signed content that is not this plan version's.`);
      counts.records += v.signatures.length;
    }
  }
}

async function checkSignOffs(db: Db, counts: { records: number }) {
  for await (const batch of batches((after, take) => db.unitSignOff.findMany({ orderBy: { id: "asc" }, take, ...after }), 100)) {
    const decisions = await db.decision.findMany({
      where: { enrolmentId: { in: batch.map((s) => s.enrolmentId) } },
      select: { enrolmentId: true, criterionId: true, judgementRevision: true, signatureHash: true, decidedAt: true },
      orderBy: { judgementRevision: "asc" },
    });
    for (const s of batch) {
      // The decision current at sign-off: the newest one per criterion made before it.
      const current = new Map<string, string>();
      for (const d of decisions) if (d.enrolmentId === s.enrolmentId && d.decidedAt <= s.assessorSignedAt) current.set(d.criterionId, d.signatureHash);
      const hash = signOffContentHash(
        s.enrolmentId,
        s.summativeComment,
        [...current].map(([criterionId, signatureHash]) => ({ criterionId, signatureHash })),
      );
      if (hash !== s.contentHash)
        throw new Broken(`UnitSignOff ${s.id} (enrolment ${s.enrolmentId}): its comment or the decisions it signed do not match its hash.`);
      const unlockProblem = unlockIssue(s);
      if (unlockProblem) throw new Broken(`UnitSignOff ${s.id} (enrolment ${s.enrolmentId}): ${unlockProblem}`);
      counts.records++;
    }
  }
}

/**
 * An unlocked sign-off keeps the hash of what was signed (checked above against the decisions made
 * before it); its unlock must be whole and after the signing, and only a sign-off still current
 * names its enrolment (decision 0040).
 */
function unlockIssue(s: {
  enrolmentId: string;
  currentOfId: string | null;
  assessorSignedAt: Date;
  unlockedAt: Date | null;
  unlockedById: string | null;
  unlockReason: string | null;
}) {
  if (s.unlockedAt === null) {
    if (s.unlockedById !== null || s.unlockReason !== null) return "it names who unlocked it but not when.";
    if (s.currentOfId !== s.enrolmentId) return "it is not unlocked, yet it is not the enrolment's current sign-off.";
    return null;
  }
  if (s.currentOfId !== null) return "it was unlocked, yet it is still the enrolment's current sign-off.";
  if (!s.unlockedById || !s.unlockReason) return "it was unlocked without saying by whom and why.";
  if (s.unlockedAt < s.assessorSignedAt) return "it was unlocked before it was signed.";
  return null;
}
