import { pendingAuditInsert } from "@/server/audit/append";
import type { Actor } from "@/server/auth/actor";
import type { Tx } from "@/server/db/client";
import { notificationsInsert } from "@/server/notifications/notifications";

// The statements a signed decision is written with (decision 0029): few, because each one costs
// CPU in Node and PostgreSQL on every decision a busy centre makes.

/**
 * Under the enrolment's lock, in one statement: whether the unit is signed off, and each criterion's
 * judgement revision, making the judgements not made yet (at revision 0).
 */
export async function judgementsUnderLock(tx: Tx, enrolmentId: string, criterionIds: string[]) {
  const rows = await tx.$queryRaw<{ criterionId: string; revision: number; signedOff: boolean }[]>`
    WITH made AS (
      INSERT INTO "CriterionJudgement" ("id", "enrolmentId", "criterionId", "updatedAt")
      SELECT gen_random_uuid(), ${enrolmentId}::uuid, c, ${new Date().toISOString()}::timestamp FROM unnest(${criterionIds}::uuid[]) AS c
      ON CONFLICT ("enrolmentId", "criterionId") DO NOTHING
    )
    SELECT c::text AS "criterionId", COALESCE(j."revision", 0) AS "revision",
      EXISTS (SELECT 1 FROM "UnitSignOff" s WHERE s."currentOfId" = ${enrolmentId}::uuid) AS "signedOff"
    FROM unnest(${criterionIds}::uuid[]) AS c
    LEFT JOIN "CriterionJudgement" j ON j."enrolmentId" = ${enrolmentId}::uuid AND j."criterionId" = c`;
  return { revisions: new Map(rows.map((r) => [r.criterionId, Number(r.revision)])), signedOff: rows.some((r) => r.signedOff) };
}

export type SignedDecision = {
  choice: { outcome: "MET" | "NOT_YET_MET"; feedback: string; revision: number };
  criterion: { id: string; code: string };
  decisionId: string;
  evidence: { evidenceVersionId: string; contentHash: string }[];
  signatureHash: string;
};

/**
 * Writes signed decisions in one statement: each decision and the evidence it relied on, its
 * judgement moved on from the revision the assessor saw, the learner's notices and the audit events
 * (chained at commit). Returns the criteria whose judgement moved; the caller refuses if one did not.
 */
export async function writeDecisions(
  tx: Tx,
  actor: Actor,
  enrolment: { id: string; centreId: string; learnerId: string; unit: { displayCode: string } },
  signed: SignedDecision[],
  decidedAt: Date,
  typedName: string,
) {
  const criterionName = (s: SignedDecision) => `${enrolment.unit.displayCode} ${s.criterion.code}`;
  const notices = notificationsInsert(
    signed.map((s) => ({
      userId: enrolment.learnerId,
      centreId: enrolment.centreId,
      kind: "decision.signed",
      message: s.choice.outcome === "MET" ? `${criterionName(s)} is met.` : `${criterionName(s)} is not yet met. Feedback: ${s.choice.feedback}`,
      link: `/enrolments/${enrolment.id}/progress#criterion-${s.criterion.code}`,
    })),
  );
  const audits = pendingAuditInsert(
    signed.map((s) => ({
      event: {
        kind: "decision.signed" as const,
        actorId: actor.userId,
        data: {
          decisionId: s.decisionId,
          enrolmentId: enrolment.id,
          criterion: criterionName(s),
          outcome: s.choice.outcome,
          signatureHash: s.signatureHash,
          evidenceVersions: s.evidence.map((e) => e.evidenceVersionId),
        },
      },
      context: { centreId: enrolment.centreId, subject: `enrolment:${enrolment.id}` },
    })),
  );
  const relied = signed.flatMap((s) => s.evidence.map((e) => ({ ...e, decisionId: s.decisionId })));
  const column = <T, K extends keyof T>(rows: T[], key: K) => rows.map((r) => r[key]);
  const at = decidedAt.toISOString();
  // Timestamps go as UTC text to columns without a time zone, as Prisma writes DateTime.
  const moved = await tx.$queryRaw<{ criterionId: string }[]>`
    WITH decision AS (
      INSERT INTO "Decision" ("id", "centreId", "enrolmentId", "criterionId", "judgementRevision", "outcome", "feedback", "assessorId", "typedName", "signatureHash", "decidedAt")
      SELECT d."id", ${enrolment.centreId}::uuid, ${enrolment.id}::uuid, d."criterionId", d."revision", d."outcome"::"DecisionOutcome", d."feedback",
        ${actor.userId}::uuid, ${typedName}, d."signatureHash", ${at}::timestamp
      FROM unnest(${column(signed, "decisionId")}::uuid[], ${signed.map((s) => s.criterion.id)}::uuid[], ${signed.map((s) => s.choice.revision)}::int[],
        ${signed.map((s) => s.choice.outcome)}::text[], ${signed.map((s) => s.choice.feedback)}::text[], ${column(signed, "signatureHash")}::text[])
        AS d("id", "criterionId", "revision", "outcome", "feedback", "signatureHash")
      RETURNING "id", "criterionId", "judgementRevision", "outcome"
    ), relied AS (
      INSERT INTO "DecisionEvidence" ("decisionId", "evidenceVersionId", "contentHash")
      SELECT * FROM unnest(${column(relied, "decisionId")}::uuid[], ${column(relied, "evidenceVersionId")}::uuid[], ${column(relied, "contentHash")}::text[])
    ), moved AS (
      UPDATE "CriterionJudgement" j
      SET "state" = decision."outcome"::text::"CriterionState", "revision" = decision."judgementRevision" + 1, "decisionId" = decision."id",
        "stale" = false, "queuedAt" = NULL, "updatedAt" = ${at}::timestamp
      FROM decision
      WHERE j."enrolmentId" = ${enrolment.id}::uuid AND j."criterionId" = decision."criterionId" AND j."revision" = decision."judgementRevision"
      RETURNING j."criterionId"
    ), notices AS (${notices}), audit AS (${audits})
    SELECT "criterionId"::text AS "criterionId" FROM moved`;
  return new Set(moved.map((m) => m.criterionId));
}
