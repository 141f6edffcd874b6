import { describe, expect, it } from "vitest";
import { decideCriteria, decideCriterion } from "@/server/assessment/decide";
import { decisionHash } from "@/server/assessment/signature";
import type { Actor } from "@/server/auth/actor";
import { UserFacingError } from "@/server/errors";
import { NotFoundError } from "@/server/policy";
import { startRevision } from "@/server/portfolio/evidence";
import { submitEvidence } from "@/server/portfolio/submission";
import * as build from "../support/builders";
import { freshDatabase } from "../support/db";
import { must } from "@/lib/must";

// Several criteria decided on the review screen and signed once (decideCriteria): one signature,
// each decision its own log row and audit event, all or nothing.
const { db } = await freshDatabase();
const home = await build.centre();
const elsewhere = await build.centre();
const assessor = await build.user({ centre: home, roles: ["ASSESSOR"], name: "Sam Okafor" });
const learner = await build.user({ centre: home, roles: ["LEARNER"], name: "Jordan Lee" });
const cpc = await build.enrolment({ learner, assessor, unit: "CPC308" });
const fresh = (a: Actor): Actor => ({ ...a, signedInAt: new Date() });

const judgement = (criterionId: string) => db.criterionJudgement.findUnique({ where: { enrolmentId_criterionId: { enrolmentId: cpc.id, criterionId } } });
/** What a batch could have written: decisions, their audit events, notifications, judgements moved. */
const footprint = async () => ({
  decisions: await db.decision.count({ where: { enrolmentId: cpc.id } }),
  audit: await db.auditEvent.count({ where: { kind: "decision.signed", subject: `enrolment:${cpc.id}` } }),
  notifications: await db.notification.count({ where: { userId: learner.userId, kind: "decision.signed" } }),
  judgements: await db.criterionJudgement.findMany({
    where: { enrolmentId: cpc.id },
    orderBy: { criterionId: "asc" },
    select: { criterionId: true, state: true, revision: true },
  }),
});

/** Items mapped to `codes` (one each), and a decision on each as the screen would send it. */
async function choices(codes: string[]) {
  const made = await Promise.all(codes.map((code) => build.submittedItem({ learner, criteria: [code], title: `Evidence for ${code}` })));
  return Promise.all(
    made.map(async (m) => ({
      criterionId: must(m.criteria[0], "m.criteria[0]").id,
      outcome: "MET" as string,
      feedback: "",
      evidenceVersionIds: [m.versionId],
      revision: (await judgement(must(m.criteria[0], "m.criteria[0]").id))?.revision ?? 0,
      evidenceId: m.id,
    })),
  );
}
const send = (list: Awaited<ReturnType<typeof choices>>) => list.map(({ evidenceId: _e, ...d }) => d);

