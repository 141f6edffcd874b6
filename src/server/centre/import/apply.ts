import { z } from "zod";
import { id } from "@/lib/input";
import { appendAudit } from "@/server/audit/append";
import type { Actor } from "@/server/auth/actor";
import { type Tx, db } from "@/server/db/client";
import { lockEnrolments } from "@/server/db/locks";
import { UserFacingError, parseInput } from "@/server/errors";
import type { Mail } from "@/server/mail/send";
import { NotFoundError, administeredCentre } from "@/server/policy";
import { inviteInTx, sendInvitationMails } from "@/server/centre/invitations";
import { assignInTx } from "@/server/centre/enrolments/assign";
import { enrolInTx } from "@/server/centre/enrolments/enrol";
import { type PlannedRow, planImport, summarise } from "./plan";
import type { StoredImport } from "./preview";

export const applyInput = z.object({ importId: id("Choose an import") });

/** A refusal from one row's step, named by its row, so the admin knows which line to look at. */
async function onRow<T>(row: number, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof UserFacingError) throw new UserFacingError(`Row ${row}: ${e.message} Nothing was imported.`);
    throw e;
  }
}

async function applyRow(
  tx: Tx,
  centreId: string,
  actorId: string,
  row: PlannedRow,
  assigned: Map<string, { assessorId: string | null; iqaId: string | null; status: string }>,
  now: Date,
) {
  let learnerId = row.learnerId;
  const mails: (Mail | null)[] = [];
  for (const step of row.steps) {
    if (step.kind === "invite") {
      const invited = await inviteInTx(tx, { centreId, name: step.name, email: step.email, roles: ["LEARNER"], actorId, via: "import" }, now);
      learnerId = invited.userId;
      mails.push(invited.mail);
    } else if (step.kind === "enrol") {
      if (!learnerId) throw new Error("A learner is invited before they are enrolled");
      await enrolInTx(
        tx,
        { centreId, learnerId, unitId: step.unitId, assessorId: step.assessorId, iqaId: step.iqaId, startedAt: step.startedAt, actorId },
        now,
      );
    } else {
      const current = assigned.get(step.enrolmentId);
      if (!current || current.status === "WITHDRAWN") continue;
      const from = step.role === "ASSESSOR" ? current.assessorId : current.iqaId;
      await assignInTx(
        tx,
        { enrolmentId: step.enrolmentId, centreId, role: step.role, userId: step.userId, current: from, reason: "Learner import", actorId },
        now,
      );
    }
  }
  return mails;
}

/**
 * "Import learners": applies a previewed import in one transaction, once. The rows are checked
 * again against the centre as it is now (the preview may be old); rows with problems are left
 * out; the others invite new learners (inviteInTx), enrol them (enrolInTx) and reassign staff.
 * Invitation emails go after the commit.
 */
export async function applyImport(actor: Actor, input: unknown, now = new Date()) {
  const { importId } = parseInput(applyInput, input);
  const { mails, summary } = await db.$transaction(
    async (tx) => {
      const found = await tx.learnerImport.findUnique({ where: { id: importId }, select: { centreId: true, rows: true } });
      if (!found) throw new NotFoundError();
      const centreId = administeredCentre(actor, "administer:centre", found.centreId);
      const claimed = await tx.learnerImport.updateMany({ where: { id: importId, appliedAt: null }, data: { appliedAt: now } });
      if (claimed.count !== 1) throw new UserFacingError("This import has already been applied. To import more, upload the file again.");
      const stored = found.rows as unknown as StoredImport;
      const rows = await planImport(tx, centreId, stored.rows, now);
      // Every enrolment whose staff change is locked first, in one go and in the one order (decision 0013).
      const toAssign = rows.flatMap((r) => r.steps.flatMap((s) => (s.kind === "assign" ? [s.enrolmentId] : [])));
      await lockEnrolments(tx, toAssign);
      const current = toAssign.length
        ? await tx.enrolment.findMany({ where: { id: { in: toAssign } }, select: { id: true, assessorId: true, iqaId: true, status: true } })
        : [];
      const assigned = new Map(current.map((e) => [e.id, e]));
      const mails: (Mail | null)[] = [];
      for (const row of rows.filter((r) => r.steps.length))
        mails.push(...(await onRow(row.row, () => applyRow(tx, centreId, actor.userId, row, assigned, now))));
      const summary = summarise(rows);
      const applied: StoredImport = { rows, summary };
      await tx.$executeRaw`UPDATE "LearnerImport" SET rows = ${JSON.stringify(applied)}::jsonb WHERE id = ${importId}::uuid`;
      await appendAudit(
        tx,
        {
          kind: "import.applied",
          actorId: actor.userId,
          data: {
            importId,
            learnersCreated: summary.newLearners,
            enrolled: summary.enrolments,
            reassigned: summary.reassignments,
            unchanged: summary.unchanged,
            skipped: summary.withProblems,
          },
        },
        { centreId, subject: `import:${importId}` },
      );
      return { mails, summary };
    },
    // A file of thousands of new learners is thousands of small writes: give it time.
    { timeout: 300_000 },
  );
  const notSent = await sendInvitationMails(mails);
  return { summary, notSent };
}
