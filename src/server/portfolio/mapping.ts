import { mappingSchema } from "@/lib/portfolio/schemas";
import { appendAudit } from "@/server/audit/append";
import type { Actor } from "@/server/auth/actor";
import { closedEnrolmentIds } from "@/server/assessment/open";
import { db } from "@/server/db/client";
import { lockEnrolments, lockEvidence } from "@/server/db/locks";
import { UserFacingError, parseInput } from "@/server/errors";
import { editableEvidence } from "@/server/policy";
import { latestVersion } from "./evidence";
import { must } from "@/lib/must";

/**
 * Sets what a draft item claims to show: criteria of any of the learner's units in that centre
 * (holistic evidence), each with a note, and scope options. Claims taken back are soft-removed.
 */
export async function setMapping(actor: Actor, evidenceId: unknown, input: unknown): Promise<void> {
  const evidence = await editableEvidence(db, actor, evidenceId);
  const { links, scopeOptionIds } = parseInput(mappingSchema, input);
  const enrolments = await db.enrolment.findMany({
    where: { learnerId: evidence.learnerId, centreId: evidence.centreId, status: { not: "WITHDRAWN" } },
    select: { id: true, unitId: true, unit: { select: { displayCode: true } } },
  });
  const enrolmentOfUnit = new Map(enrolments.map((e) => [e.unitId, e.id]));
  const criteria = await db.criterion.findMany({
    where: { id: { in: links.map((l) => l.criterionId) }, unitId: { in: [...enrolmentOfUnit.keys()] } },
    select: { id: true, unitId: true },
  });
  const unitOfCriterion = new Map(criteria.map((c) => [c.id, c.unitId]));
  if (links.some((l) => !unitOfCriterion.has(l.criterionId))) throw new UserFacingError("Choose criteria from your own units only.");
  const options = await db.scopeOption.findMany({
    where: { id: { in: scopeOptionIds }, category: { unitId: { in: [...enrolmentOfUnit.keys()] } } },
    select: { id: true, category: { select: { unitId: true } } },
  });
  if (options.length !== new Set(scopeOptionIds).size) throw new UserFacingError("Choose scope options from your own units only.");

  await db.$transaction(async (tx) => {
    await lockEvidence(tx, [evidence.id]);
    const version = await latestVersion(tx, evidence.id);
    if (version.submittedAt) throw new UserFacingError("This version was submitted; make a new version to change what it is mapped to.");
    const now = new Date();
    const current = await tx.evidenceLink.findMany({ where: { evidenceId: evidence.id, removedAt: null } });
    const wanted = new Map(links.map((l) => [l.criterionId, l]));
    const removed = current.filter((c) => !wanted.has(c.criterionId));
    const added = links.filter((l) => !current.some((c) => c.criterionId === l.criterionId));
    const currentScope = await tx.evidenceScopeLink.findMany({ where: { evidenceId: evidence.id, removedAt: null } });
    const wantedScope = new Set(scopeOptionIds);
    const scopeRemoved = currentScope.filter((c) => !wantedScope.has(c.scopeOptionId));
    const scopeAdded = options.filter((o) => !currentScope.some((c) => c.scopeOptionId === o.id));

    // A signed-off unit's evidence is what it was signed off on: no claim joins or leaves it.
    const touched = [
      ...removed.map((r) => r.enrolmentId),
      ...current
        .filter((c) => {
          const want = wanted.get(c.criterionId);
          return want && (want.note !== c.note || (want.atSeconds ?? null) !== c.atSeconds);
        })
        .map((c) => c.enrolmentId),
      ...added.map((a) =>
        must(
          enrolmentOfUnit.get(must(unitOfCriterion.get(a.criterionId), "unitOfCriterion.get(a.criterionId)")),
          'enrolmentOfUnit.get(must(unitOfCriterion.get(a.criterionId), "unitOfCriterion.get(a.criterionId)"))',
        ),
      ),
      ...scopeRemoved.map((r) => r.enrolmentId),
      ...scopeAdded.map((o) => must(enrolmentOfUnit.get(o.category.unitId), "enrolmentOfUnit.get(o.category.unitId)")),
    ];
    const closed = await closedEnrolmentIds(tx, await lockEnrolments(tx, touched));
    if (closed.size) {
      const codes = enrolments.filter((e) => closed.has(e.id)).map((e) => e.unit.displayCode);
      throw new UserFacingError(
        `${codes.join(" and ")} ${codes.length === 1 ? "has" : "have"} been signed off, so evidence can no longer be mapped to ${codes.length === 1 ? "its" : "their"} criteria or scope, or taken off them.`,
      );
    }
    if (removed.length) await tx.evidenceLink.updateMany({ where: { id: { in: removed.map((r) => r.id) } }, data: { removedAt: now } });
    if (added.length)
      await tx.evidenceLink.createMany({
        data: added.map((l) => ({
          evidenceId: evidence.id,
          criterionId: l.criterionId,
          note: l.note,
          atSeconds: l.atSeconds ?? null,
          enrolmentId: must(
            enrolmentOfUnit.get(must(unitOfCriterion.get(l.criterionId), "unitOfCriterion.get(l.criterionId)")),
            'enrolmentOfUnit.get(must(unitOfCriterion.get(l.criterionId), "unitOfCriterion.get(l.criterionId)"))',
          ),
        })),
      });
    for (const c of current) {
      const want = wanted.get(c.criterionId);
      if (want && (want.note !== c.note || (want.atSeconds ?? null) !== c.atSeconds))
        await tx.evidenceLink.update({ where: { id: c.id }, data: { note: want.note, atSeconds: want.atSeconds ?? null } });
    }

    if (scopeRemoved.length) await tx.evidenceScopeLink.updateMany({ where: { id: { in: scopeRemoved.map((r) => r.id) } }, data: { removedAt: now } });
    if (scopeAdded.length)
      await tx.evidenceScopeLink.createMany({
        data: scopeAdded.map((o) => ({
          evidenceId: evidence.id,
          scopeOptionId: o.id,
          enrolmentId: must(enrolmentOfUnit.get(o.category.unitId), "enrolmentOfUnit.get(o.category.unitId)"),
        })),
      });

    await appendAudit(
      tx,
      {
        kind: "evidence.mapped",
        actorId: actor.userId,
        data: {
          evidenceId: evidence.id,
          added: added.map((a) => a.criterionId),
          removed: removed.map((r) => r.criterionId),
          scopeAdded: scopeAdded.map((o) => o.id),
          scopeRemoved: scopeRemoved.map((r) => r.scopeOptionId),
        },
      },
      { centreId: evidence.centreId, subject: `evidence:${evidence.id}` },
    );
  });
}
