import { randomUUID } from "node:crypto";
import { z } from "zod";
import { anyText, id, int, int4Max, text } from "@/lib/input";
import type { Actor } from "@/server/auth/actor";
import { type Tx, db } from "@/server/db/client";
import { Prisma } from "@/server/db/generated/client";
import { UserFacingError, parseInput } from "@/server/errors";
import { assessedEnrolment } from "@/server/policy";
import { lockEnrolments, lockEvidence } from "@/server/db/locks";
import { assertNotSignedOff } from "./open";
import { confirmSigner } from "./identity";
import { decisionHash } from "./signature";
import { type SignedDecision, judgementsUnderLock, writeDecisions } from "./decision-writes";
import { must } from "@/lib/must";

// One criterion's decision, as the assessor chose it.
const decisionShape = {
  criterionId: id("Choose a criterion"),
  outcome: z.enum(["MET", "NOT_YET_MET"], { error: "Choose Met or Not yet met" }),
  feedback: anyText(10_000, "Write your feedback").trim().default(""),
  evidenceVersionIds: z.array(id("Choose evidence from the list"), { error: "Choose evidence from the list" }).max(200).default([]),
  revision: int(0, int4Max, "Reload the page and decide again"),
};
// The signature: typed full name, and the password unless the sign-in is recent.
const signatureShape = {
  typedName: text(200, "Type your full name to sign"),
  password: anyText(1024, "Enter your password").optional(),
};

function decisionRules(d: { outcome: string; feedback: string; evidenceVersionIds: string[] }, ctx: z.RefinementCtx) {
  if (d.outcome === "NOT_YET_MET" && !d.feedback)
    ctx.addIssue({ code: "custom", path: ["feedback"], message: "Give feedback: say what is missing for Not yet met" });
  if (d.outcome === "MET" && d.evidenceVersionIds.length === 0)
    ctx.addIssue({ code: "custom", path: ["evidenceVersionIds"], message: "Name the evidence you relied on for Met" });
}

export const decisionSchema = z.object({ ...decisionShape, ...signatureShape }).superRefine(decisionRules);

export const decisionsSchema = z
  .object({
    decisions: z
      .array(z.object(decisionShape).superRefine(decisionRules), { error: "Choose Met or Not yet met for at least one criterion" })
      .min(1, "Choose Met or Not yet met for at least one criterion")
      .max(200, "Sign at most 200 decisions at once"),
    ...signatureShape,
  })
  .superRefine((d, ctx) => {
    const seen = new Set<string>();
    d.decisions.forEach((x, i) => {
      if (seen.has(x.criterionId)) ctx.addIssue({ code: "custom", path: ["decisions", i, "criterionId"], message: "Decide each criterion once" });
      seen.add(x.criterionId);
    });
  });

type Choice = z.infer<z.ZodObject<typeof decisionShape>>;
/** A decision to sign, and where its fields sit in the input (so a refusal names the right ones). */
type Pending = { choice: Choice; at: string };

const decidedMeanwhile = "This criterion was decided a moment ago, so this decision was not recorded. Reload to see the current decision.";

/**
 * "Met" or "Not yet met", signed. The log row, the current state and the audit event are written
 * together; the current state changes only from the revision the assessor saw, so two submissions
 * of the same decision make exactly one.
 */
export async function decideCriterion(actor: Actor, enrolmentId: unknown, input: unknown): Promise<{ decisionId: string }> {
  const enrolment = await assessedEnrolment(db, actor, enrolmentId);
  const { typedName, password, ...choice } = parseInput(decisionSchema, input);
  const [decisionId] = await signDecisions(actor, enrolment, [{ choice, at: "" }], { typedName, password }, false);
  return { decisionId: must(decisionId, "decisionId") };
}

/**
 * Several criteria decided and signed once: one typed name, at most one password. Each decision is
 * still its own log row, judgement change and audit event, all in one transaction: one refusal
 * (a criterion decided meanwhile, feedback missing, evidence no longer current) signs none of them.
 */
export async function decideCriteria(actor: Actor, enrolmentId: unknown, input: unknown): Promise<{ decisionIds: string[] }> {
  const enrolment = await assessedEnrolment(db, actor, enrolmentId);
  const { typedName, password, decisions } = parseInput(decisionsSchema, input);
  const pending = decisions.map((choice, i) => ({ choice, at: `decisions.${i}.` }));
  return { decisionIds: await signDecisions(actor, enrolment, pending, { typedName, password }, true) };
}

type Enrolment = Awaited<ReturnType<typeof assessedEnrolment>>;

