import { describe, expect, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { MATRIX_ITEMS_PER_PAGE, exportMatrixCsv, matrixCsv, trackingMatrix } from "@/server/assessment/matrix";
import { assessorDashboard } from "@/server/home/assessor-dashboard";
import { PAGE_SIZE, assessorHome } from "@/server/home/queries";
import { iqaSummary } from "@/server/home/staff-dashboards";
import { evidenceLibrary } from "@/server/portfolio/queries";
import { withDb } from "@/server/db/client";
import { PrismaClient } from "@/server/db/generated/client";
import * as build from "../support/builders";
import { freshDatabase } from "../support/db";
import { must } from "@/lib/must";

// Issue 10: pages stay the same size, and take the same few statements, however large the caseload,
// the learner or the centre; the queries behind them use their indexes, not a scan of every row.

const { db, url, ownerDb } = await freshDatabase();

/** Runs `fn` on a client of its own that records the SQL it sends, with its parameters. */
async function recorded<T>(fn: () => Promise<T>) {
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }), log: [{ emit: "event", level: "query" }] });
  const statements: { query: string; params: unknown[] }[] = [];
  client.$on("query", (e) => statements.push({ query: e.query, params: JSON.parse(e.params) as unknown[] }));
  try {
    const result = await withDb(client, fn);
    return { result, statements: statements.filter((s) => !/^(BEGIN|COMMIT|ROLLBACK)/.test(s.query)) };
  } finally {
    await client.$disconnect();
  }
}

