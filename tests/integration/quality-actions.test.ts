import { describe, expect, it } from "vitest";
import { ukDay } from "@/lib/format";
import { must } from "@/lib/must";
import { workingDayAfter } from "@/lib/quality/due-day";
import type { Actor } from "@/server/auth/actor";
import { UserFacingError } from "@/server/errors";
import { NotFoundError } from "@/server/policy";
import { closeAction, respondToAction } from "@/server/quality/actions-loop";
import { actionScreen, actionsPage } from "@/server/quality/actions-read";
import { openReview } from "@/server/quality/reviews-open";
import { recordVerdict } from "@/server/quality/reviews-verdict";
import * as build from "../support/builders";
import { freshDatabase } from "../support/db";

const { db } = await freshDatabase();
const home = await build.centre();
const elsewhere = await build.centre();
const fresh = (a: Actor): Actor => ({ ...a, signedInAt: new Date() });
const assessor = await build.user({ centre: home, roles: ["ASSESSOR"], name: "Sam Okafor" });
const iqa = fresh(await build.user({ centre: home, roles: ["IQA"], name: "Priya Shah" }));
const learner = await build.user({ centre: home, roles: ["LEARNER"] });
const cpc = await build.enrolment({ learner, assessor, iqa, unit: "CPC308" });
await build.submittedItem({ learner, criteria: ["A1"] });
await build.submittedItem({ learner, criteria: ["A2"] });
const a1 = await build.signedDecision({ enrolment: cpc, criterion: "A1" });
const a2 = await build.signedDecision({ enrolment: cpc, criterion: "A2" });
const today = ukDay(new Date());
const { reviewId } = await openReview(iqa, { enrolmentId: cpc.id, stage: "INTERIM" });
const raise = async (decisionId: string, dueOn: string) =>
  must(
    (
      await recordVerdict(iqa, reviewId, {
        itemId: decisionId,
        verdict: "DISAGREE",
        feedback: "Not enough evidence.",
        actionTitle: "Review the decision",
        actionDetail: "Look again at the evidence.",
        dueOn,
        typedName: "Priya Shah",
      })
    ).actionId,
    "actionId",
  );
const actionId = await raise(a1.decisionId, workingDayAfter(today, 1, new Set()));
const laterId = await raise(a2.decisionId, workingDayAfter(today, 20, new Set()));

const refusedToRead = [
  await build.user({ centre: home, roles: ["ASSESSOR"] }), // another assessor
  learner,
  await build.user({ centre: home, roles: ["EXTERNAL_VERIFIER"], window: { startsAt: new Date(), endsAt: new Date(Date.now() + 86_400_000 * 30) } }),
  await build.user({ centre: elsewhere, roles: ["IQA"] }),
  await build.user({ centre: elsewhere, roles: ["CENTRE_ADMIN"] }),
];
const otherIqa = await build.user({ centre: home, roles: ["IQA"] });
const admin = await build.user({ centre: home, roles: ["CENTRE_ADMIN"] });

const footprint = async () => ({
  responses: await db.iqaActionResponse.count(),
  action: await db.iqaAction.findUniqueOrThrow({ where: { id: actionId }, select: { closedAt: true, closingNote: true } }),
  notes: await db.notification.count(),
});

