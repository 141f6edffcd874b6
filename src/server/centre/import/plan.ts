import { z } from "zod";
import type { Tx } from "@/server/db/client";
import { type ColumnKey, type RawRow, britishDay, unitSeparators } from "./columns";

export type ImportStep =
  | { kind: "invite"; name: string; email: string; existingUserId: string | null }
  | { kind: "enrol"; unitId: string; unit: string; assessorId: string | null; iqaId: string | null; startedAt: string }
  | { kind: "assign"; enrolmentId: string; unit: string; role: "ASSESSOR" | "IQA"; userId: string; from: string | null };
export type RowProblem = { column: ColumnKey; message: string };
export type PlannedRow = RawRow & { learnerId: string | null; problems: RowProblem[]; steps: ImportStep[]; outcome: string };
export type ImportSummary = { rows: number; withProblems: number; unchanged: number; newLearners: number; enrolments: number; reassignments: number };

const emailSchema = z.email();
const normalEmail = (s: string) => s.trim().toLowerCase();
const normalCode = (s: string) => s.toUpperCase().replace(/\s+/g, "");
type Grant = { role: string; startsAt: Date | null; endsAt: Date | null };
const holds = (grants: Grant[], role: string, now: Date) =>
  grants.some((g) => g.role === role && (!g.startsAt || g.startsAt <= now) && (!g.endsAt || g.endsAt > now));

/**
 * What importing these rows would do in the centre, row by row: each row's steps (invite a new
 * learner, enrol on a unit, reassign an assessor or IQA) or its problems, by column. The same
 * function previews the file and, inside the apply transaction, checks it again. Three queries
 * whatever the number of rows: the people named, the units, the learners' enrolments here.
 */
