import { formatDate, isoDay, nextIsoDay, ukDay, ukDayStart } from "@/lib/format";
import { optionalDay } from "@/lib/input";
import { isId } from "@/lib/ids";
import { methodLabels } from "@/lib/portfolio/schemas";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import type { QualityReport, ReportAction, ReportAssessor, ReportItem, ReportVerdict } from "@/lib/quality/report-tables";
import { NotFoundError } from "@/server/policy";
import { qualityCentre, qualityCentres } from "./risk-centres";

// What an IQA hands an external verifier: per sample plan, or per period across the centre, the
// items sampled and why, coverage by assessor and unit, every verdict and every action. One model,
// rendered as a page, a CSV and a tagged PDF.

const stageWords = { INTERIM: "Interim", SUMMATIVE: "Summative" } as const;

const reportCentres = (actor: Actor) => qualityCentres(actor).map((c) => c.id);

/** The report of one sample plan. */
export async function planReport(actor: Actor, planId: unknown, now = new Date()): Promise<QualityReport> {
  if (!isId(planId)) throw new NotFoundError();
  const plan = await db.samplePlan.findFirst({
    where: { id: planId, centreId: { in: reportCentres(actor) } },
    select: {
      id: true,
      title: true,
      periodStart: true,
      periodEnd: true,
      unitCode: true,
      status: true,
      signedAt: true,
      typedName: true,
      iqaId: true,
      centre: { select: { name: true } },
    },
  });
  if (!plan) throw new NotFoundError();
  const iqa = await db.user.findUnique({ where: { id: plan.iqaId }, select: { name: true } });
  const body = await reportBody({ planItem: { planId: plan.id } }, { id: plan.id }, { review: { planItem: { planId: plan.id } } }, now);
  return {
    title: `IQA sample report: ${plan.title}`,
    fileName: `iqa-sample-${isoDay(plan.periodStart)}-${plan.id.slice(0, 8)}`,
    facts: [
      ["Centre", plan.centre.name],
      ["Internal quality assurer", iqa?.name ?? "Unknown"],
      ["Period", `${formatDate(plan.periodStart)} to ${formatDate(plan.periodEnd)}`],
      ["Units", plan.unitCode || "Every unit"],
      ["Plan", plan.status === "SIGNED" && plan.signedAt ? `Signed by ${plan.typedName} on ${formatDate(plan.signedAt)}` : "Draft, not yet signed"],
      ["Report made", formatDate(now)],
    ],
    ...body,
  };
}