describe("the action loop", () => {
  it("the assessor sees it under its due heading, responds, and the IQA is told", async () => {
    const page = await actionsPage(assessor);
    expect(page.mine?.rows.map((r) => r.id)).toEqual([actionId, laterId]);
    expect(page.raised).toBeNull();
    expect((await actionsPage(iqa)).raised?.rows.map((r) => r.id).sort()).toEqual([actionId, laterId].sort());
    expect((await actionsPage(admin)).centre?.total).toBe(2);
    expect((await actionScreen(assessor, actionId)).canRespond).toBe(true);
    expect((await actionScreen(assessor, actionId)).canClose).toBe(false);

    const { responseId } = await respondToAction(assessor, actionId, { body: "I have asked for the signed contract." });
    expect(await db.iqaActionResponse.findUniqueOrThrow({ where: { id: responseId } })).toMatchObject({ actionId, authorId: assessor.userId });
    const note = await db.notification.findFirstOrThrow({ where: { userId: iqa.userId }, orderBy: { createdAt: "desc" } });
    expect(note).toMatchObject({ kind: "quality.action_responded", link: `/quality/actions/${actionId}` });
    expect(await db.auditEvent.count({ where: { kind: "quality.action_responded", actorId: assessor.userId } })).toBe(1);
    expect((await actionScreen(iqa, actionId)).responses.map((r) => r.body)).toEqual(["I have asked for the signed contract."]);
  });

  it("only the assessor it is for responds; an empty response is refused", async () => {
    const before = await footprint();
    await expect(respondToAction(iqa, actionId, { body: "Me too" })).rejects.toThrow(/Only the assessor/);
    await expect(respondToAction(otherIqa, actionId, { body: "Me too" })).rejects.toThrow(/Only the assessor/);
    await expect(respondToAction(admin, actionId, { body: "Me too" })).rejects.toThrow(/Only the assessor/);
    for (const who of refusedToRead) await expect(respondToAction(who, actionId, { body: "x" }), who.name).rejects.toBeInstanceOf(NotFoundError);
    const empty = await respondToAction(assessor, actionId, { body: "  " }).catch((e: unknown) => e);
    expect(empty).toBeInstanceOf(UserFacingError);
    expect((empty as UserFacingError).fields.body).toBeTruthy();
    expect(await footprint()).toEqual(before);
  });

  it("only the IQA who raised it closes it: the assessor, another IQA and the centre's admin are refused", async () => {
    const before = await footprint();
    for (const who of [assessor, otherIqa, admin])
      await expect(closeAction(who, actionId, { closingNote: "Done" }), who.name).rejects.toThrow(/Only the IQA who raised/);
    for (const who of refusedToRead) await expect(closeAction(who, actionId, { closingNote: "Done" }), who.name).rejects.toBeInstanceOf(NotFoundError);
    await expect(closeAction(iqa, actionId, { closingNote: "" })).rejects.toBeInstanceOf(UserFacingError);
    expect(await footprint()).toEqual(before);
  });

  it("the raising IQA closes it once, with a note; the assessor is told; it takes no more responses", async () => {
    await closeAction(iqa, actionId, { closingNote: "The contract is now on file." });
    const action = await db.iqaAction.findUniqueOrThrow({ where: { id: actionId } });
    expect(action).toMatchObject({ closedById: iqa.userId, closingNote: "The contract is now on file." });
    expect(action.closedAt).not.toBeNull();
    const note = await db.notification.findFirstOrThrow({ where: { userId: assessor.userId }, orderBy: { createdAt: "desc" } });
    expect(note).toMatchObject({ kind: "quality.action_closed", link: `/quality/actions/${actionId}` });
    expect(await db.auditEvent.count({ where: { kind: "quality.action_closed" } })).toBe(1);
    await expect(closeAction(iqa, actionId, { closingNote: "Again" })).rejects.toThrow(/already closed/);
    await expect(respondToAction(assessor, actionId, { body: "One more thing" })).rejects.toThrow(/has been closed/);
    expect((await db.iqaAction.findUniqueOrThrow({ where: { id: actionId } })).closingNote).toBe("The contract is now on file.");
    const page = await actionsPage(assessor);
    expect(page.mine?.rows.map((r) => r.id)).toEqual([laterId]);
    expect(page.closed?.rows.map((r) => r.id)).toEqual([actionId]);
    // Closing twice at once closes it once.
    const results = await Promise.allSettled([closeAction(iqa, laterId, { closingNote: "a" }), closeAction(iqa, laterId, { closingNote: "b" })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("is read by those it concerns only", async () => {
    for (const who of refusedToRead) await expect(actionScreen(who, actionId), who.name).rejects.toBeInstanceOf(NotFoundError);
    expect((await actionScreen(otherIqa, actionId)).canClose).toBe(false);
    expect((await actionScreen(admin, actionId)).canRespond).toBe(false);
  });
});
