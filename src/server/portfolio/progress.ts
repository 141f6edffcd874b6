import type { Actor } from "@/server/auth/actor";
import { metSeries } from "@/lib/progress/met-series";
import { db } from "@/server/db/client";
import { can, enrolmentSubject, readableEnrolment } from "@/server/policy";
import { signOffsOf } from "@/server/quality/reopen-history";

export type CriterionStateName = "NOT_STARTED" | "EVIDENCE_SUBMITTED" | "MET" | "NOT_YET_MET" | "REOPENED";

/** A unit's progress for one enrolment: each criterion's state and backing, scope coverage, completion. */
export async function unitProgress(actor: Actor, enrolmentId: unknown) {
  const enrolment = await readableEnrolment(db, actor, enrolmentId);
  const [sections, judgements, links, scopeCategories, scopeLinks, { current: signOff, unlocked }, decisions] = await Promise.all([
    db.unitSection.findMany({
      where: { unitId: enrolment.unitId },
      orderBy: { position: "asc" },
      include: { criteria: { orderBy: { position: "asc" }, select: { id: true, code: true, text: true, kind: true } } },
    }),
    db.criterionJudgement.findMany({
      where: { enrolmentId: enrolment.id },
      include: { decision: { select: { outcome: true, feedback: true, decidedAt: true, typedName: true } } },
    }),
    db.evidenceLink.findMany({
      where: { enrolmentId: enrolment.id, removedAt: null, evidence: { status: { in: ["SUBMITTED", "DRAFT"] } } },
      select: { criterionId: true, evidence: { select: { id: true, status: true, title: true, method: true, activityFrom: true } } },
    }),
    db.scopeCategory.findMany({ where: { unitId: enrolment.unitId }, orderBy: { position: "asc" }, include: { options: { orderBy: { position: "asc" } } } }),
    db.evidenceScopeLink.findMany({
      where: { enrolmentId: enrolment.id, removedAt: null, evidence: { status: "SUBMITTED" } },
      select: { scopeOptionId: true },
    }),
    signOffsOf(db, actor, enrolment),
    db.decision.findMany({ where: { enrolmentId: enrolment.id }, select: { criterionId: true, outcome: true, decidedAt: true } }),
  ]);
  const linksOf = new Map<string, typeof links>();
  for (const l of links) {
    const list = linksOf.get(l.criterionId);
    if (list) list.push(l);
    else linksOf.set(l.criterionId, [l]);
  }
  const judgementOf = new Map(judgements.map((j) => [j.criterionId, j]));
  const covered = new Set(scopeLinks.map((s) => s.scopeOptionId));
  const criteria = sections.flatMap((s) => s.criteria);
  const rows = sections.map((s) => ({
    ...s,
    criteria: s.criteria.map((c) => {
      const backing = linksOf.get(c.id) ?? [];
      const submitted = backing.filter((l) => l.evidence.status === "SUBMITTED").map((l) => l.evidence);
      const judgement = judgementOf.get(c.id);
      const judged = judgement?.state as CriterionStateName | undefined;
      const state: CriterionStateName = judged && judged !== "NOT_STARTED" ? judged : submitted.length ? "EVIDENCE_SUBMITTED" : "NOT_STARTED";
      return {
        ...c,
        state,
        items: submitted.length,
        drafts: backing.length - submitted.length,
        methods: [...new Set(submitted.map((e) => e.method))],
        dates: submitted.map((e) => e.activityFrom).sort((a, b) => a.getTime() - b.getTime()),
        stale: judgement?.stale ?? false,
        decision: judgement?.decision ?? null,
      };
    }),
  }));
  const all = rows.flatMap((r) => r.criteria);
  const count = (state: CriterionStateName) => all.filter((c) => c.state === state).length;
  const dates = all.flatMap((c) => c.dates);
  return {
    enrolment,
    signOff,
    unlocked,
    sections: rows,
    scope: scopeCategories.map((c) => ({ name: c.name, options: c.options.map((o) => ({ id: o.id, text: o.text, covered: covered.has(o.id) })) })),
    totals: {
      criteria: criteria.length,
      met: count("MET"),
      submitted: count("EVIDENCE_SUBMITTED"),
      notYetMet: count("NOT_YET_MET"),
      reopened: count("REOPENED"),
      notStarted: count("NOT_STARTED"),
    },
    span: dates.length ? { from: new Date(Math.min(...dates.map((d) => d.getTime()))), to: new Date(Math.max(...dates.map((d) => d.getTime()))) } : null,
    metOverTime: metSeries(decisions),
    can: {
      countersign: can(actor, "countersign:enrolment", enrolmentSubject(enrolment)),
      quality: can(actor, "reopen:criterion", enrolmentSubject(enrolment)),
    },
  };
}
