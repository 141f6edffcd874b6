import { z } from "zod";
import { anyText, id, text } from "@/lib/input";
import { assessmentMethods } from "@/lib/standards/unit-file";
import { appendAudit } from "@/server/audit/append";
import type { Actor } from "@/server/auth/actor";
import { type Tx, db } from "@/server/db/client";
import { UserFacingError, parseInput } from "@/server/errors";
import { NotFoundError, administeredCentre } from "@/server/policy";

// The centre's sampling strategy: its default (unitCode "") and an override per unit code. Saved
// with the centre's row locked, so two saves never interleave; each changed field is audited from
// and to. Removing a unit's override deletes its row: the audit keeps what it was (decision 0036).

const percent = (label: string) => {
  const message = `${label}: enter a whole number from 0 to 100`;
  return z.preprocess(
    (v) => (typeof v === "string" && /^\s*-?\d{1,12}\s*$/.test(v) ? Number(v) : v),
    z.number({ error: message }).int(message).min(0, message).max(100, message),
  );
};

export const strategyInput = z.object({
  centreId: id("Choose a centre").optional(),
  unitCode: anyText(40, "Choose a unit").default(""),
  learnersLow: percent("Learners at low risk"),
  learnersMedium: percent("Learners at medium risk"),
  learnersHigh: percent("Learners at high risk"),
  unitsLow: percent("Units at low risk"),
  unitsMedium: percent("Units at medium risk"),
  unitsHigh: percent("Units at high risk"),
  interimPercent: percent("Interim share"),
  methods: z
    .array(z.enum(assessmentMethods, { error: "Choose methods from the list" }), { error: "Choose at least one method to cover" })
    .min(1, "Choose at least one method to cover"),
});
export const strategyTarget = z.object({
  centreId: id("Choose a centre").optional(),
  unitCode: text(40, "Choose a unit"),
});

const fields = ["learnersLow", "learnersMedium", "learnersHigh", "unitsLow", "unitsMedium", "unitsHigh", "interimPercent", "methods"] as const;
type Values = { [K in (typeof fields)[number]]: K extends "methods" ? string[] : number };
type Change = { from: number | string[] | null; to: number | string[] | null };

async function lockCentre(tx: Tx, centreId: string) {
  const [row] = await tx.$queryRaw<{ id: string }[]>`SELECT id::text FROM "Centre" WHERE id = ${centreId}::uuid FOR UPDATE`;
  if (!row) throw new NotFoundError();
}

/** The unit codes a centre has enrolments on: the only ones a strategy may be set for. */
export async function enrolledUnitCodes(tx: Tx | typeof db, centreId: string): Promise<string[]> {
  const units = await tx.unit.findMany({ where: { enrolments: { some: { centreId } } }, select: { code: true }, distinct: ["code"], orderBy: { code: "asc" } });
  return units.map((u) => u.code);
}

const same = (a: number | string[], b: number | string[]) => JSON.stringify(a) === JSON.stringify(b);

/** Sets the centre's default (unitCode "") or a unit's override; answers which fields changed. */
export async function saveStrategy(actor: Actor, input: unknown) {
  const { centreId: requested, unitCode, methods, ...numbers } = parseInput(strategyInput, input);
  // In the catalogue's order, so the same choice always reads (and compares) the same.
  const wanted = { ...numbers, methods: assessmentMethods.filter((m) => methods.includes(m)) };
  const centreId = administeredCentre(actor, "manage:strategy", requested);
  return db.$transaction(async (tx) => {
    await lockCentre(tx, centreId);
    if (unitCode && !(await enrolledUnitCodes(tx, centreId)).includes(unitCode))
      throw new UserFacingError("Choose a unit your centre has learners on", { unitCode: "Choose a unit your centre has learners on" });
    const current = await tx.samplingStrategy.findUnique({ where: { centreId_unitCode: { centreId, unitCode } } });
    const changes: Record<string, Change> = {};
    for (const key of fields) {
      const before = current ? (current[key] as Values[typeof key]) : null;
      if (before === null || !same(before, wanted[key])) changes[key] = { from: before, to: wanted[key] };
    }
    if (!Object.keys(changes).length) return { changed: [] as string[] };
    await tx.samplingStrategy.upsert({
      where: { centreId_unitCode: { centreId, unitCode } },
      create: { centreId, unitCode, ...wanted, updatedById: actor.userId },
      update: { ...wanted, updatedById: actor.userId },
    });
    await appendAudit(
      tx,
      { kind: "quality.strategy_changed", actorId: actor.userId, data: { unitCode, removed: false, changes } },
      { centreId, subject: `centre:${centreId}` },
    );
    return { changed: Object.keys(changes) };
  });
}

/** Removes a unit's override: the centre's default applies to it again. */
export async function removeUnitStrategy(actor: Actor, input: unknown) {
  const { centreId: requested, unitCode } = parseInput(strategyTarget, input);
  const centreId = administeredCentre(actor, "manage:strategy", requested);
  return db.$transaction(async (tx) => {
    await lockCentre(tx, centreId);
    const current = await tx.samplingStrategy.findUnique({ where: { centreId_unitCode: { centreId, unitCode } } });
    if (!current) return { removed: false };
    await tx.samplingStrategy.delete({ where: { id: current.id } });
    const changes = Object.fromEntries(fields.map((key) => [key, { from: current[key] as Values[typeof key], to: null }]));
    await appendAudit(
      tx,
      { kind: "quality.strategy_changed", actorId: actor.userId, data: { unitCode, removed: true, changes } },
      { centreId, subject: `centre:${centreId}` },
    );
    return { removed: true };
  });
}
