import { z } from "zod";
import { id, text } from "@/lib/input";
import { must } from "@/lib/must";
import { appendAudit } from "@/server/audit/append";
import type { Actor } from "@/server/auth/actor";
import { type Tx, db } from "@/server/db/client";
import { UserFacingError, parseInput } from "@/server/errors";
import { lockAdministeredEnrolment } from "./lock";

export const changeVersionInput = z.object({
  enrolmentId: id("Choose an enrolment"),
  unitId: id("Choose the version to move to"),
  reason: text(500, "Enter the reason for moving to this version"),
});

const codeList = (codes: Iterable<string>) => [...new Set(codes)].sort().join(", ");

/** What the enrolment holds on each criterion and scope option of its present version: what a move must carry. */
async function heldWork(tx: Tx, enrolmentId: string, unitId: string) {
  const [criteria, judgements, links, decisions, scopeLinks] = await Promise.all([
    tx.criterion.findMany({ where: { unitId }, select: { id: true, code: true, text: true } }),
    tx.criterionJudgement.findMany({ where: { enrolmentId }, select: { id: true, criterionId: true, state: true, decisionId: true, revision: true } }),
    tx.evidenceLink.findMany({ where: { enrolmentId }, select: { id: true, criterionId: true, removedAt: true } }),
    tx.decision.findMany({ where: { enrolmentId }, select: { criterionId: true } }),
    tx.evidenceScopeLink.findMany({
      where: { enrolmentId },
      select: { id: true, scopeOption: { select: { text: true, position: true, category: { select: { key: true } } } } },
    }),
  ]);
  return { criteria, judgements, links, decisions, scopeLinks };
}

/**
 * Moves an enrolment to another published version of its unit, explicitly (decision 0032). Every
 * criterion is matched by its code. Judgements (state, revision, current decision) and evidence
 * links move to the new version's criterion of the same code; signed decisions and agreed plans
 * stay as signed, on the criteria they name, and are read by code. Refused, with the codes, when
 * anything the learner or assessor did has no counterpart in the new version, and when the unit is
 * signed off or no longer in progress (its sign-off hash covers the decisions as they are).
 */