async function signDecisions(
  actor: Actor,
  enrolment: Enrolment,
  pending: Pending[],
  signer: { typedName: string; password?: string },
  named: boolean,
): Promise<string[]> {
  await confirmSigner(actor, signer.typedName, signer.password, actor.signedInAt ?? null);
  const criteria = await db.criterion.findMany({
    where: { id: { in: pending.map((p) => p.choice.criterionId) }, unitId: enrolment.unitId },
    select: { id: true, code: true },
  });
  const planned = pending.map((p) => {
    const criterion = criteria.find((c) => c.id === p.choice.criterionId);
    if (!criterion)
      throw new UserFacingError("That criterion is not part of this unit.", { [`${p.at}criterionId`]: "That criterion is not part of this unit." });
    return { ...p, criterion, decisionId: randomUUID(), wanted: [...new Set(p.choice.evidenceVersionIds)] };
  });
  // A refusal about one decision: beside its fields, and (in a batch) naming its criterion.
  const refuse = (p: (typeof planned)[number], field: string, message: string) =>
    new UserFacingError(named ? `${p.criterion.code}: ${message} Nothing was signed.` : message, { [`${p.at}${field}`]: message });

  const decidedAt = new Date();
  try {
    await db.$transaction(async (tx) => {
      // The items relied on (shared: nothing may withdraw or revise them meanwhile), then the
      // enrolment (a sign-off waits for these decisions, or they see the sign-off).
      const wanted = planned.flatMap((p) => p.wanted);
      if (wanted.length) {
        const items = await tx.evidenceVersion.findMany({ where: { id: { in: wanted } }, select: { evidenceId: true } });
        await lockEvidence(
          tx,
          items.map((i) => i.evidenceId),
          "share",
        );
      }
      const [locked] = await lockEnrolments(tx, [enrolment.id]);
      // Judgements change only under the enrolment's lock, so the revisions read now stay until commit.
      const { revisions, signedOff } = await judgementsUnderLock(
        tx,
        enrolment.id,
        planned.map((p) => p.criterion.id),
      );
      assertNotSignedOff(must(locked, "locked").status, signedOff);
      const signed: SignedDecision[] = [];
      for (const p of planned) {
        const d = p.choice;
        if (revisions.get(p.criterion.id) !== d.revision) throw refuse(p, "revision", decidedMeanwhile);
        let evidence: Awaited<ReturnType<typeof reliableVersions>>;
        try {
          evidence = await reliableVersions(tx, enrolment, p.criterion.id, p.wanted);
        } catch (e) {
          throw e instanceof UserFacingError ? refuse(p, "evidenceVersionIds", e.message) : e;
        }
        const fields = {
          enrolmentId: enrolment.id,
          criterionId: p.criterion.id,
          judgementRevision: d.revision,
          outcome: d.outcome,
          feedback: d.feedback,
          assessorId: actor.userId,
          typedName: signer.typedName,
          decidedAt,
          evidence,
        };
        signed.push({ ...p, evidence, signatureHash: decisionHash(fields) });
      }
      const moved = await writeDecisions(tx, actor, enrolment, signed, decidedAt, signer.typedName);
      const missed = planned.find((p) => !moved.has(p.criterion.id));
      if (missed) throw refuse(missed, "revision", decidedMeanwhile);
    });
  } catch (e) {
    // The same revision decided twice at once: the unique (enrolment, criterion, revision) refuses the second.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002")
      throw new UserFacingError(named ? `A criterion was decided a moment ago, so nothing was signed. Reload to see the current decisions.` : decidedMeanwhile);
    throw e;
  }
  return planned.map((p) => p.decisionId);
}

/**
 * The versions a decision may rely on, with their hashes: each the current version of an item
 * mapped to this criterion. "Current" is the newest submitted version of an item that is not
 * withdrawn (docs/decisions/0013-locking.md). Anything else is refused with the reason.
 */
async function reliableVersions(tx: Tx, enrolment: { id: string; learnerId: string }, criterionId: string, versionIds: string[]) {
  if (versionIds.length === 0) return [];
  const versions = await tx.evidenceVersion.findMany({
    where: {
      id: { in: versionIds },
      submittedAt: { not: null },
      evidence: { learnerId: enrolment.learnerId, links: { some: { criterionId, enrolmentId: enrolment.id, removedAt: null } } },
    },
    select: { id: true, version: true, contentHash: true, evidence: { select: { id: true, status: true, title: true } } },
  });
  if (versions.length !== versionIds.length) throw new UserFacingError("Rely only on submitted evidence mapped to this criterion.");
  // The newest submitted version of each item relied on, in one query.
  const newest = new Map(
    (
      await tx.evidenceVersion.groupBy({
        by: ["evidenceId"],
        where: { evidenceId: { in: versions.map((v) => v.evidence.id) }, submittedAt: { not: null } },
        _max: { version: true },
      })
    ).map((g) => [g.evidenceId, g._max.version]),
  );
  for (const v of versions) {
    if (v.evidence.status === "WITHDRAWN") throw new UserFacingError(`“${v.evidence.title}” was withdrawn by the learner, so a decision cannot rely on it.`);
    const latest = newest.get(v.evidence.id);
    if (latest !== v.version)
      throw new UserFacingError(
        `“${v.evidence.title}” has a newer version (version ${latest}) than the one you chose (version ${v.version}). Reload and decide on the newer version.`,
      );
  }
  return versions.map((v) => ({ evidenceVersionId: v.id, contentHash: must(v.contentHash, "v.contentHash") }));
}
