import { randomUUID } from "node:crypto";
import { z } from "zod";
import { anyText, id, int, int4Max, text } from "../../lib/input";
import { appendAudit } from "../audit/append";
import type { Actor } from "../auth/actor";
import { type Tx, db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { UserFacingError, parseInput } from "../errors";
import { assessedEnrolment } from "../policy";
import { notify } from "../notifications/notifications";
import { lockEnrolments, lockEvidence } from "../db/locks";
import { assertOpen } from "./open";
import { confirmSigner } from "./identity";
import { decisionHash } from "./signature";

export const decisionSchema = z
  .object({
    criterionId: id("Choose a criterion"),
    outcome: z.enum(["MET", "NOT_YET_MET"], { error: "Choose Met or Not yet met" }),
    feedback: anyText(10_000, "Write your feedback").trim().default(""),
    evidenceVersionIds: z.array(id("Choose evidence from the list"), { error: "Choose evidence from the list" }).max(200).default([]),
    typedName: text(200, "Type your full name to sign"),
    password: anyText(1024, "Enter your password").optional(),
    revision: int(0, int4Max, "Reload the page and decide again"),
  })
  .superRefine((d, ctx) => {
    if (d.outcome === "NOT_YET_MET" && !d.feedback) ctx.addIssue({ code: "custom", path: ["feedback"], message: "Give feedback: say what is missing for Not yet met" });
    if (d.outcome === "MET" && d.evidenceVersionIds.length === 0) ctx.addIssue({ code: "custom", path: ["evidenceVersionIds"], message: "Name the evidence you relied on for Met" });
  });

/**
 * "Met" or "Not yet met", signed. The log row, the current state and the audit event are written
 * together; the current state changes only from the revision the assessor saw, so two submissions
 * of the same decision make exactly one.
 */
export async function decideCriterion(actor: Actor, enrolmentId: unknown, input: unknown): Promise<{ decisionId: string }> {
  const enrolment = await assessedEnrolment(db, actor, enrolmentId);
  const d = parseInput(decisionSchema, input);
  await confirmSigner(actor, d.typedName, d.password, actor.signedInAt ?? null);
  const criterion = await db.criterion.findFirst({ where: { id: d.criterionId, unitId: enrolment.unitId }, select: { id: true, code: true } });
  if (!criterion) throw new UserFacingError("That criterion is not part of this unit.");
  const wanted = [...new Set(d.evidenceVersionIds)];

  const decisionId = randomUUID();
  const decidedAt = new Date();
  try {
    await db.$transaction(async (tx) => {
      // The items relied on (shared: nothing may withdraw or revise them meanwhile), then the
      // enrolment (a sign-off waits for this decision, or this decision sees the sign-off).
      const items = await tx.evidenceVersion.findMany({ where: { id: { in: wanted } }, select: { evidenceId: true } });
      await lockEvidence(tx, items.map((i) => i.evidenceId), "share");
      const [locked] = await lockEnrolments(tx, [enrolment.id]);
      await assertOpen(tx, { id: enrolment.id, status: locked!.status });
      const evidence = await reliableVersions(tx, enrolment, criterion.id, wanted);
      const signed = { enrolmentId: enrolment.id, criterionId: criterion.id, judgementRevision: d.revision, outcome: d.outcome, feedback: d.feedback, assessorId: actor.userId, typedName: d.typedName, decidedAt, evidence };
      const signatureHash = decisionHash(signed);
      await tx.criterionJudgement.createMany({ data: [{ enrolmentId: enrolment.id, criterionId: criterion.id }], skipDuplicates: true });
      const { evidence: _relied, ...row } = signed;
      await tx.decision.create({ data: { id: decisionId, centreId: enrolment.centreId, ...row, signatureHash } });
      if (evidence.length) await tx.decisionEvidence.createMany({ data: evidence.map((e) => ({ ...e, decisionId })) });
      const moved = await tx.criterionJudgement.updateMany({
        where: { enrolmentId: enrolment.id, criterionId: criterion.id, revision: d.revision },
        data: { state: d.outcome, revision: d.revision + 1, decisionId, stale: false, queuedAt: null },
      });
      if (moved.count !== 1) throw new UserFacingError("This criterion was decided a moment ago, so this decision was not recorded. Reload to see the current decision.");
      await appendAudit(
        tx,
        { kind: "decision.signed", actorId: actor.userId, data: { decisionId, enrolmentId: enrolment.id, criterion: `${enrolment.unit.displayCode} ${criterion.code}`, outcome: d.outcome, signatureHash, evidenceVersions: evidence.map((e) => e.evidenceVersionId) } },
        { centreId: enrolment.centreId, subject: `enrolment:${enrolment.id}` },
      );
      await notify(tx, [
        {
          userId: enrolment.learnerId,
          centreId: enrolment.centreId,
          kind: "decision.signed",
          message:
            d.outcome === "MET"
              ? `${enrolment.unit.displayCode} ${criterion.code} is met.`
              : `${enrolment.unit.displayCode} ${criterion.code} is not yet met. Feedback: ${d.feedback}`,
          link: `/enrolments/${enrolment.id}/progress#criterion-${criterion.code}`,
        },
      ]);
    });
  } catch (e) {
    // The same revision decided twice at once: the unique (enrolment, criterion, revision) refuses the second.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw new UserFacingError("This criterion was decided a moment ago, so this decision was not recorded. Reload to see the current decision.");
    throw e;
  }
  return { decisionId };
}

/**
 * The versions a decision may rely on, with their hashes: each the current version of an item
 * mapped to this criterion. "Current" is the newest submitted version of an item that is not
 * withdrawn (docs/decisions/0013-locking.md). Anything else is refused with the reason.
 */
async function reliableVersions(tx: Tx, enrolment: { id: string; learnerId: string }, criterionId: string, versionIds: string[]) {
  const versions = await tx.evidenceVersion.findMany({
    where: { id: { in: versionIds }, submittedAt: { not: null }, evidence: { learnerId: enrolment.learnerId, links: { some: { criterionId, enrolmentId: enrolment.id, removedAt: null } } } },
    select: { id: true, version: true, contentHash: true, evidence: { select: { id: true, status: true, title: true } } },
  });
  if (versions.length !== versionIds.length) throw new UserFacingError("Rely only on submitted evidence mapped to this criterion.");
  // The newest submitted version of each item relied on, in one query.
  const newest = new Map(
    (await tx.evidenceVersion.groupBy({ by: ["evidenceId"], where: { evidenceId: { in: versions.map((v) => v.evidence.id) }, submittedAt: { not: null } }, _max: { version: true } })).map((g) => [g.evidenceId, g._max.version]),
  );
  for (const v of versions) {
    if (v.evidence.status === "WITHDRAWN") throw new UserFacingError(`“${v.evidence.title}” was withdrawn by the learner, so a decision cannot rely on it.`);
    const latest = newest.get(v.evidence.id);
    if (latest !== v.version) throw new UserFacingError(`“${v.evidence.title}” has a newer version (version ${latest}) than the one you chose (version ${v.version}). Reload and decide on the newer version.`);
  }
  return versions.map((v) => ({ evidenceVersionId: v.id, contentHash: v.contentHash! }));
}
