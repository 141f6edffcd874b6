import { z } from "zod";
import { isId } from "@/lib/ids";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db/client";
import { NotFoundError, scope } from "@/server/policy";
import { appendAudit } from "@/server/audit/append";
import { writeCheckpoint } from "@/server/audit/checkpoint";
import { loadSigningKey } from "@/server/audit/signing-key";
import { must } from "@/lib/must";

export const MATRIX_ITEMS_PER_PAGE = 50;
const pageSchema = z.coerce.number().int().min(1).max(100_000).catch(1);

/**
 * Criteria by evidence for one enrolment, or for all of a learner's units the actor may read.
 * The items (columns) come a page at a time, oldest first; `page: "all"` gives every item (the CSV).
 */
export async function trackingMatrix(actor: Actor, target: { enrolmentId?: unknown; learnerId?: unknown }, page: unknown = 1) {
  const id = target.enrolmentId ?? target.learnerId;
  if (!isId(id)) throw new NotFoundError("Not found");
  const enrolments = await db.enrolment.findMany({
    where: { AND: [scope(actor, "read:enrolment"), target.enrolmentId ? { id } : { learnerId: id }] },
    orderBy: { unit: { code: "asc" } },
    select: { id: true, centreId: true, learner: { select: { id: true, name: true } }, unit: { select: { id: true, displayCode: true, title: true } } },
  });
  if (!enrolments.length) throw new NotFoundError("Not found");
  const ids = enrolments.map((e) => e.id);
  const every = page === "all";
  const n = every ? 1 : pageSchema.parse(page);
  // An item is a column when it is live and still linked to one of these enrolments.
  const itemWhere = { status: { in: ["SUBMITTED" as const, "DRAFT" as const] }, links: { some: { enrolmentId: { in: ids }, removedAt: null } } };
  const [criteria, judgements, items, itemCount] = await Promise.all([
    db.criterion.findMany({
      where: { unitId: { in: enrolments.map((e) => e.unit.id) } },
      orderBy: { position: "asc" },
      select: { id: true, code: true, unitId: true },
    }),
    db.criterionJudgement.findMany({ where: { enrolmentId: { in: ids } }, select: { enrolmentId: true, criterionId: true, state: true, stale: true } }),
    db.evidence.findMany({
      where: itemWhere,
      orderBy: [{ activityFrom: "asc" }, { id: "asc" }],
      ...(every ? {} : { skip: (n - 1) * MATRIX_ITEMS_PER_PAGE, take: MATRIX_ITEMS_PER_PAGE }),
      // Each item's links to these enrolments come with it (one statement, joined).
      select: {
        id: true,
        title: true,
        status: true,
        activityFrom: true,
        links: { where: { enrolmentId: { in: ids }, removedAt: null }, select: { criterionId: true, enrolmentId: true, evidenceId: true, claim: true } },
      },
    }),
    every ? null : db.evidence.count({ where: itemWhere }),
  ]);
  const links = items.flatMap((i) => i.links);
  const columns = items.map(({ links: _, ...item }) => item);
  // Looked up by key, never searched per cell: a learner can have hundreds of items.
  const key = (enrolmentId: string, criterionId: string) => `${enrolmentId} ${criterionId}`;
  const judgementOf = new Map(judgements.map((j) => [key(j.enrolmentId, j.criterionId), j]));
  const claimOf = new Map(links.map((l) => [`${key(l.enrolmentId, l.criterionId)} ${l.evidenceId}`, l.claim]));
  const rows = enrolments.flatMap((e) =>
    criteria
      .filter((c) => c.unitId === e.unit.id)
      .map((c) => {
        const j = judgementOf.get(key(e.id, c.id));
        return {
          unit: e.unit.displayCode,
          code: c.code,
          state: j?.state ?? "NOT_STARTED",
          stale: j?.stale ?? false,
          cells: columns.map((item) => {
            const claim = claimOf.get(`${key(e.id, c.id)} ${item.id}`);
            return claim ? (item.status === "DRAFT" ? ("DRAFT" as const) : claim) : null;
          }),
        };
      }),
  );
  const total = itemCount ?? columns.length;
  const first = must(enrolments[0], "enrolments[0]");
  return {
    learner: first.learner,
    centreId: first.centreId,
    enrolments,
    items: columns,
    rows,
    itemPage: {
      page: n,
      pages: Math.max(1, Math.ceil(total / MATRIX_ITEMS_PER_PAGE)),
      total,
      from: (n - 1) * MATRIX_ITEMS_PER_PAGE + 1,
      size: MATRIX_ITEMS_PER_PAGE,
    },
  };
}

const stateWords = { NOT_STARTED: "no evidence", EVIDENCE_SUBMITTED: "submitted", MET: "met", NOT_YET_MET: "not yet met", REOPENED: "reopened" } as const;
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
  const matrix = await trackingMatrix(actor, target, "all");
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
