import { createHash } from "node:crypto";
import { canonicalJson } from "@/lib/canonical-json";
import { submitSchema } from "@/lib/portfolio/schemas";
import { appendAudit } from "@/server/audit/append";
import type { Actor } from "@/server/auth/actor";
import { assertTypedName } from "@/server/auth/typed-name";
import { type Tx, db } from "@/server/db/client";
import { UserFacingError, parseInput } from "@/server/errors";
import { closedEnrolmentIds } from "@/server/assessment/open";
import { lockEnrolments, lockEvidence, lockNewestVersion } from "@/server/db/locks";
import { submittableEvidence, withdrawableEvidence } from "@/server/policy";
import { latestVersion } from "./evidence";
import { notify } from "@/server/notifications/notifications";
import { planAgreed } from "./plan";
import { type AssessorRecord, needsRecording } from "@/lib/portfolio/records";
import { must } from "@/lib/must";

type Version = Awaited<ReturnType<typeof latestVersion>>;

/** SHA-256 over what a version says and the hashes of its files: what an assessor later relies on. */
export function versionHash(v: Version): string {
  const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
  const content = {
    evidenceId: v.evidenceId,
    version: v.version,
    title: v.title,
    account: v.account,
    method: v.method,
    activityFrom: day(v.activityFrom),
    activityTo: day(v.activityTo),
    kind: v.kind,
    location: v.location,
    holder: v.holder,
    confidential: v.confidential,
    relevance: v.relevance,
    record: v.record ?? null,
    files: v.files.map((f) => ({ sha256: f.sha256, fileName: f.fileName, size: Number(f.size) })),
  };
  return createHash("sha256").update(canonicalJson(content)).digest("hex");
}

const activeLinks = (tx: Tx, evidenceId: string) =>
  tx.evidenceLink.findMany({
    where: { evidenceId, removedAt: null },
    include: {
      enrolment: { include: { unit: { select: { displayCode: true, simulationAllowed: true, planRequiredFirst: true } } } },
      criterion: { select: { code: true } },
    },
  });

/** "Submit for assessment": freezes the draft version with the learner's declarations. */
export async function submitEvidence(actor: Actor, evidenceId: unknown, input: unknown): Promise<{ version: number }> {
  const evidence = await submittableEvidence(db, actor, evidenceId);
  const declarations = parseInput(submitSchema, input);
  return db.$transaction(async (tx) => {
    // The item, then its draft version, locked before the files are read: an upload either lands
    // first (and is hashed) or waits and is refused, so the hash covers exactly the version's files.
    await lockEvidence(tx, [evidence.id]);
    await lockNewestVersion(tx, evidence.id);
    const version = await latestVersion(tx, evidence.id);
    if (version.submittedAt) throw new UserFacingError("This version has already been submitted.");
    const links = await activeLinks(tx, evidence.id);
    if (links.length === 0) throw new UserFacingError("Map the item to at least one criterion before submitting it.");
    const record = version.record as AssessorRecord | null;
    if (record) {
      if (!record.ready) throw new UserFacingError("Your assessor has not sent this record for your countersignature yet.");
      if (needsRecording(record) && version.files.length === 0) throw new UserFacingError("This record needs its recording before it can be countersigned.");
      assertTypedName(actor, declarations.typedName);
    } else if (version.kind === "FILES" && version.files.length === 0)
      throw new UserFacingError("Upload at least one file, or record where the evidence is kept, before submitting.");
    // "Met" decisions that relied on an earlier version of this item no longer describe what is submitted.
    const staleWhere = { state: "MET" as const, decision: { evidence: { some: { version: { evidenceId: evidence.id, id: { not: version.id } } } } } };
    const staleable = await tx.criterionJudgement.findMany({ where: staleWhere, select: { enrolmentId: true } });
    // The judgements this submission changes are in these enrolments; a sign-off takes the same lock,
    // so it sees them before or after, never half-way. A signed-off unit's judgements stay as signed.
    const locked = await lockEnrolments(tx, [...links.map((l) => l.enrolmentId), ...staleable.map((j) => j.enrolmentId)]);
    const closed = await closedEnrolmentIds(tx, locked);
    const enrolments = [...new Map(links.filter((l) => !closed.has(l.enrolmentId)).map((l) => [l.enrolmentId, l.enrolment])).values()];
    for (const e of enrolments) {
      if (e.unit.planRequiredFirst && !(await planAgreed(tx, e.id)))
        throw new UserFacingError(
          `${e.unit.displayCode} needs an assessment plan agreed by you and your assessor before you submit evidence for it. Agree the plan first.`,
        );
    }
    const noSimulation = enrolments.filter((e) => !e.unit.simulationAllowed);
    if (noSimulation.length && !declarations.workplace)
      throw new UserFacingError(
        `${noSimulation.map((e) => e.unit.displayCode).join(" and ")} does not allow simulation: confirm that this evidence comes from real work in your workplace.`,
        {
          workplace: "Confirm the evidence comes from your workplace",
        },
      );

    const contentHash = versionHash(version);
    const now = new Date();
    // Conditional on the version still being a draft, so a double submission freezes it once.
    const frozen = await tx.evidenceVersion.updateMany({
      where: { id: version.id, submittedAt: null },
      data: {
        submittedAt: now,
        contentHash,
        ownWorkDeclared: true,
        workplaceDeclared: declarations.workplace,
        countersignName: record ? must(declarations.typedName, "declarations.typedName") : null,
      },
    });
    if (frozen.count !== 1) throw new UserFacingError("This version has already been submitted.");
    await tx.evidence.update({ where: { id: evidence.id }, data: { status: "SUBMITTED" } });

    const pairs = links.filter((l) => !closed.has(l.enrolmentId)).map((l) => ({ enrolmentId: l.enrolmentId, criterionId: l.criterionId }));
    if (pairs.length) {
      await tx.criterionJudgement.createMany({ data: pairs.map((p) => ({ ...p, state: "EVIDENCE_SUBMITTED" as const, queuedAt: now })), skipDuplicates: true });
      await tx.criterionJudgement.updateMany({
        where: { OR: pairs, state: { in: ["NOT_STARTED", "NOT_YET_MET"] } },
        data: { state: "EVIDENCE_SUBMITTED", queuedAt: now },
      });
    }
    await tx.criterionJudgement.updateMany({
      where: { ...staleWhere, enrolmentId: { in: locked.map((e) => e.id).filter((id) => !closed.has(id)) } },
      data: { stale: true, queuedAt: now },
    });

    await notify(
      tx,
      [...new Set([...enrolments.map((e) => e.assessorId), evidence.authorId].filter((id): id is string => Boolean(id)))].map((userId) => ({
        userId,
        centreId: evidence.centreId,
        kind: "evidence.submitted",
        message: record ? `${actor.name} countersigned “${version.title}”.` : `${actor.name} submitted “${version.title}” for assessment.`,
        link: `/evidence/${evidence.id}`,
      })),
    );
    await appendAudit(
      tx,
      {
        kind: "evidence.submitted",
        actorId: actor.userId,
        data: {
          evidenceId: evidence.id,
          version: version.version,
          contentHash,
          criteria: links.map((l) => `${l.enrolment.unit.displayCode} ${l.criterion.code}`),
        },
      },
      { centreId: evidence.centreId, subject: `evidence:${evidence.id}` },
    );
    return { version: version.version };
  });
}

