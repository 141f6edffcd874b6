import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db/client";
import { enrolmentAllowing } from "@/server/policy";
import { reopeningsOf, signOffsOf } from "./reopen-history";

/**
 * The enrolment's quality page, for its IQA only (anyone else: not found): each decided criterion
 * with its state and current decision, whether it can be reopened (and why not), the current
 * sign-off, and the history of reopenings and unlocks.
 */
export async function enrolmentQuality(actor: Actor, enrolmentId: unknown) {
  const enrolment = await enrolmentAllowing(db, actor, enrolmentId, "reopen:criterion");
  const [criteria, { current: signOff, unlocked }, reopenings] = await Promise.all([
    db.criterion.findMany({
      where: { unitId: enrolment.unitId, judgements: { some: { enrolmentId: enrolment.id, decisionId: { not: null } } } },
      orderBy: [{ section: { position: "asc" } }, { position: "asc" }],
      select: {
        id: true,
        code: true,
        text: true,
        judgements: {
          where: { enrolmentId: enrolment.id },
          select: { state: true, stale: true, decision: { select: { outcome: true, typedName: true, decidedAt: true, feedback: true, assessorId: true } } },
        },
      },
    }),
    signOffsOf(db, actor, enrolment),
    reopeningsOf(db, actor, enrolment),
  ]);
  const open = enrolment.status === "IN_PROGRESS" || enrolment.status === "COMPLETED";
  const rows = criteria.flatMap((c) => {
    const j = c.judgements[0];
    if (!j?.decision) return [];
    const own = j.decision.assessorId === actor.userId;
    const decided = j.state === "MET" || j.state === "NOT_YET_MET";
    const blocked = !open
      ? "The unit is no longer open."
      : signOff
        ? "Unlock the sign-off first."
        : own
          ? "You made this decision."
          : !decided
            ? "Reopened: waiting for the assessor's new decision."
            : null;
    return [{ id: c.id, code: c.code, text: c.text, state: j.state, stale: j.stale, decision: j.decision, blocked }];
  });
  return { enrolment, criteria: rows, signOff, canUnlock: open && Boolean(signOff) && signOff?.assessorId !== actor.userId, reopenings, unlocked };
}

export type EnrolmentQuality = Awaited<ReturnType<typeof enrolmentQuality>>;
