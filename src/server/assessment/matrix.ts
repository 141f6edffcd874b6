import { isId } from "@/lib/ids";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db/client";
import { NotFoundError, scope } from "@/server/policy";
import { appendAudit } from "@/server/audit/append";
import { writeCheckpoint } from "@/server/audit/checkpoint";
import { loadSigningKey } from "@/server/audit/signing-key";
import { must } from "@/lib/must";

/** Criteria by evidence for one enrolment, or for all of a learner's units the actor may read. */
export async function trackingMatrix(actor: Actor, target: { enrolmentId?: unknown; learnerId?: unknown }) {
  const id = target.enrolmentId ?? target.learnerId;
  if (!isId(id)) throw new NotFoundError("Not found");
  const enrolments = await db.enrolment.findMany({
    where: { AND: [scope(actor, "read:enrolment"), target.enrolmentId ? { id } : { learnerId: id }] },
    orderBy: { unit: { code: "asc" } },
    select: { id: true, centreId: true, learner: { select: { id: true, name: true } }, unit: { select: { id: true, displayCode: true, title: true } } },
  });
  if (!enrolments.length) throw new NotFoundError("Not found");
  const ids = enrolments.map((e) => e.id);
  const [criteria, judgements, links] = await Promise.all([
    db.criterion.findMany({
      where: { unitId: { in: enrolments.map((e) => e.unit.id) } },
      orderBy: { position: "asc" },
      select: { id: true, code: true, unitId: true },
    }),
    db.criterionJudgement.findMany({ where: { enrolmentId: { in: ids } }, select: { enrolmentId: true, criterionId: true, state: true, stale: true } }),
    db.evidenceLink.findMany({
      where: { enrolmentId: { in: ids }, removedAt: null, evidence: { status: { in: ["SUBMITTED", "DRAFT"] } } },
      select: { criterionId: true, enrolmentId: true, claim: true, evidence: { select: { id: true, title: true, status: true, activityFrom: true } } },
    }),
  ]);
  const items = [...new Map(links.map((l) => [l.evidence.id, l.evidence])).values()].sort((a, b) => a.activityFrom.getTime() - b.activityFrom.getTime());
  const rows = enrolments.flatMap((e) =>
    criteria
      .filter((c) => c.unitId === e.unit.id)
      .map((c) => {
        const j = judgements.find((x) => x.enrolmentId === e.id && x.criterionId === c.id);
        return {
          unit: e.unit.displayCode,
          code: c.code,
          state: j?.state ?? "NOT_STARTED",
          stale: j?.stale ?? false,
          cells: items
            .map((item) => links.find((l) => l.enrolmentId === e.id && l.criterionId === c.id && l.evidence.id === item.id) ?? null)
            .map((l) => (l ? (l.evidence.status === "DRAFT" ? "DRAFT" : l.claim) : null)),
        };
      }),
  );
  return { learner: must(enrolments[0], "enrolments[0]").learner, centreId: must(enrolments[0], "enrolments[0]").centreId, enrolments, items, rows };
}

const stateWords = { NOT_STARTED: "no evidence", EVIDENCE_SUBMITTED: "submitted", MET: "met", NOT_YET_MET: "not yet met" } as const;
const cellWords = { CLAIMED: "claimed", CONFIRMED: "confirmed", REJECTED: "rejected", DRAFT: "draft" } as const;

/** The matrix as CSV (RFC 4180), with formula-like cells neutralised for spreadsheets. */
export function matrixCsv(m: Awaited<ReturnType<typeof trackingMatrix>>): string {
  const cell = (v: string) => {
    const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const header = ["Unit", "Criterion", "State", ...m.items.map((i) => i.title)];
  const lines = m.rows.map((r) => [r.unit, r.code, stateWords[r.state] + (r.stale ? " (stale)" : ""), ...r.cells.map((c) => (c ? cellWords[c] : ""))]);
  return [header, ...lines].map((l) => l.map(cell).join(",")).join("\r\n") + "\r\n";
}

/** "Download CSV": the matrix as a file, its download audited and the audit chain's head signed. */
export async function exportMatrixCsv(actor: Actor, target: { enrolmentId?: unknown; learnerId?: unknown }) {
  const matrix = await trackingMatrix(actor, target);
  const key = await loadSigningKey();
  const enrolment = target.enrolmentId ? must(matrix.enrolments[0], "matrix.enrolments[0]") : null;
  await db.$transaction((tx) =>
    appendAudit(
      tx,
      {
        kind: "export.csv_downloaded",
        actorId: actor.userId,
        data: { export: "tracking-matrix", enrolmentId: enrolment?.id ?? null, learnerId: matrix.learner.id, rows: matrix.rows.length },
      },
      { centreId: matrix.centreId, subject: enrolment ? `enrolment:${enrolment.id}` : `user:${matrix.learner.id}` },
    ),
  );
  await writeCheckpoint(db, key, "export");
  const name = `tracking-${matrix.learner.name.replace(/[^A-Za-z0-9]+/g, "-")}${enrolment ? `-${enrolment.unit.displayCode.replace(/\s+/g, "")}` : ""}.csv`;
  return { name, csv: matrixCsv(matrix) };
}