/** PostgreSQL's plan for a statement the app sent, as text. */
async function planOf({ query, params }: { query: string; params: unknown[] }) {
  const rows = await ownerDb.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN ${query}`, ...params);
  return rows.map((r) => r["QUERY PLAN"]).join("\n");
}

describe("the assessor's home with a growing caseload", () => {
  it("lists a page of learners, in the same statements at 30 learners as at 60", async () => {
    const centre = await build.centre();
    const assessor = await build.user({ centre, roles: ["ASSESSOR"] });
    const counts: number[] = [];
    for (const count of [30, 30]) {
      await build.manyLearners({ centre, assessor, count });
      const home = await recorded(() => assessorHome(assessor));
      const board = await recorded(() => assessorDashboard(assessor));
      counts.push(home.statements.length + board.statements.length);
      expect(home.result.learners).toHaveLength(PAGE_SIZE);
      expect(home.result.learners.every((l) => l.units.length === 2)).toBe(true);
    }
    expect(counts[0]).toBe(counts[1]);
    expect(must(counts[0], "counts[0]")).toBeLessThanOrEqual(8);

    const first = await assessorHome(assessor);
    expect(first).toMatchObject({ page: 1, pages: 3, total: 60 });
    const last = await assessorHome(assessor, "3");
    expect(last.learners).toHaveLength(60 - 2 * PAGE_SIZE);
    // By name (the two batches share names), no learner on two pages.
    const listed = [first, await assessorHome(assessor, "2"), last].flatMap((p) => p.learners);
    expect(new Set(listed.map((l) => l.id)).size).toBe(60);
    expect(listed.map((l) => l.name)).toEqual(listed.map((l) => l.name).sort());
    expect((await assessorHome(assessor, "nonsense")).page).toBe(1);
  });
});

describe("the tracking matrix of a learner with hundreds of items", () => {
  it("shows the items a page at a time, each cell looked up, and the CSV has every item", async () => {
    const centre = await build.centre();
    const assessor = await build.user({ centre, roles: ["ASSESSOR"] });
    const learner = await build.user({ centre, roles: ["LEARNER"] });
    const cpc = await build.enrolment({ learner, assessor, unit: "CPC308" });
    const items = 2 * MATRIX_ITEMS_PER_PAGE + 20;
    // Items written directly (set-based): submitting them one by one would take longer than the test.
    await ownerDb.$executeRawUnsafe(
      `INSERT INTO "Evidence" (id, "centreId", "learnerId", status, title, method, "activityFrom", "updatedAt")
       SELECT gen_random_uuid(), $1::uuid, $2::uuid, 'SUBMITTED', 'Item ' || lpad(i::text, 3, '0'), 'WORK_PRODUCT', DATE '2026-01-01' + i, now()
       FROM generate_series(1, ${items}) i`,
      centre.id,
      learner.userId,
    );
    // Item i claims criterion number i mod 43 (by position), the third of them confirmed.
    await ownerDb.$executeRawUnsafe(
      `INSERT INTO "EvidenceLink" (id, "evidenceId", "enrolmentId", "criterionId", note, claim)
       SELECT gen_random_uuid(), e.id, $1::uuid, c.id, 'Shows it', CASE WHEN right(e.title, 3)::int % 3 = 0 THEN 'CONFIRMED' ELSE 'CLAIMED' END::"ClaimStatus"
       FROM "Evidence" e
       JOIN (SELECT id, row_number() OVER (ORDER BY position) - 1 AS k FROM "Criterion" WHERE "unitId" = $2::uuid) c ON c.k = right(e.title, 3)::int % 43
       WHERE e."learnerId" = $3::uuid`,
      cpc.id,
      cpc.unitId,
      learner.userId,
    );

    const { result: first, statements } = await recorded(() => trackingMatrix(assessor, { enrolmentId: cpc.id }));
    expect(statements.length).toBeLessThanOrEqual(6);
    expect(first.items).toHaveLength(MATRIX_ITEMS_PER_PAGE);
    expect(first.itemPage).toMatchObject({ page: 1, pages: 3, total: items, from: 1 });
    expect(first.rows).toHaveLength(43);
    expect(first.rows.every((r) => r.cells.length === MATRIX_ITEMS_PER_PAGE)).toBe(true);
    expect(first.items.map((i) => i.title).slice(0, 2)).toEqual(["Item 001", "Item 002"]);
    // Item 003 claims the fourth criterion and is confirmed; nothing else claims it on this page but item 046.
    const fourth = must(first.rows[3], "first.rows[3]");
    expect(fourth.cells[2]).toBe("CONFIRMED");
    expect(fourth.cells.filter(Boolean)).toHaveLength(2);

    const last = await trackingMatrix(assessor, { enrolmentId: cpc.id }, "3");
    expect(last.items.map((i) => i.title)).toEqual(Array.from({ length: 20 }, (_, i) => `Item ${String(101 + i).padStart(3, "0")}`));
    expect(last.itemPage.from).toBe(101);

    const all = await trackingMatrix(assessor, { enrolmentId: cpc.id }, "all");
    expect(all.items).toHaveLength(items);
    const csv = matrixCsv(all).split("\r\n");
    expect(must(csv[0], "csv[0]").split(",")).toHaveLength(3 + items);
    expect(csv.filter((line) => line.includes("confirmed")).length).toBeGreaterThan(0);

    // The download: the matrix, its audit event and a signed checkpoint in eight statements; with the two
    // every request spends on its session and actor, and the chaining PostgreSQL runs at commit, within 12.
    const download = await recorded(() => exportMatrixCsv(assessor, { enrolmentId: cpc.id }));
    expect(download.result.csv.split("\r\n")).toHaveLength(csv.length);
    expect(download.statements.length).toBeLessThanOrEqual(8);
  });
});

describe("the indexes behind the evidence library and the IQA's home, on a centre of thousands of items and decisions", () => {
  it("page the library in activity order from an index and count recent decisions from one, never scanning every row", async () => {
    const centre = await build.centre();
    const admin = await build.user({ centre, roles: ["CENTRE_ADMIN"] });
    const iqa = await build.user({ centre, roles: ["IQA"] });
    const assessor = await build.user({ centre, roles: ["ASSESSOR"] });
    const { learners, enrolments } = await build.manyLearners({ centre, assessor, count: 200 });
    await db.enrolment.updateMany({ where: { id: { in: enrolments.map((e) => e.id) } }, data: { iqaId: iqa.userId } });
    // 100 items a learner over two years, and 15 decisions an enrolment over 300 days.
    await ownerDb.$executeRawUnsafe(
      `INSERT INTO "Evidence" (id, "centreId", "learnerId", status, title, method, "activityFrom", "createdAt", "updatedAt")
       SELECT gen_random_uuid(), $1::uuid, l, 'SUBMITTED', 'Item ' || i, 'WORK_PRODUCT', current_date - (i * 7) % 700, now(), now()
       FROM unnest($2::uuid[]) l, generate_series(1, 100) i`,
      centre.id,
      learners.map((l) => l.id),
    );
    await ownerDb.$executeRawUnsafe(
      `INSERT INTO "Decision" (id, "centreId", "enrolmentId", "criterionId", "judgementRevision", outcome, feedback, "assessorId", "typedName", "signatureHash", "decidedAt")
       SELECT gen_random_uuid(), $1::uuid, e, gen_random_uuid(), r, 'MET', 'Fine.', $2::uuid, 'Assessor', 'hash', now() - (r * 20) * interval '1 day'
       FROM unnest($3::uuid[]) e, generate_series(1, 15) r`,
      centre.id,
      assessor.userId,
      enrolments.map((e) => e.id),
    );
    for (const table of ["Evidence", "Decision", "Enrolment"]) await ownerDb.$executeRawUnsafe(`VACUUM ANALYZE "${table}"`);

    for (const who of [admin, iqa]) {
      const { result, statements } = await recorded(() => evidenceLibrary(who, {}));
      expect(result.total).toBe(20_000);
      const page = must(
        statements.find((s) => /ORDER BY/.test(s.query) && /LIMIT/.test(s.query)),
        "the library's page query",
      );
      const plan = await planOf(page);
      expect(plan).toContain("Evidence_centreId_activityFrom_createdAt_idx");
      expect(plan).not.toMatch(/Seq Scan on "Evidence"/);
    }

    const { result: summary, statements } = await recorded(() => iqaSummary(iqa));
    expect(summary).toMatchObject({ enrolments: 400, recentDecisions: 400, assessorsDeciding: 1 });
    const decisions = must(
      statements.find((s) => /FROM "public"\."Decision"/.test(s.query)),
      "the recent decisions query",
    );
    // Joined to the IQA's enrolments in the database, not sent as a list of their ids.
    expect(decisions.params.length).toBeLessThan(10);
    const plan = await planOf(decisions);
    expect(plan).toContain("Decision_decidedAt_enrolmentId_assessorId_idx");
    expect(plan).not.toMatch(/Seq Scan on "Decision"/);
  });
});
