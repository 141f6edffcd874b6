import { z } from "zod";
import { ukDay } from "@/lib/format";
import { isId } from "@/lib/ids";
import { day, text } from "@/lib/input";
import { type AssessorRecord, recordAccount, recordLabels, recordSchema } from "@/lib/portfolio/records";
import { appendAudit } from "@/server/audit/append";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db/client";
import { lockEvidence } from "@/server/db/locks";
import { UserFacingError, parseInput } from "@/server/errors";
import { NotFoundError, editableEvidence, scope } from "@/server/policy";
import { latestVersion } from "./evidence";
import { notify } from "@/server/notifications/notifications";

const recordInputSchema = z.object({
  title: text(200, "Enter a title"),
  activityFrom: day("the date"),
  record: recordSchema,
});

/** The learner an assessor may write records for: one they assess on a unit in progress. NotFoundError otherwise. */
export async function recordTarget(actor: Actor, learnerId: unknown) {
  if (!isId(learnerId)) throw new NotFoundError("No learner has that id");
  const enrolment = await db.enrolment.findFirst({
    where: { AND: [{ learnerId, status: "IN_PROGRESS" }, scope(actor, "create:record")] },
    select: { centreId: true, learner: { select: { id: true, name: true } } },
  });
  if (!enrolment) throw new NotFoundError("No learner has that id");
  return enrolment;
}

/** An assessor writes an observation, questioning record or professional discussion for a learner they assess. */
export async function createAssessorRecord(actor: Actor, learnerId: unknown, input: unknown): Promise<{ id: string }> {
  const enrolment = await recordTarget(actor, learnerId);
  const { title, activityFrom, record } = parseInput(recordInputSchema, input);
  if (activityFrom > ukDay(new Date())) throw new UserFacingError("The date cannot be in the future.");
  const day = new Date(`${activityFrom}T00:00:00Z`);
  return db.$transaction(async (tx) => {
    const evidence = await tx.evidence.create({
      data: { centreId: enrolment.centreId, learnerId: enrolment.learner.id, authorId: actor.userId, title, method: record.kind, activityFrom: day },
    });
    await tx.evidenceVersion.create({
      data: {
        evidenceId: evidence.id,
        version: 1,
        title,
        account: recordAccount(record),
        method: record.kind,
        activityFrom: day,
        kind: "FILES",
        record: { ...record, ready: false },
        createdById: actor.userId,
      },
    });
    await appendAudit(
      tx,
      { kind: "evidence.created", actorId: actor.userId, data: { evidenceId: evidence.id, version: 1 } },
      { centreId: enrolment.centreId, subject: `evidence:${evidence.id}` },
    );
    return { id: evidence.id };
  });
}

/** The assessor has finished the record and asks the learner to countersign it. */
export async function sendForCountersign(actor: Actor, evidenceId: unknown): Promise<void> {
  const evidence = await editableEvidence(db, actor, evidenceId);
  if (!evidence.authorId) throw new NotFoundError("No evidence has that id");
  await db.$transaction(async (tx) => {
    await lockEvidence(tx, [evidence.id]);
    const version = await latestVersion(tx, evidence.id);
    const record = version.record as AssessorRecord | null;
    if (!record || version.submittedAt) throw new UserFacingError("This record has already been countersigned.");
    if (!(await tx.evidenceLink.count({ where: { evidenceId: evidence.id, removedAt: null } })))
      throw new UserFacingError("Map the record to the criteria it covers first.");
    await tx.evidenceVersion.update({ where: { id: version.id }, data: { record: { ...record, ready: true } } });
    await notify(tx, [
      {
        userId: evidence.learnerId,
        centreId: evidence.centreId,
        kind: "record.ready",
        message: `${actor.name} asks you to countersign the ${recordLabels[record.kind]} “${version.title}”.`,
        link: `/evidence/${evidence.id}`,
      },
    ]);
    await appendAudit(
      tx,
      { kind: "evidence.updated", actorId: actor.userId, data: { evidenceId: evidence.id, version: version.version } },
      { centreId: evidence.centreId, subject: `evidence:${evidence.id}` },
    );
  });
}

/** The assessor changes a record still in draft; it must be sent for countersigning again. */
export async function updateAssessorRecord(actor: Actor, evidenceId: unknown, input: unknown): Promise<void> {
  const evidence = await editableEvidence(db, actor, evidenceId);
  if (!evidence.authorId) throw new NotFoundError("No evidence has that id");
  const { title, activityFrom, record } = parseInput(recordInputSchema, input);
  if (activityFrom > ukDay(new Date())) throw new UserFacingError("The date cannot be in the future.");
  const day = new Date(`${activityFrom}T00:00:00Z`);
  await db.$transaction(async (tx) => {
    await lockEvidence(tx, [evidence.id]);
    const version = await latestVersion(tx, evidence.id);
    if (version.submittedAt) throw new UserFacingError("This record was countersigned and cannot change. Make a new version to edit it.");
    if ((version.record as AssessorRecord | null)?.kind !== record.kind) throw new UserFacingError("A record keeps its kind.");
    await tx.evidenceVersion.update({
      where: { id: version.id },
      data: { title, account: recordAccount(record), activityFrom: day, record: { ...record, ready: false } },
    });
    await tx.evidence.update({ where: { id: evidence.id }, data: { title, activityFrom: day } });
    await appendAudit(
      tx,
      { kind: "evidence.updated", actorId: actor.userId, data: { evidenceId: evidence.id, version: version.version } },
      { centreId: evidence.centreId, subject: `evidence:${evidence.id}` },
    );
  });
}
