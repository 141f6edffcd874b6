import { z } from "zod";
import { day, email, id } from "@/lib/input";
import { appendAudit } from "@/server/audit/append";
import type { Actor } from "@/server/auth/actor";
import { type Tx, db } from "@/server/db/client";
import { UserFacingError, parseInput } from "@/server/errors";
import { administeredCentre } from "@/server/policy";
import { rolesInCentre, roleWords } from "./holders";

export type EnrolSpec = {
  centreId: string;
  learnerId: string;
  unitId: string;
  assessorId: string | null;
  iqaId: string | null;
  /** The day the learner starts, "YYYY-MM-DD". */
  startedAt: string;
  /** null: an API token made by the command line (its request's audit event names the token). */
  actorId: string | null;
};

const optionalId = (label: string) => z.preprocess((v) => (v === "" || v == null ? null : v), id(label).nullable());

export const enrolInput = z.object({
  centreId: z.preprocess((v) => (v === "" ? undefined : v), id("Choose a centre").optional()),
  learnerEmail: email("Enter the learner's email address, like name@example.com"),
  unitId: id("Choose the unit"),
  assessorId: optionalId("Choose the assessor"),
  iqaId: optionalId("Choose the internal quality assurer"),
  startedAt: day("the start date"),
});

/** The learner's enrolment on this unit, when they already have one on any version of it. */
export async function existingEnrolmentOnCode(tx: Tx, centreId: string, learnerId: string, unitCode: string) {
  return tx.enrolment.findFirst({
    where: { centreId, learnerId, unit: { code: unitCode } },
    include: { unit: { select: { version: true, displayCode: true } } },
  });
}

/** What is wrong with the people named, by field: each must hold the role in the centre; the IQA is not the assessor. */
async function peopleProblems(tx: Tx, spec: Pick<EnrolSpec, "centreId" | "assessorId" | "iqaId"> & { learnerId: string | null }, now: Date) {
  const held = await rolesInCentre(
    tx,
    spec.centreId,
    [spec.learnerId, spec.assessorId, spec.iqaId].filter((v): v is string => !!v),
    now,
  );
  const fields: Record<string, string> = {};
  if (!spec.learnerId || !held.get(spec.learnerId)?.has("LEARNER"))
    fields.learnerEmail = "No learner of this centre has this email address. Invite them first, or check the spelling";
  if (spec.assessorId && !held.get(spec.assessorId)?.has("ASSESSOR")) fields.assessorId = `Choose ${roleWords.ASSESSOR} of this centre`;
  if (spec.iqaId && !held.get(spec.iqaId)?.has("IQA")) fields.iqaId = `Choose ${roleWords.IQA} of this centre`;
  if (spec.iqaId && spec.iqaId === spec.assessorId) fields.iqaId = "The internal quality assurer cannot be the learner's assessor";
  return fields;
}

/**
 * Enrols a learner on a published, not retired unit version, in the caller's transaction, with
 * the assessor and IQA as the start of the enrolment's assignment history; audited. The caller
 * has checked that the actor administers the centre. One enrolment per learner and unit code:
 * moving to another version is its own action (change-version.ts), never a second enrolment.
 */
export async function enrolInTx(tx: Tx, spec: EnrolSpec, now = new Date()): Promise<{ id: string }> {
  // Two enrolments of one learner at once would both see "not enrolled yet": one waits for the other.
  await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext(${`enrol:${spec.centreId}:${spec.learnerId}`}))`;
  // The app's role cannot lock Unit rows (the catalogue is the owner's); an enrolment made as its
  // version is retired is let in: retiring stops new enrolments from then on (decision 0032).
  const unit = await tx.unit.findUnique({
    where: { id: spec.unitId },
    select: { id: true, code: true, displayCode: true, version: true, status: true, retiredAt: true },
  });
  if (!unit || unit.status !== "PUBLISHED") throw new UserFacingError("Choose a published unit", { unitId: "Choose a published unit" });
  if (unit.retiredAt)
    throw new UserFacingError(`${unit.displayCode} version ${unit.version} is retired`, {
      unitId: `${unit.displayCode} version ${unit.version} is retired: choose a current version`,
    });

  const fields = await peopleProblems(tx, spec, now);
  if (Object.keys(fields).length) throw new UserFacingError(`Check the form: ${Object.values(fields).join(". ")}`, fields);

  const existing = await existingEnrolmentOnCode(tx, spec.centreId, spec.learnerId, unit.code);
  if (existing) {
    const message = `This learner is already enrolled on ${unit.displayCode} (version ${existing.unit.version})`;
    throw new UserFacingError(message, { unitId: message });
  }

  const startedAt = new Date(`${spec.startedAt}T00:00:00Z`);
  const enrolment = await tx.enrolment.create({
    data: { centreId: spec.centreId, learnerId: spec.learnerId, unitId: unit.id, assessorId: spec.assessorId, iqaId: spec.iqaId, startedAt },
    select: { id: true },
  });
  const assignments = [
    { role: "ASSESSOR" as const, userId: spec.assessorId },
    { role: "IQA" as const, userId: spec.iqaId },
  ].filter((a) => a.userId);
  if (assignments.length)
    await tx.enrolmentAssignment.createMany({
      data: assignments.map((a) => ({ enrolmentId: enrolment.id, role: a.role, userId: a.userId, startedAt: now, assignedById: spec.actorId })),
    });
  await appendAudit(
    tx,
    {
      kind: "enrolment.created",
      actorId: spec.actorId,
      data: {
        enrolmentId: enrolment.id,
        learnerId: spec.learnerId,
        unitId: unit.id,
        assessorId: spec.assessorId,
        iqaId: spec.iqaId,
        startedAt: spec.startedAt,
      },
    },
    { centreId: spec.centreId, subject: `enrolment:${enrolment.id}` },
  );
  return enrolment;
}

/** "Enrol learner": a centre admin enrols one of the centre's learners. */
export async function enrolLearner(actor: Actor, input: unknown, now = new Date()): Promise<{ id: string }> {
  const data = parseInput(enrolInput, input);
  const { learnerEmail, ...rest } = data;
  const centreId = administeredCentre(actor, "administer:enrolment", data.centreId);
  return db.$transaction(async (tx) => {
    const learner = await tx.user.findUnique({ where: { email: learnerEmail }, select: { id: true } });
    const fields = await peopleProblems(tx, { ...rest, centreId, learnerId: learner?.id ?? null }, now);
    if (!learner || Object.keys(fields).length) throw new UserFacingError(`Check the form: ${Object.values(fields).join(". ")}`, fields);
    return enrolInTx(tx, { ...rest, centreId, learnerId: learner.id, actorId: actor.userId }, now);
  });
}
