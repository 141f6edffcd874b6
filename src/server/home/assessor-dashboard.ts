import type { Actor } from "@/server/auth/actor";
import { type CaseloadRow, caseloadRows } from "@/server/assessment/caseload";
import { db } from "@/server/db/client";
import { centresAllowing, scope } from "@/server/policy";

// "Due" is when the oldest item waiting in a learner-unit reaches the centre's review target
// (working days since it was submitted); the week ahead is the next five working days.
const WEEK_WORKING_DAYS = 5;
const NEARLY_DONE = 0.8;

type Due = Pick<CaseloadRow, "id" | "learner" | "unit" | "awaiting" | "waitedDays" | "targetDays"> & { daysLeft: number };

/** What an assessor has to do next: reviews by when they fall due, learners nearly done, records and witnesses outstanding. */
export async function assessorDashboard(actor: Actor, now = new Date()) {
  // The home shows no last activity: skip the query that finds it.
  const rows = await caseloadRows(actor, now, { withActivity: false });
  const waiting: Due[] = rows
    .filter((r) => r.oldest)
    .map((r) => ({
      id: r.id,
      learner: r.learner,
      unit: r.unit,
      awaiting: r.awaiting,
      waitedDays: r.waitedDays,
      targetDays: r.targetDays,
      daysLeft: r.targetDays - r.waitedDays,
    }))
    .sort((a, b) => a.daysLeft - b.daysLeft || a.learner.name.localeCompare(b.learner.name));
  const [records, witnesses] = await Promise.all([
    db.evidence.findMany({
      where: { AND: [scope(actor, "read:evidence:assessed"), { authorId: actor.userId, status: "DRAFT" }] },
      orderBy: { updatedAt: "asc" },
      take: 20,
      select: {
        id: true,
        title: true,
        updatedAt: true,
        learner: { select: { name: true } },
        versions: { orderBy: { version: "desc" }, take: 1, select: { record: true, submittedAt: true } },
      },
    }),
    db.witnessRequest.findMany({
      where: { respondedAt: null, expiresAt: { gt: now }, centreId: { in: centresAllowing(actor, "read:evidence") } },
      orderBy: { expiresAt: "asc" },
      take: 200,
      select: { id: true, witnessName: true, expiresAt: true, evidenceId: true },
    }),
  ]);
  // Witness requests carry no relation to their item: keep those on items the assessor may read.
  const items = witnesses.length
    ? await db.evidence.findMany({
        where: { AND: [scope(actor, "read:evidence:assessed"), { id: { in: [...new Set(witnesses.map((w) => w.evidenceId))] } }] },
        select: { id: true, title: true, learner: { select: { name: true } } },
      })
    : [];
  const itemBy = new Map(items.map((e) => [e.id, e]));
  return {
    // Every learner-unit with work waiting, due or not: the caseload lists them, longest waiting first.
    waiting: waiting.length,
    overdue: waiting.filter((w) => w.daysLeft < 0),
    dueToday: waiting.filter((w) => w.daysLeft === 0),
    dueThisWeek: waiting.filter((w) => w.daysLeft > 0 && w.daysLeft <= WEEK_WORKING_DAYS),
    nearlyDone: rows
      .filter((r) => r.status === "IN_PROGRESS" && r.total > 0 && r.completion >= NEARLY_DONE)
      .sort((a, b) => b.completion - a.completion)
      .map((r) => ({ id: r.id, learner: r.learner, unit: r.unit, met: r.met, total: r.total })),
    // Records the assessor wrote and sent, still waiting for the learner's countersignature.
    awaitingCountersign: records
      .filter((e) => (e.versions[0]?.record as { ready?: boolean } | null)?.ready && !e.versions[0]?.submittedAt)
      .map((e) => ({ id: e.id, title: e.title, learner: e.learner.name, sentAt: e.updatedAt })),
    witnessesOutstanding: witnesses
      .flatMap((w) => {
        const item = itemBy.get(w.evidenceId);
        return item ? [{ id: w.id, witness: w.witnessName, expiresAt: w.expiresAt, evidenceId: item.id, title: item.title, learner: item.learner.name }] : [];
      })
      .slice(0, 20),
  };
}
