import { z } from "zod";
import { bankHolidaysAhead } from "@/lib/centre/bank-holidays";
import { checkbox, day, id, int, text } from "@/lib/input";
import { isoDay, ukDay } from "@/lib/format";
import { appendAudit } from "@/server/audit/append";
import type { Actor } from "@/server/auth/actor";
import { type Tx, db } from "@/server/db/client";
import { UserFacingError, parseInput } from "@/server/errors";
import { NotFoundError, administeredCentre } from "@/server/policy";

export const SETTING_DAYS_MAX = 60;

const centreField = { centreId: id("Choose a centre").optional() };

export const settingsInput = z.object({
  ...centreField,
  reviewTargetDays: int(1, SETTING_DAYS_MAX, "Review target in working days"),
  witnessLinkDays: int(1, SETTING_DAYS_MAX, "Witness link lifetime in days"),
  outboxAllowed: checkbox(),
});
export const closureInput = z.object({ ...centreField, day: day("the day"), name: text(100, "Enter the day's name, like Staff training day") });
export const closureTarget = z.object({ ...centreField, day: day("the day") });
export const centreTarget = z.object(centreField);

/** The centre's settings and non-working days, for its admin (the first centre they administer unless one is asked for). */
export async function centreSettings(actor: Actor, requested?: string | null) {
  const centreId = administeredCentre(actor, "administer:centre", typeof requested === "string" ? requested : null);
  const centre = await db.centre.findUniqueOrThrow({
    where: { id: centreId },
    select: { id: true, name: true, reviewTargetDays: true, witnessLinkDays: true, outboxAllowed: true },
  });
  const closures = await db.centreClosure.findMany({ where: { centreId }, orderBy: { day: "asc" }, select: { day: true, name: true } });
  return { centre, closures: closures.map((c) => ({ day: isoDay(c.day), name: c.name })) };
}

async function lockCentre(tx: Tx, centreId: string) {
  const [row] = await tx.$queryRaw<
    { reviewTargetDays: number; witnessLinkDays: number; outboxAllowed: boolean }[]
  >`SELECT "reviewTargetDays", "witnessLinkDays", "outboxAllowed" FROM "Centre" WHERE id = ${centreId}::uuid FOR UPDATE`;
  if (!row) throw new NotFoundError();
  return row;
}

/** Saves the review target, witness link lifetime and outbox choice; the audit event keeps each old and new value. */
export async function updateCentreSettings(actor: Actor, input: unknown) {
  const { centreId: requested, ...wanted } = parseInput(settingsInput, input);
  const centreId = administeredCentre(actor, "administer:centre", requested);
  return db.$transaction(async (tx) => {
    const current = await lockCentre(tx, centreId);
    const changes: Record<string, { from: number | boolean; to: number | boolean }> = {};
    for (const key of Object.keys(wanted) as (keyof typeof wanted)[]) {
      if (current[key] !== wanted[key]) changes[key] = { from: current[key], to: wanted[key] };
    }
    if (!Object.keys(changes).length) return { changed: [] as string[] };
    await tx.centre.update({ where: { id: centreId }, data: wanted });
    await appendAudit(tx, { kind: "centre.settings_changed", actorId: actor.userId, data: { changes } }, { centreId, subject: `centre:${centreId}` });
    return { changed: Object.keys(changes) };
  });
}

/** Adds one non-working day; the same day twice is refused beside the date. */
export async function addClosure(actor: Actor, input: unknown) {
  const { centreId: requested, day: when, name } = parseInput(closureInput, input);
  const centreId = administeredCentre(actor, "administer:centre", requested);
  return db.$transaction(async (tx) => {
    await lockCentre(tx, centreId);
    const existing = await tx.centreClosure.findUnique({ where: { centreId_day: { centreId, day: new Date(when) } }, select: { name: true } });
    if (existing)
      throw new UserFacingError(`That day is already a non-working day (${existing.name}).`, { day: `That day is already listed as ${existing.name}` });
    await tx.centreClosure.create({ data: { centreId, day: new Date(when), name } });
    await appendAudit(
      tx,
      { kind: "centre.closure_added", actorId: actor.userId, data: { days: [{ day: when, name }] } },
      { centreId, subject: `centre:${centreId}` },
    );
    return { day: when };
  });
}

/** Removes a non-working day: it counts towards review targets again. */
export async function removeClosure(actor: Actor, input: unknown) {
  const { centreId: requested, day: when } = parseInput(closureTarget, input);
  const centreId = administeredCentre(actor, "administer:centre", requested);
  return db.$transaction(async (tx) => {
    await lockCentre(tx, centreId);
    const existing = await tx.centreClosure.findUnique({ where: { centreId_day: { centreId, day: new Date(when) } }, select: { name: true } });
    if (!existing) throw new NotFoundError();
    await tx.centreClosure.delete({ where: { centreId_day: { centreId, day: new Date(when) } } });
    await appendAudit(
      tx,
      { kind: "centre.closure_removed", actorId: actor.userId, data: { day: when, name: existing.name } },
      { centreId, subject: `centre:${centreId}` },
    );
    return { day: when };
  });
}

/** Adds the England and Wales bank holidays of the next two years; days already listed are kept as they are. */
export async function addBankHolidays(actor: Actor, input: unknown, now = new Date()) {
  const { centreId: requested } = parseInput(centreTarget, input);
  const centreId = administeredCentre(actor, "administer:centre", requested);
  const holidays = bankHolidaysAhead(ukDay(now));
  return db.$transaction(async (tx) => {
    await lockCentre(tx, centreId);
    const listed = await tx.centreClosure.findMany({ where: { centreId, day: { in: holidays.map((h) => new Date(h.day)) } }, select: { day: true } });
    const have = new Set(listed.map((c) => isoDay(c.day)));
    const days = holidays.filter((h) => !have.has(h.day));
    if (!days.length) return { added: 0 };
    await tx.centreClosure.createMany({ data: days.map((h) => ({ centreId, day: new Date(h.day), name: h.name })) });
    await appendAudit(tx, { kind: "centre.closure_added", actorId: actor.userId, data: { days } }, { centreId, subject: `centre:${centreId}` });
    return { added: days.length };
  });
}