export async function planImport(tx: Tx, centreId: string, raws: RawRow[], now = new Date()): Promise<PlannedRow[]> {
  const emails = [
    ...new Set(
      raws
        .flatMap((r) => [r.email, r.assessorEmail, r.iqaEmail])
        .map(normalEmail)
        .filter((e) => emailSchema.safeParse(e).success),
    ),
  ];
  const [users, units] = await Promise.all([
    tx.user.findMany({
      where: { email: { in: emails } },
      select: { id: true, email: true, name: true, active: true, roleGrants: { where: { centreId }, select: { role: true, startsAt: true, endsAt: true } } },
    }),
    tx.unit.findMany({
      where: { status: "PUBLISHED" },
      select: { id: true, code: true, displayCode: true, version: true, retiredAt: true },
      orderBy: { version: "desc" },
    }),
  ]);
  const byEmail = new Map(users.map((u) => [u.email, u]));
  const learnerIds = raws.flatMap((r) => byEmail.get(normalEmail(r.email))?.id ?? []);
  const enrolments = learnerIds.length
    ? await tx.enrolment.findMany({
        where: { centreId, learnerId: { in: [...new Set(learnerIds)] } },
        select: { id: true, learnerId: true, status: true, assessorId: true, iqaId: true, unit: { select: { code: true } } },
      })
    : [];
  const enrolmentOf = new Map(enrolments.map((e) => [`${e.learnerId} ${e.unit.code}`, e]));
  const unitByCode = new Map<string, (typeof units)[number]>();
  const retiredCodes = new Set<string>();
  for (const u of units) {
    for (const key of [normalCode(u.code), normalCode(u.displayCode)]) {
      if (u.retiredAt) retiredCodes.add(key);
      else if (!unitByCode.has(key)) unitByCode.set(key, u);
    }
  }
  const nameOf = new Map(users.map((u) => [u.id, u.name]));
  const firstRowOf = new Map<string, number>();

  return raws.map((raw) => {
    const problems: RowProblem[] = [];
    const problem = (column: ColumnKey, message: string) => problems.push({ column, message });

    // The learner.
    const email = normalEmail(raw.email);
    const learner = byEmail.get(email);
    if (!raw.email) problem("email", "Enter the learner's email address");
    else if (!emailSchema.safeParse(email).success) problem("email", "Enter an email address like name@example.com");
    else if (firstRowOf.has(email)) problem("email", `This learner is also on row ${firstRowOf.get(email)}: put all their units on one row`);
    else firstRowOf.set(email, raw.row);
    if (learner && !learner.active) problem("email", "This person's account is disabled: enable it before enrolling them");
    if (!learner && !raw.name) problem("name", "Enter the learner's name: they are new to Attest");
    if (raw.name.length > 200) problem("name", "Use at most 200 characters");
    const isLearner = !!learner && holds(learner.roleGrants, "LEARNER", now);

    // The staff.
    const staff = (column: "assessorEmail" | "iqaEmail", role: "ASSESSOR" | "IQA") => {
      if (!raw[column]) return null;
      const who = byEmail.get(normalEmail(raw[column]));
      const title = role === "ASSESSOR" ? "an assessor" : "an internal quality assurer";
      if (!who || !who.active || !holds(who.roleGrants, role, now)) {
        problem(column, `No ${title.replace(/^an? /, "")} of this centre has this email address`);
        return null;
      }
      return who.id;
    };
    const assessorId = staff("assessorEmail", "ASSESSOR");
    const iqaId = staff("iqaEmail", "IQA");
    if (assessorId && assessorId === iqaId) problem("iqaEmail", "The internal quality assurer cannot be the learner's assessor");
    if (learner && (learner.id === assessorId || learner.id === iqaId)) problem("email", "A learner cannot be their own assessor or internal quality assurer");

    // The units and the start date.
    const codes = [...new Set(raw.units.split(unitSeparators).map(normalCode).filter(Boolean))];
    if (!codes.length) problem("units", 'Enter at least one unit code, like CPC308; separate several with ";"');
    const chosen = codes.flatMap((code) => {
      const unit = unitByCode.get(code);
      if (!unit) problem("units", retiredCodes.has(code) ? `Unit ${code} is retired: it takes no new enrolments` : `No published unit has the code ${code}`);
      return unit ? [unit] : [];
    });
    const startedAt = britishDay(raw.startDate);
    if (!raw.startDate) problem("startDate", "Enter the start date as day/month/year, like 3/11/2026");
    else if (!startedAt) problem("startDate", `“${raw.startDate}” is not a real date as day/month/year, like 3/11/2026`);

    if (problems.length)
      return { ...raw, learnerId: learner?.id ?? null, problems, steps: [], outcome: "Not imported: correct this row and upload the file again" };

    const steps: ImportStep[] = [];
    const said: string[] = [];
    const enrolOn: string[] = [];
    if (!isLearner) {
      steps.push({ kind: "invite", name: raw.name, email, existingUserId: learner?.id ?? null });
      said.push(learner ? "Existing person, given the learner role" : "New learner, invited by email");
    }
    for (const unit of chosen) {
      const existing = learner && enrolmentOf.get(`${learner.id} ${unit.code}`);
      if (!existing) {
        steps.push({ kind: "enrol", unitId: unit.id, unit: unit.displayCode, assessorId, iqaId, startedAt: startedAt as string });
        enrolOn.push(`${unit.displayCode} version ${unit.version}`);
        continue;
      }
      if (existing.status === "WITHDRAWN") continue;
      for (const [role, wanted, current] of [
        ["ASSESSOR", assessorId, existing.assessorId],
        ["IQA", iqaId, existing.iqaId],
      ] as const) {
        if (!wanted || wanted === current) continue;
        steps.push({ kind: "assign", enrolmentId: existing.id, unit: unit.displayCode, role, userId: wanted, from: current });
        said.push(`on ${unit.displayCode}, change ${role === "ASSESSOR" ? "assessor" : "IQA"} to ${nameOf.get(wanted)}`);
      }
    }
    if (enrolOn.length) {
      const who = [assessorId && `assessor ${nameOf.get(assessorId)}`, iqaId && `IQA ${nameOf.get(iqaId)}`].filter(Boolean).join(", ");
      said.splice(steps[0]?.kind === "invite" ? 1 : 0, 0, `enrol on ${enrolOn.join(" and ")}${who ? ` (${who})` : ""}`);
    }
    const outcome = said.length ? said.join("; ").replace(/^./, (c) => c.toUpperCase()) : "No change";
    return { ...raw, learnerId: learner?.id ?? null, problems, steps, outcome };
  });
}

export function summarise(rows: PlannedRow[]): ImportSummary {
  return {
    rows: rows.length,
    withProblems: rows.filter((r) => r.problems.length).length,
    unchanged: rows.filter((r) => !r.problems.length && !r.steps.length).length,
    newLearners: rows.filter((r) => r.steps.some((s) => s.kind === "invite" && !s.existingUserId)).length,
    enrolments: rows.reduce((n, r) => n + r.steps.filter((s) => s.kind === "enrol").length, 0),
    reassignments: rows.reduce((n, r) => n + r.steps.filter((s) => s.kind === "assign").length, 0),
  };
}
