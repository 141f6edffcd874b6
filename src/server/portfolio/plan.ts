import { createHash } from "node:crypto";
import { canonicalJson } from "@/lib/canonical-json";
import { planSchema, signatureSchema } from "@/lib/portfolio/schemas";
import { appendAudit } from "@/server/audit/append";
import type { Actor } from "@/server/auth/actor";
import { assertTypedName } from "@/server/auth/typed-name";
import { type Db, type Tx, db } from "@/server/db/client";
import { lockEnrolments } from "@/server/db/locks";
import { UserFacingError, parseInput } from "@/server/errors";
import { enrolmentAllowing, enrolmentSubject, permissionsOn, readableEnrolment } from "@/server/policy";
import { must } from "@/lib/must";

// A withdrawn enrolment is a record: its plan no longer changes (decision 0032).
const withdrawnPlan = "This enrolment was withdrawn, so its plan cannot change.";

export function planHash(items: { method: string; task: string; targetDate: string; criterionCodes: string[] }[]): string {
  return createHash("sha256").update(canonicalJson(items)).digest("hex");
}

const planInclude = {
  versions: {
    orderBy: { version: "desc" as const },
    include: {
      items: {
        orderBy: { position: "asc" as const },
        include: { criteria: { include: { criterion: { select: { id: true, code: true, text: true, position: true } } } } },
      },
      signatures: { include: { user: { select: { name: true } } }, orderBy: { signedAt: "asc" as const } },
    },
  },
};

/** A version is agreed when the learner and the assessor both signed exactly the content it holds. */
const signedByBoth = (v: { contentHash: string; signatures: { role: string; contentHash: string }[] }) =>
  ["LEARNER", "ASSESSOR"].every((role) => v.signatures.some((s) => s.role === role && s.contentHash === v.contentHash));

/** Whether both learner and assessor have signed the newest version of the enrolment's plan. */
export async function planAgreed(db: Db | Tx, enrolmentId: string): Promise<boolean> {
  const latest = await db.assessmentPlanVersion.findFirst({ where: { plan: { enrolmentId } }, orderBy: { version: "desc" }, include: { signatures: true } });
  return Boolean(latest && signedByBoth(latest));
}

/** The plan with every version, newest first; earlier versions stay readable. */
export async function getPlan(actor: Actor, enrolmentId: unknown) {
  const enrolment = await readableEnrolment(db, actor, enrolmentId);
  const plan = await db.assessmentPlan.findUnique({ where: { enrolmentId: enrolment.id }, include: planInclude });
  const criteria = await db.criterion.findMany({
    where: { unitId: enrolment.unitId },
    orderBy: { position: "asc" },
    select: { id: true, code: true, text: true, section: { select: { title: true, kind: true, code: true } } },
  });
  const versions = (plan?.versions ?? []).map((v) => ({
    ...v,
    items: v.items.map((i) => ({ ...i, criteria: i.criteria.map((c) => c.criterion).sort((a, b) => a.position - b.position) })),
    agreed: signedByBoth(v),
  }));
  const allowed = permissionsOn(actor, enrolmentSubject(enrolment), ["update:plan", "sign:plan"]);
  return { enrolment, versions, criteria, agreed: Boolean(versions[0]?.agreed), can: { update: allowed.has("update:plan"), sign: allowed.has("sign:plan") } };
}