describe("deciding several criteria and signing once", () => {
  it("writes one decision, one judgement change and one audit event per criterion, under one signature, with the password once", async () => {
    const list = await choices(["A1", "A2", "A3"]);
    list[1] = { ...must(list[1], "list[1]"), outcome: "NOT_YET_MET", feedback: "Say who the figures went to." };
    const before = await footprint();
    const { decisionIds } = await decideCriteria(assessor, cpc.id, { decisions: send(list), typedName: "Sam Okafor", password: build.PASSWORD });
    expect(decisionIds).toHaveLength(3);
    const after = await footprint();
    expect(after.decisions - before.decisions).toBe(3);
    expect(after.audit - before.audit).toBe(3);
    expect(after.notifications - before.notifications).toBe(3);
    const rows = await db.decision.findMany({ where: { id: { in: decisionIds } }, include: { evidence: true } });
    // One signature: the same typed name and moment on each, each row's hash over its own decision.
    expect(new Set(rows.map((r) => `${r.typedName} ${r.decidedAt.toISOString()}`)).size).toBe(1);
    for (const r of rows)
      expect(r.signatureHash).toBe(
        decisionHash({ ...r, evidence: r.evidence.map((e) => ({ evidenceVersionId: e.evidenceVersionId, contentHash: e.contentHash })) }),
      );
    for (const [i, d] of list.entries()) expect(await judgement(d.criterionId)).toMatchObject({ state: d.outcome, revision: 1, decisionId: decisionIds[i] });
    const events = await db.auditEvent.findMany({ where: { kind: "decision.signed", subject: `enrolment:${cpc.id}` }, orderBy: { id: "desc" }, take: 3 });
    expect(events.map((e) => (e.data as { decisionId: string }).decisionId).sort()).toEqual([...decisionIds].sort());
  });

  it("refuses the whole batch when one decision is refused, naming its fields, and writes nothing", async () => {
    const list = await choices(["B1", "B2", "B3"]);
    const before = await footprint();
    // Not yet met without feedback, in the middle of the batch.
    const noFeedback = send(list).map((d, i) => (i === 1 ? { ...d, outcome: "NOT_YET_MET" } : d));
    const refused = await decideCriteria(fresh(assessor), cpc.id, { decisions: noFeedback, typedName: "Sam Okafor" }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(UserFacingError);
    expect((refused as UserFacingError).fields).toEqual({ "decisions.1.feedback": "Give feedback: say what is missing for Not yet met" });
    // Evidence no longer current: the learner has submitted a new version of B3's item meanwhile.
    await startRevision(learner, must(list[2], "list[2]").evidenceId);
    await submitEvidence(learner, must(list[2], "list[2]").evidenceId, { ownWork: true, workplace: true });
    const stale = await decideCriteria(fresh(assessor), cpc.id, { decisions: send(list), typedName: "Sam Okafor" }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(UserFacingError);
    expect((stale as UserFacingError).message).toMatch(/^B3: .*has a newer version .*Nothing was signed\.$/);
    expect(Object.keys((stale as UserFacingError).fields)).toEqual(["decisions.2.evidenceVersionIds"]);
    // The same criterion twice, and a criterion of another unit.
    await expect(decideCriteria(fresh(assessor), cpc.id, { decisions: [send(list)[0], send(list)[0]], typedName: "Sam Okafor" })).rejects.toMatchObject({
      fields: { "decisions.1.criterionId": "Decide each criterion once" },
    });
    const ag = await build.enrolment({ learner, assessor, unit: "AG26" });
    const [ag11] = await build.criteria(ag, ["1.1"]);
    await expect(
      decideCriteria(fresh(assessor), cpc.id, {
        decisions: [send(list)[0], { criterionId: must(ag11, "ag11").id, outcome: "NOT_YET_MET", feedback: "x", revision: 0 }],
        typedName: "Sam Okafor",
      }),
    ).rejects.toMatchObject({
      fields: { "decisions.1.criterionId": "That criterion is not part of this unit." },
    });
    // Nothing chosen, and a wrong password: refused before anything is read.
    await expect(decideCriteria(fresh(assessor), cpc.id, { decisions: [], typedName: "Sam Okafor" })).rejects.toThrow(/at least one criterion/);
    await expect(decideCriteria(assessor, cpc.id, { decisions: send(list).slice(0, 2), typedName: "Sam Okafor", password: "wrong" })).rejects.toThrow(
      /password is not right/,
    );
    await expect(decideCriteria(assessor, cpc.id, { decisions: send(list).slice(0, 2), typedName: "Sam Okafor" })).rejects.toThrow(/Enter your password/);
    expect(await footprint()).toEqual(before);
  });

  it("refuses the batch when one of its criteria was decided meanwhile (a stale revision), and writes none of it", async () => {
    const list = await choices(["C1", "C2", "C3"]);
    // Someone decides C2 between the assessor opening the screen and signing.
    await build.signedDecision({ enrolment: cpc, criterion: "C2" });
    const before = await footprint();
    const refused = await decideCriteria(fresh(assessor), cpc.id, { decisions: send(list), typedName: "Sam Okafor" }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(UserFacingError);
    expect((refused as UserFacingError).message).toMatch(/^C2: This criterion was decided a moment ago/);
    expect(Object.keys((refused as UserFacingError).fields)).toEqual(["decisions.1.revision"]);
    expect(await footprint()).toEqual(before);
  });

  it("at the same moment as a single decision on one of its criteria: exactly one of them is signed, never part of the batch", async () => {
    const list = await choices(["C4", "C5", "C6"]);
    const single = { ...must(send(list)[1], "send(list)[1]"), typedName: "Sam Okafor" };
    const before = await footprint();
    const [batch, one] = await Promise.allSettled([
      decideCriteria(fresh(assessor), cpc.id, { decisions: send(list), typedName: "Sam Okafor" }),
      decideCriterion(fresh(assessor), cpc.id, single),
    ]);
    const after = await footprint();
    expect([batch.status, one.status].filter((s) => s === "fulfilled")).toHaveLength(1);
    expect(after.decisions - before.decisions).toBe(batch.status === "fulfilled" ? 3 : 1);
    expect(after.audit - before.audit).toBe(after.decisions - before.decisions);
    const refused = (batch.status === "rejected" ? batch : one) as PromiseRejectedResult;
    expect(String(refused.reason.message)).toMatch(/decided a moment ago/);
  });

  it("is refused as not found to anyone but the enrolment's assessor, and writes nothing", async () => {
    const list = await choices(["C7"]);
    const outsiders = [
      await build.user({ centre: home, roles: ["ASSESSOR"] }),
      await build.user({ centre: elsewhere, roles: ["ASSESSOR", "CENTRE_ADMIN"] }),
      learner,
      await build.user({ centre: home, roles: ["EXTERNAL_VERIFIER"], window: { startsAt: new Date(), endsAt: new Date(Date.now() + 86_400_000) } }),
    ];
    const before = await footprint();
    for (const who of outsiders)
      await expect(decideCriteria(fresh(who), cpc.id, { decisions: send(list), typedName: who.name })).rejects.toBeInstanceOf(NotFoundError);
    expect(await footprint()).toEqual(before);
  });
});