/** The report of a period across a centre: every plan item and review whose work falls in it. */
export async function periodReport(
  actor: Actor,
  input: { centre?: unknown; from?: unknown; to?: unknown },
  now = new Date(),
): Promise<QualityReport & { centreId: string; from: string; to: string }> {
  const centreId = qualityCentre(actor, typeof input.centre === "string" ? input.centre : null);
  const day = (v: unknown, fallback: string) => {
    const read = optionalDay("the day").safeParse(v);
    return read.success && read.data ? read.data : fallback;
  };
  const today = ukDay(now);
  const monthsBefore = (iso: string, months: number) => {
    const d = new Date(`${iso}T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() - months);
    return isoDay(d);
  };
  let from = day(input.from, monthsBefore(today, 3));
  let to = day(input.to, today);
  if (from > to) [from, to] = [to, from];
  // At most a year at a time: a report reads every row of its period.
  const shortened = from < monthsBefore(to, 12);
  if (shortened) from = monthsBefore(to, 12);
  // Plans' periods are days; reviews and actions are moments, counted by the UK day they fall on.
  const start = new Date(`${from}T00:00:00Z`);
  const end = new Date(`${to}T00:00:00Z`);
  const moments = { gte: ukDayStart(from), lt: ukDayStart(nextIsoDay(to)) };
  const centre = await db.centre.findUniqueOrThrow({ where: { id: centreId }, select: { name: true } });
  const inPeriodPlans = { centreId, periodStart: { lte: end }, periodEnd: { gte: start } };
  const body = await reportBody(
    { centreId, OR: [{ planItem: { plan: inPeriodPlans } }, { planItemId: null, openedAt: moments }] },
    inPeriodPlans,
    { centreId, raisedAt: moments },
    now,
  );
  return {
    centreId,
    from,
    to,
    title: `IQA report: ${centre.name}, ${formatDate(start)} to ${formatDate(end)}`,
    fileName: `iqa-report-${from}-to-${to}`,
    facts: [
      ["Centre", centre.name],
      ["Period", `${formatDate(start)} to ${formatDate(end)}${shortened ? " (a report covers at most a year: choose an earlier end for earlier work)" : ""}`],
      ["Report made", formatDate(now)],
    ],
    ...body,
  };
}

type PlanWhere = Prisma.SamplePlanWhereInput;

async function reportBody(reviewWhere: Prisma.IqaReviewWhereInput, planWhere: PlanWhere, actionWhere: Prisma.IqaActionWhereInput, now: Date) {
  const person = { select: { name: true } } as const;
  const enrolment = { select: { learner: person, assessor: person, unit: { select: { displayCode: true } } } } as const;
  const [items, reviews, actions] = await Promise.all([
    db.samplePlanItem.findMany({
      where: { removedAt: null, plan: planWhere },
      orderBy: [{ plan: { periodStart: "asc" } }, { createdAt: "asc" }],
      select: { id: true, stage: true, method: true, reasons: true, enrolment, review: { select: { id: true } } },
    }),
    db.iqaReview.findMany({
      where: reviewWhere,
      orderBy: { openedAt: "asc" },
      select: {
        id: true,
        planItemId: true,
        stage: true,
        openedAt: true,
        completedAt: true,
        enrolment,
        verdicts: {
          orderBy: { signedAt: "asc" },
          select: { decisionId: true, signOffId: true, agrees: true, feedback: true, typedName: true, signedAt: true, assessorId: true },
        },
      },
    }),
    db.iqaAction.findMany({
      where: actionWhere,
      orderBy: [{ dueOn: "asc" }, { raisedAt: "asc" }],
      select: { title: true, assessorId: true, raisedAt: true, dueOn: true, closedAt: true, closingNote: true },
    }),
  ]);
  const decisionIds = reviews.flatMap((r) => r.verdicts.flatMap((v) => (v.decisionId ? [v.decisionId] : [])));
  const userIds = [...new Set([...actions.map((a) => a.assessorId), ...reviews.flatMap((r) => r.verdicts.map((v) => v.assessorId))])];
  const [decisions, users] = await Promise.all([
    db.decision.findMany({ where: { id: { in: decisionIds } }, select: { id: true, criterionId: true, outcome: true, decidedAt: true } }),
    db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }),
  ]);
  const criteria = await db.criterion.findMany({ where: { id: { in: [...new Set(decisions.map((d) => d.criterionId))] } }, select: { id: true, code: true } });
  const decisionById = new Map(decisions.map((d) => [d.id, d]));
  const codeOf = new Map(criteria.map((c) => [c.id, c.code]));
  const nameOf = new Map(users.map((u) => [u.id, u.name]));
  const reviewByItem = new Map(reviews.filter((r) => r.planItemId).map((r) => [r.planItemId, r]));
  const today = ukDay(now);

  const outcomeOf = (r: (typeof reviews)[number] | undefined) => {
    if (!r) return "Not reviewed yet";
    const agreed = r.verdicts.filter((v) => v.agrees).length;
    return `${agreed} agreed, ${r.verdicts.length - agreed} disagreed`;
  };
  const reviewWords = (r: (typeof reviews)[number] | undefined) =>
    !r ? "Not opened" : r.completedAt ? `Completed ${formatDate(r.completedAt)}` : `Opened ${formatDate(r.openedAt)}, in progress`;
  const reportItems: ReportItem[] = [
    ...items.map((i) => {
      const review = reviewByItem.get(i.id);
      return {
        learner: i.enrolment.learner.name,
        unit: i.enrolment.unit.displayCode,
        assessor: i.enrolment.assessor?.name ?? "None assigned",
        stage: stageWords[i.stage],
        method: i.method ? methodLabels[i.method] : "Any",
        reasons: i.reasons.join("; "),
        review: reviewWords(review),
        outcome: outcomeOf(review),
      };
    }),
    ...reviews
      .filter((r) => !r.planItemId)
      .map((r) => ({
        learner: r.enrolment.learner.name,
        unit: r.enrolment.unit.displayCode,
        assessor: r.enrolment.assessor?.name ?? "None assigned",
        stage: stageWords[r.stage],
        method: "Any",
        reasons: "Sampled outside a plan.",
        review: reviewWords(r),
        outcome: outcomeOf(r),
      })),
  ];

  const verdicts: ReportVerdict[] = reviews.flatMap((r) =>
    r.verdicts.map((v) => {
      const d = v.decisionId ? decisionById.get(v.decisionId) : undefined;
      return {
        learner: r.enrolment.learner.name,
        unit: r.enrolment.unit.displayCode,
        criterion: d ? (codeOf.get(d.criterionId) ?? "") : "Sign-off",
        assessor: nameOf.get(v.assessorId) ?? "Unknown",
        decision: d ? `${d.outcome === "MET" ? "Met" : "Not yet met"}, ${formatDate(d.decidedAt)}` : "Unit signed off",
        verdict: v.agrees ? "Agreed" : "Disagreed",
        feedback: v.feedback,
        signed: `${v.typedName}, ${formatDate(v.signedAt)}`,
      };
    }),
  );

  const reportActions: ReportAction[] = actions.map((a) => ({
    title: a.title,
    assessor: nameOf.get(a.assessorId) ?? "Unknown",
    raised: formatDate(a.raisedAt),
    due: formatDate(a.dueOn),
    status: a.closedAt ? `Closed ${formatDate(a.closedAt)}` : isoDay(a.dueOn) < today ? "Open, overdue" : "Open",
    note: a.closingNote ?? "",
  }));

  const byAssessor = new Map<string, ReportAssessor & { unitSet: Set<string>; methodSet: Set<string> }>();
  const entry = (name: string) => {
    const found = byAssessor.get(name);
    if (found) return found;
    const made = {
      assessor: name,
      units: "",
      methods: "",
      interim: 0,
      summative: 0,
      agreed: 0,
      disagreed: 0,
      openActions: 0,
      unitSet: new Set<string>(),
      methodSet: new Set<string>(),
    };
    byAssessor.set(name, made);
    return made;
  };
  for (const i of reportItems) {
    const e = entry(i.assessor);
    e.unitSet.add(i.unit);
    if (i.method !== "Any") e.methodSet.add(i.method);
    if (i.stage === "Interim") e.interim++;
    else e.summative++;
  }
  for (const v of verdicts) {
    const e = entry(v.assessor);
    if (v.verdict === "Agreed") e.agreed++;
    else e.disagreed++;
  }
  for (const a of reportActions) if (a.status.startsWith("Open")) entry(a.assessor).openActions++;
  const assessors = [...byAssessor.values()]
    .sort((a, b) => a.assessor.localeCompare(b.assessor))
    .map(({ unitSet, methodSet, ...a }) => ({
      ...a,
      units: [...unitSet].sort().join(", ") || "None",
      methods: [...methodSet].sort().join(", ") || "None chosen",
    }));

  return { items: reportItems, assessors, verdicts, actions: reportActions };
}