/**
 * "Withdraw": the item's author takes back a submission no assessor has yet made a decision on.
 * The item is locked, as a decision locks it, so a withdrawal and a decision never both succeed.
 */
export async function withdrawEvidence(actor: Actor, evidenceId: unknown): Promise<void> {
  const evidence = await withdrawableEvidence(db, actor, evidenceId);
  await db.$transaction(async (tx) => {
    const [locked] = await lockEvidence(tx, [evidence.id]);
    const version = await latestVersion(tx, evidence.id);
    if (locked?.status !== "SUBMITTED" || !version.submittedAt) throw new UserFacingError("Only a submitted item can be withdrawn.");
    if (await tx.decisionEvidence.count({ where: { evidenceVersionId: version.id } }))
      throw new UserFacingError("An assessor has already made a decision on this submission, so it cannot be withdrawn.");
    // What a signed-off unit was signed off on stays in the portfolio as it was.
    if (
      await tx.unitSignOff.count({
        where: { enrolment: { judgements: { some: { decision: { evidence: { some: { version: { evidenceId: evidence.id } } } } } } } },
      })
    )
      throw new UserFacingError("A signed-off unit relies on an earlier version of this item, so it cannot be withdrawn.");
    const changed = await tx.evidence.updateMany({ where: { id: evidence.id, status: "SUBMITTED" }, data: { status: "WITHDRAWN" } });
    if (changed.count !== 1) throw new UserFacingError("Only a submitted item can be withdrawn.");
    await releaseJudgements(tx, evidence.id);
    await appendAudit(
      tx,
      { kind: "evidence.withdrawn", actorId: actor.userId, data: { evidenceId: evidence.id, version: version.version } },
      { centreId: evidence.centreId, subject: `evidence:${evidence.id}` },
    );
  });
}

/** Criteria this item backed go back to "not started" unless other submitted evidence still backs them. */
async function releaseJudgements(tx: Tx, evidenceId: string) {
  const links = await tx.evidenceLink.findMany({ where: { evidenceId, removedAt: null }, select: { enrolmentId: true, criterionId: true } });
  if (links.length === 0) return;
  // Under the enrolments' lock, as a submission that queues these criteria takes it.
  await lockEnrolments(
    tx,
    links.map((l) => l.enrolmentId),
  );
  const key = (l: { enrolmentId: string; criterionId: string }) => `${l.enrolmentId}:${l.criterionId}`;
  const others = await tx.evidenceLink.findMany({
    where: { OR: links, removedAt: null, evidenceId: { not: evidenceId }, evidence: { status: "SUBMITTED" } },
    select: { enrolmentId: true, criterionId: true },
  });
  const backed = new Set(others.map(key));
  const release = links.filter((l) => !backed.has(key(l)));
  if (release.length) await tx.criterionJudgement.updateMany({ where: { OR: release, state: "EVIDENCE_SUBMITTED" }, data: { state: "NOT_STARTED" } });
}
