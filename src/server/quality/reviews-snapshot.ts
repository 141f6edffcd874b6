import { createHash } from "node:crypto";
import { canonicalJson } from "@/lib/canonical-json";
import type { ReviewSnapshot, SnapshotEvidence, SnapshotTestimony } from "@/lib/quality/review-snapshot";
import type { Tx } from "@/server/db/client";
import type { AssessmentMethod } from "@/server/db/generated/client";

export const snapshotHash = (s: ReviewSnapshot) => createHash("sha256").update(canonicalJson(s)).digest("hex");

type Scope = { stage: "INTERIM" | "SUMMATIVE"; criterionIds: string[]; method: AssessmentMethod | null };

/**
 * What is sampled, read now (the caller holds the enrolment's lock): the current decisions (for an
 * interim sample narrowed to the item's criteria or method), the evidence versions they relied on
 * with files, records and testimonies, and at the summative stage the current sign-off. Decisions
 * the reviewing IQA made are left out and counted.
 */
export async function takeSnapshot(tx: Tx, enrolmentId: string, iqaId: string, scope: Scope, now = new Date()): Promise<ReviewSnapshot> {
  const narrowed = scope.stage === "INTERIM";
  const criterionIds = narrowed ? scope.criterionIds : [];
  const method = narrowed ? scope.method : null;
  const enrolment = await tx.enrolment.findUniqueOrThrow({
    where: { id: enrolmentId },
    select: {
      id: true,
      learner: { select: { name: true } },
      assessor: { select: { name: true } },
      unit: { select: { displayCode: true, title: true } },
      signOff: true,
    },
  });
  const judgements = await tx.criterionJudgement.findMany({
    where: {
      enrolmentId,
      decisionId: { not: null },
      ...(criterionIds.length ? { criterionId: { in: criterionIds } } : {}),
      ...(method ? { decision: { evidence: { some: { version: { method } } } } } : {}),
    },
    select: {
      criterion: { select: { id: true, code: true, text: true, position: true } },
      decision: {
        select: {
          id: true,
          outcome: true,
          feedback: true,
          assessorId: true,
          assessor: { select: { name: true } },
          typedName: true,
          signatureHash: true,
          decidedAt: true,
          evidence: { select: { evidenceVersionId: true } },
        },
      },
    },
    orderBy: { criterion: { position: "asc" } },
  });
  const all = judgements.flatMap((j) => (j.decision ? [{ ...j.decision, criterion: j.criterion }] : []));
  const decisions = all.filter((d) => d.assessorId !== iqaId);
  const versionIds = [...new Set(decisions.flatMap((d) => d.evidence.map((e) => e.evidenceVersionId)))];
  const evidence = await snapshotEvidence(tx, versionIds);
  const signOff = scope.stage === "SUMMATIVE" && enrolment.signOff && enrolment.signOff.assessorId !== iqaId ? enrolment.signOff : null;
  const signOffAssessor = signOff ? await tx.user.findUniqueOrThrow({ where: { id: signOff.assessorId }, select: { name: true } }) : null;
  const codes = criterionIds.length
    ? await tx.criterion.findMany({ where: { id: { in: criterionIds } }, select: { code: true }, orderBy: { position: "asc" } })
    : [];
  return {
    format: 1,
    takenAt: now.toISOString(),
    stage: scope.stage,
    enrolment: {
      id: enrolment.id,
      learnerName: enrolment.learner.name,
      unitCode: enrolment.unit.displayCode,
      unitTitle: enrolment.unit.title,
      assessorName: enrolment.assessor?.name ?? null,
    },
    scope: { criterionCodes: codes.map((c) => c.code), method },
    decisions: decisions.map((d) => ({
      id: d.id,
      criterionId: d.criterion.id,
      criterionCode: d.criterion.code,
      criterionText: d.criterion.text,
      outcome: d.outcome,
      feedback: d.feedback,
      assessorId: d.assessorId,
      assessorName: d.assessor.name,
      typedName: d.typedName,
      signatureHash: d.signatureHash,
      decidedAt: d.decidedAt.toISOString(),
      evidence: d.evidence.map((e) => e.evidenceVersionId).sort(),
    })),
    evidence,
    signOff:
      signOff && signOffAssessor
        ? {
            id: signOff.id,
            assessorId: signOff.assessorId,
            assessorName: signOffAssessor.name,
            assessorTypedName: signOff.assessorTypedName,
            summativeComment: signOff.summativeComment,
            assessorSignedAt: signOff.assessorSignedAt.toISOString(),
            contentHash: signOff.contentHash,
            learnerTypedName: signOff.learnerTypedName,
            learnerSignedAt: signOff.learnerSignedAt?.toISOString() ?? null,
          }
        : null,
    ownLeftOut: all.length - decisions.length + (scope.stage === "SUMMATIVE" && enrolment.signOff && !signOff ? 1 : 0),
  };
}

/** The evidence versions relied on, each with its files, record and witness testimonies: three queries in all. */
async function snapshotEvidence(tx: Tx, versionIds: string[]): Promise<SnapshotEvidence[]> {
  if (versionIds.length === 0) return [];
  const versions = await tx.evidenceVersion.findMany({
    where: { id: { in: versionIds } },
    select: {
      id: true,
      evidenceId: true,
      title: true,
      version: true,
      method: true,
      contentHash: true,
      account: true,
      record: true,
      countersignName: true,
      evidence: { select: { authorId: true } },
      files: { select: { id: true, fileName: true, sha256: true, size: true, mediaType: true }, orderBy: { position: "asc" } },
    },
    orderBy: [{ title: "asc" }, { id: "asc" }],
  });
  const requests = await tx.witnessRequest.findMany({
    where: { evidenceId: { in: versions.map((v) => v.evidenceId) } },
    orderBy: { createdAt: "asc" },
  });
  const testimonies = (evidenceId: string): SnapshotTestimony[] =>
    requests
      .filter((r) => r.evidenceId === evidenceId)
      .map((r) => ({
        witnessName: r.witnessName,
        jobRole: r.jobRole,
        relationship: r.relationship,
        statement: r.statement,
        outcome: r.outcome,
        confirmedName: r.confirmedName,
        respondedAt: r.respondedAt?.toISOString() ?? null,
        how: r.respondedAt
          ? `${r.outcome === "CONFIRMED" ? "Confirmed" : "Declined"} by the witness through a single-use link sent to ${r.witnessEmail}, typing the name “${r.confirmedName ?? ""}”.`
          : `Not answered: a single-use link was sent to ${r.witnessEmail}.`,
      }));
  return versions.map((v) => ({
    id: v.id,
    evidenceId: v.evidenceId,
    title: v.title,
    version: v.version,
    method: v.method,
    contentHash: v.contentHash,
    author: v.evidence.authorId ? "assessor" : "learner",
    account: v.account,
    files: v.files.map((f) => ({ id: f.id, name: f.fileName, sha256: f.sha256, size: Number(f.size), mediaType: f.mediaType })),
    record: v.record ?? null,
    countersignName: v.countersignName,
    testimonies: testimonies(v.evidenceId),
  }));
}
