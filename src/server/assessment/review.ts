import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db/client";
import { can, enrolmentSubject, readableEnrolment } from "@/server/policy";
import { signOffBlocker } from "./sign-off";
import { must } from "@/lib/must";

/** Everything the review screen shows for one enrolment, in a handful of queries. */
export async function reviewScreen(actor: Actor, enrolmentId: unknown) {
  const enrolment = await readableEnrolment(db, actor, enrolmentId);
  const [sections, judgements, links, decisions, signOff, blocker] = await Promise.all([
    db.unitSection.findMany({
      where: { unitId: enrolment.unitId },
      orderBy: { position: "asc" },
      include: { criteria: { orderBy: { position: "asc" }, select: { id: true, code: true, text: true, kind: true } } },
    }),
    db.criterionJudgement.findMany({ where: { enrolmentId: enrolment.id } }),
    db.evidenceLink.findMany({
      where: { enrolmentId: enrolment.id, removedAt: null, evidence: { status: "SUBMITTED" } },
      orderBy: { createdAt: "asc" },
      include: {
        evidence: {
          select: {
            id: true,
            title: true,
            authorId: true,
            versions: { where: { submittedAt: { not: null } }, orderBy: { version: "desc" }, take: 1, include: { files: { orderBy: { position: "asc" } } } },
          },
        },
      },
    }),
    db.decision.findMany({
      where: { enrolmentId: enrolment.id },
      orderBy: { decidedAt: "desc" },
      include: { evidence: { include: { version: { select: { version: true, evidenceId: true, title: true } } } } },
    }),
    db.unitSignOff.findUnique({ where: { enrolmentId: enrolment.id } }),
    signOffBlocker(db, enrolment),
  ]);
  const judgementOf = new Map(judgements.map((j) => [j.criterionId, j]));
  return {
    enrolment,
    signOff,
    blocker,
    canDecide: can(actor, "decide:criterion", enrolmentSubject(enrolment)) && enrolment.status === "IN_PROGRESS" && !signOff,
    sections: sections.map((s) => ({
      ...s,
      criteria: s.criteria.map((c) => {
        const j = judgementOf.get(c.id);
        return {
          ...c,
          state: j?.state ?? "NOT_STARTED",
          stale: j?.stale ?? false,
          revision: j?.revision ?? 0,
          currentDecisionId: j?.decisionId ?? null,
          evidence: links
            .filter((l) => l.criterionId === c.id && l.evidence.versions.length)
            .map((l) => ({
              linkId: l.id,
              note: l.note,
              notedBy: l.evidence.authorId ? ("assessor" as const) : ("learner" as const),
              claim: l.claim,
              atSeconds: l.atSeconds,
              title: l.evidence.title,
              evidenceId: l.evidence.id,
              version: must(l.evidence.versions[0], "l.evidence.versions[0]"),
            })),
          decisions: decisions.filter((d) => d.criterionId === c.id),
        };
      }),
    })),
  };
}

export type ReviewScreen = Awaited<ReturnType<typeof reviewScreen>>;
