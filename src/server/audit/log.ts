import { z } from "zod";
import { withDayParts } from "@/lib/day-parts";
import { nextIsoDay, ukDayStart } from "@/lib/format";
import { day } from "@/lib/input";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import { administeredCentre } from "@/server/policy";
import { appendAudit } from "./append";
import { auditKinds } from "./kinds";
import { lastVerification } from "./verification";

// A centre admin's audit log: only events recorded against their centre, newest first, a page at a
// time by id (keyset), and the same filters for the CSV download.

export const AUDIT_PAGE_SIZE = 50;
const EXPORT_BATCH = 1000;
const optional = <T extends z.ZodType>(s: T) => z.preprocess((v) => (v === "" || v === null ? undefined : v), s.optional());

export const auditFilterSchema = z.object({
  centre: optional(z.uuid()),
  person: optional(z.string().trim().toLowerCase().max(254)),
  kind: optional(z.enum(auditKinds as [string, ...string[]], { error: "Choose a kind of event from the list" })),
  from: optional(day("the first date")),
  to: optional(day("the last date")),
  before: optional(z.string().regex(/^\d{1,18}$/, "Not a page of this log")),
});
export type AuditFilters = z.infer<typeof auditFilterSchema>;

/** The filters as asked for; anything that does not parse is left out and reported, never an error page. */
export function readAuditFilters(raw: Record<string, unknown>): { filters: AuditFilters; problems: string[] } {
  const input = withDayParts({ ...raw }, ["from", "to"]);
  const parsed = auditFilterSchema.safeParse(input);
  if (parsed.success) return { filters: parsed.data, problems: [] };
  const bad = new Set(parsed.error.issues.map((i) => String(i.path[0])));
  const kept = auditFilterSchema.safeParse(Object.fromEntries(Object.entries(input).filter(([k]) => !bad.has(k))));
  return { filters: kept.success ? kept.data : {}, problems: parsed.error.issues.map((i) => i.message) };
}

async function whereFor(centreId: string, f: AuditFilters): Promise<Prisma.AuditEventWhereInput | null> {
  const and: Prisma.AuditEventWhereInput[] = [{ centreId }];
  if (f.person) {
    const person = await db.user.findUnique({ where: { email: f.person }, select: { id: true } });
    if (!person) return null;
    and.push({ actorId: person.id });
  }
  if (f.kind) and.push({ kind: f.kind });
  // Days as the UK reads them: "from 1 July" starts at midnight BST.
  if (f.from) and.push({ at: { gte: ukDayStart(f.from) } });
  if (f.to) and.push({ at: { lt: ukDayStart(nextIsoDay(f.to)) } });
  return { AND: and };
}

const eventSelect = { id: true, at: true, kind: true, subject: true, data: true, actor: { select: { name: true, email: true } } } as const;

/** A page of the centre's events, newest first, and the chain's last verification. */
export async function centreAuditLog(actor: Actor, raw: Record<string, unknown>) {
  const { filters, problems } = readAuditFilters(raw);
  const centreId = administeredCentre(actor, "read:audit", filters.centre);
  const where = await whereFor(centreId, filters);
  const [rows, verification] = await Promise.all([
    where
      ? db.auditEvent.findMany({
          where: filters.before ? { AND: [where, { id: { lt: BigInt(filters.before) } }] } : where,
          orderBy: { id: "desc" },
          take: AUDIT_PAGE_SIZE + 1,
          select: eventSelect,
        })
      : [],
    lastVerification(db),
  ]);
  const events = rows.slice(0, AUDIT_PAGE_SIZE).map((e) => ({ ...e, id: e.id.toString() }));
  const older = rows.length > AUDIT_PAGE_SIZE ? events.at(-1)?.id : undefined;
  return { centreId, filters, problems, events, older, verification, unknownPerson: Boolean(filters.person && !where) };
}

/**
 * The filtered events as CSV lines, fetched a batch at a time by id so the whole log is never in
 * memory. The download itself is audited, with the filters used.
 */
export async function auditCsv(actor: Actor, raw: Record<string, unknown>): Promise<{ fileName: string; lines: AsyncGenerator<string[]> }> {
  const { filters } = readAuditFilters(raw);
  const centreId = administeredCentre(actor, "read:audit", filters.centre);
  const where = await whereFor(centreId, { ...filters, before: undefined });
  await db.$transaction((tx) =>
    appendAudit(
      tx,
      {
        kind: "audit.exported",
        actorId: actor.userId,
        data: { filters: { person: filters.person ?? null, kind: filters.kind ?? null, from: filters.from ?? null, to: filters.to ?? null } },
      },
      { centreId, subject: `centre:${centreId}` },
    ),
  );
  async function* lines(): AsyncGenerator<string[]> {
    yield ["Id", "Time (UTC)", "Person", "Email", "Kind", "Subject", "Details"];
    if (!where) return;
    let before: bigint | undefined;
    for (;;) {
      const batch = await db.auditEvent.findMany({
        where: before === undefined ? where : { AND: [where, { id: { lt: before } }] },
        orderBy: { id: "desc" },
        take: EXPORT_BATCH,
        select: eventSelect,
      });
      for (const e of batch)
        yield [e.id.toString(), e.at.toISOString(), e.actor?.name ?? "Attest", e.actor?.email ?? "", e.kind, e.subject ?? "", JSON.stringify(e.data)];
      if (batch.length < EXPORT_BATCH) return;
      before = batch.at(-1)?.id;
    }
  }
  return { fileName: `audit-log-${new Date().toISOString().slice(0, 10)}.csv`, lines: lines() };
}
