import { describe, expect, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { decideCriteria } from "@/server/assessment/decide";
import { REVIEW_NEWEST_ITEMS, decidedCriteria, reviewScreen } from "@/server/assessment/review";
import { CRITERION_PAGE_SIZE, criterionReview } from "@/server/assessment/review-criterion";
import { withDb } from "@/server/db/client";
import { PrismaClient } from "@/server/db/generated/client";
import { NotFoundError } from "@/server/policy";
import * as build from "../support/builders";
import { freshDatabase } from "../support/db";
import { must } from "@/lib/must";

// The review screen stays the same size however much a learner has: per criterion its newest few
// items and its current decision; all items and every decision on the criterion's own page, paged.
const { db, url } = await freshDatabase();
const home = await build.centre();
const elsewhere = await build.centre();
const assessor = await build.user({ centre: home, roles: ["ASSESSOR"], name: "Sam Okafor" });
const iqa = await build.user({ centre: home, roles: ["IQA"] });
const learner = await build.user({ centre: home, roles: ["LEARNER"], name: "Jordan Lee" });
const cpc = await build.enrolment({ learner, assessor, iqa, unit: "CPC308" });
const outsiders = [
  await build.user({ centre: home, roles: ["LEARNER"] }),
  await build.user({ centre: home, roles: ["ASSESSOR"] }),
  await build.user({ centre: elsewhere, roles: ["CENTRE_ADMIN"] }),
];

// More items on A1 than one page of its own page holds, and three decisions on it.
const many = CRITERION_PAGE_SIZE + 2;
for (let i = 0; i < many; i++) await build.submittedItem({ learner, criteria: ["A1"], title: `Item ${i}` });
await build.submittedItem({ learner, criteria: ["A2"], title: "The A2 item" });
for (const outcome of ["MET", "NOT_YET_MET", "MET"] as const) await build.signedDecision({ enrolment: cpc, criterion: "A1", outcome });

/** The work's result and how many SQL statements it sent. */
async function counting<T>(work: () => Promise<T>) {
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }), log: [{ emit: "event", level: "query" }] });
  let statements = 0;
  client.$on("query", () => statements++);
  try {
    return { result: await withDb(client, work), statements };
  } finally {
    await client.$disconnect();
  }
}

const criterionOf = (screen: Awaited<ReturnType<typeof reviewScreen>>, code: string) =>
  must(
    screen.sections.flatMap((s) => s.criteria).find((c) => c.code === code),
    code,
  );

describe("the review screen of a learner with many items and decisions", () => {
  it("shows per criterion only the newest items and the current decision, in three statements", async () => {
    const { result: screen, statements } = await counting(() => reviewScreen(assessor, cpc.id));
    expect(statements).toBeLessThanOrEqual(3);
    const a1 = criterionOf(screen, "A1");
    expect(a1.evidence.map((e) => e.title)).toEqual(Array.from({ length: REVIEW_NEWEST_ITEMS }, (_, i) => `Item ${many - 1 - i}`));
    expect(a1.evidenceCount).toBe(many);
    expect(a1).toMatchObject({ state: "MET", revision: 3, decisions: 3 });
    // The current decision names a few of the items it relied on, and counts them all.
    expect(a1.decision).toMatchObject({ outcome: "MET", typedName: "Sam Okafor" });
    expect(must(a1.decision, "a1.decision").reliedOn).toHaveLength(5);
    expect(must(a1.decision, "a1.decision").reliedOnCount).toBe(many);
    expect(screen.live.find((c) => c.code === "A1")).toMatchObject({ state: "MET", decisions: 3, revision: 3 });
    expect(criterionOf(screen, "A2")).toMatchObject({ evidenceCount: 1, state: "EVIDENCE_SUBMITTED", decision: null, decisions: 0 });
  });
});

describe("a criterion's own page", () => {
  it("pages all its items and its decisions, newest first, in a few statements", async () => {
    const { result: first, statements } = await counting(() => criterionReview(assessor, cpc.id, "A1", {}));
    expect(statements).toBeLessThanOrEqual(5);
    expect(first.items).toMatchObject({ page: 1, pages: 2, total: many });
    expect(first.items.rows).toHaveLength(CRITERION_PAGE_SIZE);
    expect(must(first.items.rows[0], "first row").title).toBe(`Item ${many - 1}`);
    expect(first.history).toMatchObject({ page: 1, pages: 1, total: 3 });
    expect(first.history.rows.map((d) => d.outcome)).toEqual(["MET", "NOT_YET_MET", "MET"]);
    expect(first).toMatchObject({ state: "MET", canDecide: true });

    const second = await criterionReview(assessor, cpc.id, "A1", { items: "2", history: "9" });
    expect(second.items.rows.map((e) => e.title)).toEqual(["Item 1", "Item 0"]);
    // A page past the end shows the last; nonsense shows the first.
    expect(second.history.page).toBe(1);
    expect((await criterionReview(assessor, cpc.id, "A1", { items: "x" })).items.page).toBe(1);
  });

  it("is read-only for the IQA and not found for anyone else, or for a code not in the unit", async () => {
    expect((await criterionReview(iqa, cpc.id, "A1", {})).canDecide).toBe(false);
    for (const who of outsiders) await expect(criterionReview(who, cpc.id, "A1", {})).rejects.toBeInstanceOf(NotFoundError);
    await expect(criterionReview(assessor, cpc.id, "1.1", {})).rejects.toBeInstanceOf(NotFoundError);
    await expect(criterionReview(assessor, cpc.id, "x".repeat(500), {})).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("a decision signed on the review screen", () => {
  it("answers with only the decided criteria's new state, in two statements", async () => {
    const screen = await reviewScreen(assessor, cpc.id);
    const a2 = criterionOf(screen, "A2");
    const a1 = criterionOf(screen, "A1");
    await decideCriteria({ ...assessor, signedInAt: new Date() }, cpc.id, {
      typedName: "Sam Okafor",
      decisions: [
        { criterionId: a2.id, outcome: "MET", evidenceVersionIds: a2.evidence.map((e) => e.versionId), revision: a2.revision },
        { criterionId: a1.id, outcome: "NOT_YET_MET", feedback: "Say who read the report.", revision: a1.revision },
      ],
    });
    const { result: decided, statements } = await counting(() => decidedCriteria(assessor, cpc.id, [a2.id, a1.id]));
    expect(statements).toBeLessThanOrEqual(2);
    expect(decided.map((c) => c.code)).toEqual(["A1", "A2"]);
    expect(decided[0]).toMatchObject({
      state: "NOT_YET_MET",
      revision: 4,
      decisions: 4,
      decision: { outcome: "NOT_YET_MET", feedback: "Say who read the report." },
    });
    expect(decided[1]).toMatchObject({ state: "MET", revision: 1, decisions: 1, decision: { outcome: "MET", reliedOn: ["The A2 item v1"], reliedOnCount: 1 } });
    // Only the enrolment's readers hear back; a criterion of another unit is left out.
    for (const who of outsiders) await expect(decidedCriteria(who, cpc.id, [a2.id])).rejects.toBeInstanceOf(NotFoundError);
    const otherUnit = await db.criterion.findFirstOrThrow({ where: { unit: { code: "AG26" } } });
    expect(await decidedCriteria(assessor, cpc.id, [otherUnit.id])).toEqual([]);
  });
});
