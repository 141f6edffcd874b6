import { describe, expect, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { decideCriterion } from "@/server/assessment/decide";
import type { Actor } from "@/server/auth/actor";
import { withDb } from "@/server/db/client";
import { PrismaClient } from "@/server/db/generated/client";
import { addComment } from "@/server/portfolio/comments";
import * as build from "../support/builders";
import { freshDatabase } from "../support/db";
import { must } from "@/lib/must";

// The writes a busy centre makes most (decisions and comments) in few statements, each audited in
// the same transaction (docs/decisions/0029). Statement counts, not times: times belong to the benchmark.
const { db, url } = await freshDatabase();
const home = await build.centre();
const assessor = await build.user({ centre: home, roles: ["ASSESSOR"], name: "Sam Okafor" });
const learner = await build.user({ centre: home, roles: ["LEARNER"], name: "Jordan Lee" });
const cpc = await build.enrolment({ learner, assessor, unit: "CPC308" });
const fresh = (a: Actor): Actor => ({ ...a, signedInAt: new Date() });

/** Runs `work` on a client of its own that counts the SQL statements it sends. */
async function counted<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }), log: [{ emit: "event", level: "query" }] });
  const statements: string[] = [];
  client.$on("query", (e) => statements.push(e.query));
  try {
    return { result: await withDb(client, work), statements };
  } finally {
    await client.$disconnect();
  }
}

describe("audited writes", () => {
  it("writes a comment, its notice and its audit event in one statement after the policy's reads", async () => {
    const item = await build.submittedItem({ learner, criteria: ["A1"], title: "Board minutes" });
    const { result, statements } = await counted(() => addComment(learner, item.id, { body: "Is this enough for A1?" }));
    expect(statements).toHaveLength(3);
    expect(await db.comment.count({ where: { id: result.id } })).toBe(1);
    expect(await db.notification.count({ where: { userId: assessor.userId, link: { endsWith: `#comment-${result.id}` } } })).toBe(1);
    const event = await db.auditEvent.findFirstOrThrow({ where: { kind: "comment.added" }, orderBy: { id: "desc" } });
    expect(event.data).toEqual({ evidenceId: item.id, commentId: result.id, parentId: null });
    expect(await db.auditPending.count()).toBe(0);
  });

  it("writes nothing for a reply to a reply: no comment, notice or audit event", async () => {
    const item = await build.submittedItem({ learner, criteria: ["A2"], title: "Rota" });
    const { id: first } = await addComment(learner, item.id, { body: "First" });
    const { id: reply } = await addComment(assessor, item.id, { body: "Reply", parentId: first });
    const other = await build.submittedItem({ learner, criteria: ["A3"], title: "Other" });
    const before = { comments: await db.comment.count(), notices: await db.notification.count(), events: await db.auditEvent.count() };
    await expect(addComment(learner, item.id, { body: "Reply to the reply", parentId: reply })).rejects.toThrow(/Reply to the first comment/);
    await expect(addComment(learner, other.id, { body: "Elsewhere", parentId: first })).rejects.toThrow(/not on this item/);
    expect({ comments: await db.comment.count(), notices: await db.notification.count(), events: await db.auditEvent.count() }).toEqual(before);
  });

  it("signs a decision in two reads, then the lock, the judgements and one write between BEGIN and COMMIT", async () => {
    const criterion = await db.criterion.findFirstOrThrow({ where: { code: "B1", unit: { code: "CPC308" } } });
    const { result, statements } = await counted(() =>
      decideCriterion(fresh(assessor), cpc.id, {
        criterionId: criterion.id,
        outcome: "NOT_YET_MET",
        feedback: "Add the date.",
        revision: 0,
        typedName: "Sam Okafor",
      }),
    );
    // Prisma logs no BEGIN: seven round trips in all (twelve logged before decision 0029).
    expect(statements).toHaveLength(6);
    expect(statements.at(-1)).toBe("COMMIT");
    const judgement = await db.criterionJudgement.findUniqueOrThrow({ where: { enrolmentId_criterionId: { enrolmentId: cpc.id, criterionId: criterion.id } } });
    expect(judgement).toMatchObject({ state: "NOT_YET_MET", revision: 1, decisionId: result.decisionId });
    const event = await db.auditEvent.findFirstOrThrow({ where: { kind: "decision.signed" }, orderBy: { id: "desc" } });
    expect(must(event.data, "data")).toMatchObject({ decisionId: result.decisionId, outcome: "NOT_YET_MET" });
    expect(await db.notification.count({ where: { userId: learner.userId, kind: "decision.signed" } })).toBe(1);
  });
});