/** The assessor drafts or changes the plan. A signed version is never changed: a change makes a new version. */
export async function savePlan(actor: Actor, enrolmentId: unknown, input: unknown): Promise<{ version: number }> {
  const enrolment = await enrolmentAllowing(db, actor, enrolmentId, "update:plan");
  const { items } = parseInput(planSchema, input);
  const allowed = enrolment.unit.assessmentMethods.map((m) => m.method);
  if (allowed.length && items.some((i) => !allowed.includes(i.method))) throw new UserFacingError("Use only the assessment methods this unit allows.");
  const criteria = await db.criterion.findMany({
    where: { unitId: enrolment.unitId, id: { in: items.flatMap((i) => i.criterionIds) } },
    select: { id: true, code: true },
  });
  const codes = new Map(criteria.map((c) => [c.id, c.code]));
  if (items.some((i) => i.criterionIds.some((id) => !codes.has(id)))) throw new UserFacingError("Choose criteria from this unit only.");
  const hashed = items.map((i) => ({
    method: i.method,
    task: i.task,
    targetDate: i.targetDate,
    criterionCodes: [...new Set(i.criterionIds.map((id) => must(codes.get(id), "codes.get(id)")))].sort(),
  }));
  const contentHash = planHash(hashed);

  return db.$transaction(async (tx) => {
    // Under the enrolment's lock, as signing takes it: a version is changed in place only while
    // no one has signed it, and a signature is made only on the content the signer read.
    const [locked] = await lockEnrolments(tx, [enrolment.id]);
    if (locked?.status === "WITHDRAWN") throw new UserFacingError(withdrawnPlan);
    const plan = await tx.assessmentPlan.upsert({
      where: { enrolmentId: enrolment.id },
      update: {},
      create: { enrolmentId: enrolment.id, centreId: enrolment.centreId },
    });
    const latest = await tx.assessmentPlanVersion.findFirst({ where: { planId: plan.id }, orderBy: { version: "desc" }, include: { signatures: true } });
    if (latest && latest.contentHash === contentHash) return { version: latest.version };
    let versionId: string;
    let version: number;
    if (latest && latest.signatures.length === 0) {
      // Nobody has signed this version yet, so it is still a draft and can change in place.
      await tx.planItemCriterion.deleteMany({ where: { item: { versionId: latest.id } } });
      await tx.planItem.deleteMany({ where: { versionId: latest.id } });
      await tx.assessmentPlanVersion.update({ where: { id: latest.id }, data: { contentHash } });
      versionId = latest.id;
      version = latest.version;
    } else {
      version = (latest?.version ?? 0) + 1;
      versionId = (await tx.assessmentPlanVersion.create({ data: { planId: plan.id, version, contentHash, createdById: actor.userId } })).id;
    }
    for (const [position, item] of items.entries()) {
      const row = await tx.planItem.create({
        data: { versionId, position, method: item.method, task: item.task, targetDate: new Date(`${item.targetDate}T00:00:00Z`) },
      });
      await tx.planItemCriterion.createMany({ data: [...new Set(item.criterionIds)].map((criterionId) => ({ itemId: row.id, criterionId })) });
    }
    await appendAudit(
      tx,
      { kind: "plan.saved", actorId: actor.userId, data: { enrolmentId: enrolment.id, version, contentHash } },
      { centreId: enrolment.centreId, subject: `enrolment:${enrolment.id}` },
    );
    return { version };
  });
}

/** "Sign plan": the learner or the assessor signs the newest version with their typed full name. */
export async function signPlan(actor: Actor, enrolmentId: unknown, input: unknown): Promise<{ agreed: boolean }> {
  const enrolment = await enrolmentAllowing(db, actor, enrolmentId, "sign:plan");
  // Who signs is allowed; which signature it is follows from whose plan it is.
  const role = enrolment.learnerId === actor.userId ? "LEARNER" : "ASSESSOR";
  const { typedName, contentHash } = parseInput(signatureSchema, input);
  assertTypedName(actor, typedName);
  return db.$transaction(async (tx) => {
    const [locked] = await lockEnrolments(tx, [enrolment.id]);
    if (locked?.status === "WITHDRAWN") throw new UserFacingError(withdrawnPlan);
    const latest = await tx.assessmentPlanVersion.findFirst({ where: { plan: { enrolmentId: enrolment.id } }, orderBy: { version: "desc" } });
    if (!latest) throw new UserFacingError("There is no plan to sign yet.");
    if (latest.contentHash !== contentHash) throw new UserFacingError("The plan changed while you were reading it. Read the new version, then sign it.");
    const created = await tx.planSignature.createMany({
      data: [{ versionId: latest.id, userId: actor.userId, role, typedName, contentHash }],
      skipDuplicates: true,
    });
    if (created.count === 0) throw new UserFacingError("You have already signed this version of the plan.");
    const agreed = (await tx.planSignature.count({ where: { versionId: latest.id, contentHash: latest.contentHash } })) === 2;
    await appendAudit(
      tx,
      { kind: "plan.signed", actorId: actor.userId, data: { enrolmentId: enrolment.id, version: latest.version, role, contentHash, agreed } },
      { centreId: enrolment.centreId, subject: `enrolment:${enrolment.id}` },
    );
    return { agreed };
  });
}