export async function changeUnitVersion(actor: Actor, input: unknown, now = new Date()): Promise<{ changedWording: string[] }> {
  const data = parseInput(changeVersionInput, input);
  return db.$transaction(async (tx) => {
    const enrolment = await lockAdministeredEnrolment(tx, actor, data.enrolmentId);
    if (enrolment.status !== "IN_PROGRESS") throw new UserFacingError("Only an enrolment in progress can move to another version.");
    if (await tx.unitSignOff.count({ where: { enrolmentId: enrolment.id } }))
      throw new UserFacingError("This unit has been signed off, so it stays on the version it was signed off on.");
    const target = await tx.unit.findUnique({ where: { id: data.unitId } });
    if (!target || target.code !== enrolment.unit.code || target.id === enrolment.unitId || target.status !== "PUBLISHED" || target.retiredAt) {
      const message = `Choose another published, current version of ${enrolment.unit.displayCode}`;
      throw new UserFacingError(message, { unitId: message });
    }

    const held = await heldWork(tx, enrolment.id, enrolment.unitId);
    const [newCriteria, newOptions] = await Promise.all([
      tx.criterion.findMany({ where: { unitId: target.id }, select: { id: true, code: true, text: true } }),
      tx.scopeOption.findMany({
        where: { category: { unitId: target.id } },
        select: { id: true, text: true, position: true, category: { select: { key: true } } },
      }),
    ]);
    const oldById = new Map(held.criteria.map((c) => [c.id, c]));
    const newByCode = new Map(newCriteria.map((c) => [c.code, c]));
    const counterpart = (criterionId: string) => newByCode.get(oldById.get(criterionId)?.code ?? "");
    const code = (criterionId: string) => oldById.get(criterionId)?.code ?? criterionId;

    // Work with no counterpart would be lost or orphaned: refuse, naming it.
    const started = held.judgements.filter((j) => j.state !== "NOT_STARTED" || j.decisionId || j.revision > 0);
    const missing = [...started.map((j) => j.criterionId), ...held.links.map((l) => l.criterionId), ...held.decisions.map((d) => d.criterionId)].filter(
      (c) => !counterpart(c),
    );
    const optionKey = (o: { text: string; position: number; category: { key: string } }) => `${o.category.key}\u0000${o.position}\u0000${o.text}`;
    const newOptionByKey = new Map(newOptions.map((o) => [optionKey(o), o.id]));
    const missingOptions = held.scopeLinks.filter((l) => !newOptionByKey.has(optionKey(l.scopeOption)));
    if (missing.length || missingOptions.length) {
      const parts = [
        missing.length ? `criteria ${codeList(missing.map(code))} have evidence or decisions and are not in version ${target.version}` : "",
        missingOptions.length ? `the range options ${codeList(missingOptions.map((l) => l.scopeOption.text))} are not in version ${target.version}` : "",
      ].filter(Boolean);
      const message = `This enrolment cannot move: ${parts.join("; ")}. Nothing was changed.`;
      throw new UserFacingError(message, { unitId: message });
    }

    // Judgements never started and without a counterpart hold nothing: they go, so they do not count against the new version.
    const untouched = held.judgements.filter((j) => !started.includes(j) && !counterpart(j.criterionId)).map((j) => j.id);
    if (untouched.length) await tx.criterionJudgement.deleteMany({ where: { id: { in: untouched } } });
    for (const j of held.judgements.filter((j) => counterpart(j.criterionId)))
      await tx.criterionJudgement.update({ where: { id: j.id }, data: { criterionId: must(counterpart(j.criterionId), "counterpart").id } });
    // Links, removed ones too (their history), by the criterion they point at: one statement per criterion.
    const linksByCriterion = new Map<string, string[]>();
    for (const l of held.links) linksByCriterion.set(l.criterionId, [...(linksByCriterion.get(l.criterionId) ?? []), l.id]);
    for (const [criterionId, ids] of linksByCriterion)
      await tx.evidenceLink.updateMany({ where: { id: { in: ids } }, data: { criterionId: must(counterpart(criterionId), "counterpart").id } });
    for (const l of held.scopeLinks)
      await tx.evidenceScopeLink.update({ where: { id: l.id }, data: { scopeOptionId: must(newOptionByKey.get(optionKey(l.scopeOption)), "option") } });

    await tx.enrolment.update({ where: { id: enrolment.id }, data: { unitId: target.id } });
    await tx.enrolmentUnitChange.create({
      data: { enrolmentId: enrolment.id, fromUnitId: enrolment.unitId, toUnitId: target.id, changedById: actor.userId, reason: data.reason, at: now },
    });
    const changedWording = held.criteria.filter((c) => newByCode.has(c.code) && newByCode.get(c.code)?.text !== c.text).map((c) => c.code);
    const dropped = held.criteria.filter((c) => !newByCode.has(c.code)).map((c) => c.code);
    const added = newCriteria.filter((c) => !held.criteria.some((o) => o.code === c.code)).map((c) => c.code);
    await appendAudit(
      tx,
      {
        kind: "enrolment.unit_version_changed",
        actorId: actor.userId,
        data: {
          enrolmentId: enrolment.id,
          fromUnitId: enrolment.unitId,
          toUnitId: target.id,
          fromVersion: enrolment.unit.version,
          toVersion: target.version,
          reason: data.reason,
          judgementsMoved: held.judgements.length - untouched.length,
          linksMoved: held.links.length,
          changedWording,
          dropped,
          added,
        },
      },
      { centreId: enrolment.centreId, subject: `enrolment:${enrolment.id}` },
    );
    return { changedWording };
  });
}
