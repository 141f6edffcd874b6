import { describe, expect, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { caseload } from "@/server/assessment/caseload";
import { withDb } from "@/server/db/client";
import { PrismaClient } from "@/server/db/generated/client";
import * as build from "../support/builders";
import { freshDatabase } from "../support/db";
import { must } from "@/lib/must";

const { db, url } = await freshDatabase();
const home = await build.centre();
const assessor = await build.user({ centre: home, roles: ["ASSESSOR"] });

describe("the caseload with hundreds of learners", () => {
  it("loads in a few queries and well under a second", async () => {
    const { enrolments } = await build.manyLearners({ centre: home, assessor, count: 400 });
    // Criteria waiting for review, written directly: submitting 200 items would take longer than the test.
    const a1 = await db.criterion.findFirstOrThrow({ where: { code: "A1", unit: { code: "CPC308" } } });
    const queued = enrolments.filter((e) => e.unitId === a1.unitId).slice(0, 200);
    await db.criterionJudgement.createMany({
      data: queued.map((e, i) => ({
        enrolmentId: e.id,
        criterionId: a1.id,
        state: "EVIDENCE_SUBMITTED" as const,
        queuedAt: new Date(Date.now() - i * 3_600_000),
      })),
    });

    // A client of its own that counts the SQL it sends.
    const counted = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }), log: [{ emit: "event", level: "query" }] });
    let queries = 0;
    counted.$on("query", () => queries++);
    const started = performance.now();
    const result = await withDb(counted, () => caseload(assessor, { sort: "oldest", dir: "desc" }));
    const elapsed = performance.now() - started;
    await counted.$disconnect();
    expect(queries).toBeGreaterThan(0);
    expect(queries).toBeLessThanOrEqual(8);
    expect(result.total).toBe(800);
    expect(result.rows).toHaveLength(50);
    expect(must(result.rows[0], "result.rows[0]").waitedDays).toBeGreaterThanOrEqual(must(result.rows[1], "result.rows[1]").waitedDays);
    expect(elapsed).toBeLessThan(3000);
  });
});
