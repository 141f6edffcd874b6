// Builds a large centre for the benchmark with set-based SQL: generated learners join the demo
// centre (Northgate) so the demo accounts see a real centre's volume. Learner 1 is the "large
// learner" with ten times the usual evidence. The audit chain is written in batches from Node so
// that it still verifies (each hash depends on the previous one).
import pg from "pg";
import { eventHash, GENESIS_HASH } from "@/server/audit/append";

export type CentreSize = { learners: number; itemsPerLearner: number; largeLearnerItems: number; decisionsPerCriterion: number; learnersPerAssessor: number };

export const defaultSize = (learners = 2000): CentreSize => ({
  learners,
  itemsPerLearner: 50,
  largeLearnerItems: 500,
  decisionsPerCriterion: 9,
  learnersPerAssessor: 200,
});

export const BENCH_DOMAIN = "bench.example";
export const largeLearnerEmail = `learner-1@${BENCH_DOMAIN}`;

type Log = (line: string) => void;

/** Generates the centre unless it is already there with this many learners. Returns the counts. */
export async function generateCentre(ownerUrl: string, size: CentreSize, log: Log = () => {}) {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  await client.query("SET TIME ZONE 'UTC'"); // timestamps are stored as UTC wall time, as Prisma does
  try {
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "User" WHERE email LIKE $1`, [`learner-%@${BENCH_DOMAIN}`]);
    if (Number(rows[0]?.n) === size.learners) {
      log(`The benchmark centre is already generated (${size.learners} learners).`);
      return await counts(client);
    }
    if (Number(rows[0]?.n) > 0)
      throw new Error(`This benchmark database holds a centre of another size; remove ${"bench"} data (rm -rf .data/bench) and run again.`);
    const steps: [string, string][] = sqlSteps(size);
    for (const [label, sql] of steps) {
      const started = Date.now();
      await client.query(sql);
      log(`${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    }
    const started = Date.now();
    const events = await writeAuditChain(client);
    log(`audit chain: ${events} events (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    await client.query("ANALYZE");
    return await counts(client);
  } finally {
    await client.end();
  }
}

async function counts(client: pg.Client) {
  const { rows } = await client.query<Record<string, string>>(`SELECT
    (SELECT count(*) FROM "Enrolment") AS enrolments,
    (SELECT count(*) FROM "Evidence") AS evidence,
    (SELECT count(*) FROM "EvidenceLink") AS links,
    (SELECT count(*) FROM "Decision") AS decisions,
    (SELECT count(*) FROM "AuditEvent") AS "auditEvents",
    pg_database_size(current_database()) AS bytes`);
  return Object.fromEntries(Object.entries(rows[0] ?? {}).map(([k, v]) => [k, Number(v)]));
}

function sqlSteps(size: CentreSize): [string, string][] {
  const { learners, itemsPerLearner, largeLearnerItems, decisionsPerCriterion, learnersPerAssessor } = size;
  const assessors = Math.max(1, Math.ceil(learners / learnersPerAssessor) - 1);
  const centre = `(SELECT id FROM "Centre" WHERE slug = 'northgate')`;
  const demoHash = `(SELECT "passwordHash" FROM "User" WHERE email = 'learner@northgate.example')`;
  return [
    [
      "users and roles",
      `CREATE TEMP TABLE bench_user AS
        SELECT gen_random_uuid() AS id, 'learner-' || i || '@${BENCH_DOMAIN}' AS email, 'Bench Learner ' || i AS name, 'LEARNER'::"Role" AS role, i AS n FROM generate_series(1, ${learners}) i
        UNION ALL SELECT gen_random_uuid(), 'assessor-' || i || '@${BENCH_DOMAIN}', 'Bench Assessor ' || i, 'ASSESSOR'::"Role", i FROM generate_series(1, ${assessors}) i;
      INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") SELECT id, email, name, ${demoHash}, now() FROM bench_user;
      INSERT INTO "RoleGrant" (id, "userId", "centreId", role) SELECT gen_random_uuid(), id, ${centre}, role FROM bench_user;`,
    ],
    [
      "enrolments",
      // The demo assessor takes the first learnersPerAssessor learners; the generated assessors the rest.
      `CREATE TEMP TABLE bench_unit AS
        SELECT DISTINCT ON (code) id, code FROM "Unit" WHERE status = 'PUBLISHED' ORDER BY code, version DESC;
      CREATE TEMP TABLE bench_assessor AS
        SELECT 0 AS k, id FROM "User" WHERE email = 'assessor@northgate.example'
        UNION ALL SELECT n, id FROM bench_user WHERE role = 'ASSESSOR';
      INSERT INTO "Enrolment" (id, "centreId", "learnerId", "unitId", "assessorId", "iqaId", "startedAt")
        SELECT gen_random_uuid(), ${centre}, l.id, u.id, a.id, (SELECT id FROM "User" WHERE email = 'iqa@northgate.example'),
               now() - ((l.n % 400) || ' days')::interval
        FROM bench_user l CROSS JOIN bench_unit u
        JOIN bench_assessor a ON a.k = LEAST((l.n - 1) / ${learnersPerAssessor}, ${assessors})
        WHERE l.role = 'LEARNER';
      INSERT INTO "EnrolmentAssignment" (id, "enrolmentId", role, "userId", "startedAt")
        SELECT gen_random_uuid(), e.id, r.role::"Role", CASE r.role WHEN 'ASSESSOR' THEN e."assessorId" ELSE e."iqaId" END, e."startedAt"
        FROM "Enrolment" e CROSS JOIN (VALUES ('ASSESSOR'), ('IQA')) r(role)
        WHERE e."centreId" = ${centre} AND CASE r.role WHEN 'ASSESSOR' THEN e."assessorId" ELSE e."iqaId" END IS NOT NULL;`,
    ],
    [
      "evidence",
      `CREATE TEMP TABLE bench_item AS
        SELECT gen_random_uuid() AS id, gen_random_uuid() AS version_id, l.id AS learner_id, l.n AS learner_n, i,
               (ARRAY['WORK_PRODUCT','OBSERVATION','QUESTIONING','WITNESS_TESTIMONY','PROFESSIONAL_DISCUSSION','REFLECTIVE_ACCOUNT'])[1 + (i + l.n) % 6]::"AssessmentMethod" AS method,
               CASE WHEN i % 50 = 7 THEN 'DRAFT' WHEN i % 97 = 3 THEN 'WITHDRAWN' ELSE 'SUBMITTED' END::"EvidenceStatus" AS status,
               (current_date - ((i * 7 + l.n) % 700))::date AS activity
        FROM bench_user l, generate_series(1, CASE WHEN l.n = 1 THEN ${largeLearnerItems} ELSE ${itemsPerLearner} END) i
        WHERE l.role = 'LEARNER';
      INSERT INTO "Evidence" (id, "centreId", "learnerId", status, title, method, "activityFrom", "createdAt", "updatedAt")
        SELECT id, ${centre}, learner_id, status, 'Evidence item ' || i, method, activity, activity, activity FROM bench_item;
      INSERT INTO "EvidenceVersion" (id, "evidenceId", version, title, account, method, "activityFrom", kind, "workplaceDeclared", "ownWorkDeclared", "createdById", "createdAt", "submittedAt", "contentHash")
        SELECT version_id, id, 1, 'Evidence item ' || i,
               'I supported an individual with their morning routine, following their care plan and checking their preferences at each step. ' || repeat('Reflection on what went well and what I would change. ', 3),
               method, activity, 'IN_PLACE', true, true, learner_id, activity, CASE WHEN status = 'DRAFT' THEN NULL ELSE activity END,
               CASE WHEN status = 'DRAFT' THEN NULL ELSE encode(sha256(version_id::text::bytea), 'hex') END
        FROM bench_item;`,
    ],
    [
      "evidence links",
      // Each item claims one or two criteria of one of the learner's enrolments.
      `CREATE TEMP TABLE bench_criterion AS
        SELECT c.id, c."unitId", row_number() OVER (PARTITION BY c."unitId" ORDER BY c.code) AS k, count(*) OVER (PARTITION BY c."unitId") AS of
        FROM "Criterion" c JOIN bench_unit u ON u.id = c."unitId";
      CREATE TEMP TABLE bench_enrolment AS
        SELECT e.id, e."learnerId", e."unitId", row_number() OVER (PARTITION BY e."learnerId" ORDER BY e."unitId") AS k
        FROM "Enrolment" e JOIN bench_user l ON l.id = e."learnerId";
      INSERT INTO "EvidenceLink" (id, "evidenceId", "enrolmentId", "criterionId", note, "createdAt", claim)
        SELECT gen_random_uuid(), it.id, e.id, c.id, 'Shows this in practice', it.activity,
               CASE WHEN it.status = 'SUBMITTED' AND it.i % 3 = 0 THEN 'CONFIRMED' ELSE 'CLAIMED' END::"ClaimStatus"
        FROM bench_item it
        JOIN bench_enrolment e ON e."learnerId" = it.learner_id AND e.k = 1 + it.i % 2
        CROSS JOIN generate_series(0, it.i % 2) j
        JOIN bench_criterion c ON c."unitId" = e."unitId" AND c.k = 1 + (it.i * 7 + j * 3) % c.of;`,
    ],
    [
      "judgements and decisions",
      // Every criterion of every enrolment has a history of decisions; the newest sets its state. A
      // decision names the revision it was made on (0 for the first); the judgement is one past the last.
      `CREATE TEMP TABLE bench_decision AS
        SELECT gen_random_uuid() AS id, e.id AS enrolment_id, e."learnerId" AS learner_id, c.id AS criterion_id, r AS revision,
               CASE WHEN r = ${decisionsPerCriterion} AND (c.k + e.k) % 4 <> 0 THEN 'MET' ELSE 'NOT_YET_MET' END::"DecisionOutcome" AS outcome,
               a.id AS assessor_id, now() - (((${decisionsPerCriterion} - r) * 20 + c.k) || ' days')::interval AS decided_at
        FROM bench_enrolment e
        JOIN "Enrolment" en ON en.id = e.id
        JOIN "User" a ON a.id = en."assessorId"
        JOIN bench_criterion c ON c."unitId" = e."unitId"
        CROSS JOIN generate_series(1, ${decisionsPerCriterion}) r;
      INSERT INTO "Decision" (id, "centreId", "enrolmentId", "criterionId", "judgementRevision", outcome, feedback, "assessorId", "typedName", "signatureHash", "decidedAt")
        SELECT d.id, ${centre}, enrolment_id, criterion_id, revision - 1, outcome,
               CASE WHEN outcome = 'MET' THEN 'Clear, well-reflected evidence that meets the criterion.' ELSE 'Add more detail on how you checked the individual''s preferences.' END,
               assessor_id, u.name, encode(sha256(d.id::text::bytea), 'hex'), decided_at
        FROM bench_decision d JOIN "User" u ON u.id = d.assessor_id;
      INSERT INTO "DecisionEvidence" ("decisionId", "evidenceVersionId", "contentHash")
        SELECT DISTINCT ON (d.id) d.id, v.id, v."contentHash"
        FROM bench_decision d
        JOIN "EvidenceLink" l ON l."enrolmentId" = d.enrolment_id AND l."criterionId" = d.criterion_id
        JOIN "EvidenceVersion" v ON v."evidenceId" = l."evidenceId" AND v."contentHash" IS NOT NULL
        ORDER BY d.id, v.id;
      INSERT INTO "CriterionJudgement" (id, "enrolmentId", "criterionId", state, revision, "decisionId", "updatedAt")
        SELECT gen_random_uuid(), enrolment_id, criterion_id, outcome::text::"CriterionState", revision, id, decided_at
        FROM bench_decision WHERE revision = ${decisionsPerCriterion};`,
    ],
  ];
}

/** Appends one audit event per generated decision and submitted item, chained like appendAudit does. */
async function writeAuditChain(client: pg.Client): Promise<number> {
  const batch = 10_000;
  const last = await client.query<{ hash: string }>(`SELECT hash FROM "AuditEvent" ORDER BY id DESC LIMIT 1`);
  let prevHash = last.rows[0]?.hash ?? GENESIS_HASH;
  const centre = await client.query<{ id: string }>(`SELECT id FROM "Centre" WHERE slug = 'northgate'`);
  const centreId = centre.rows[0]?.id ?? null;
  await client.query(`CREATE TEMP TABLE bench_event AS
    SELECT row_number() OVER (ORDER BY at, subject) AS n, * FROM (
      SELECT decided_at AS at, 'decision.signed' AS kind, assessor_id AS actor_id, id::text AS subject,
             json_build_object('enrolmentId', enrolment_id, 'criterionId', criterion_id, 'outcome', outcome) AS data
      FROM bench_decision
      UNION ALL
      SELECT activity::timestamptz, 'evidence.submitted', learner_id, id::text, json_build_object('version', 1)
      FROM bench_item WHERE status <> 'DRAFT') e`);
  const total = Number((await client.query<{ n: string }>("SELECT count(*) AS n FROM bench_event")).rows[0]?.n ?? 0);
  for (let from = 1; from <= total; from += batch) {
    const { rows } = await client.query<{ at: Date; kind: string; actor_id: string; subject: string; data: unknown }>(
      "SELECT at, kind, actor_id, subject, data FROM bench_event WHERE n >= $1 AND n < $2 ORDER BY n",
      [from, from + batch],
    );
    const columns = {
      at: [] as Date[],
      kind: [] as string[],
      actor: [] as string[],
      subject: [] as string[],
      data: [] as string[],
      prev: [] as string[],
      hash: [] as string[],
    };
    for (const row of rows) {
      const event = { at: row.at, kind: row.kind, actorId: row.actor_id, centreId, subject: row.subject, ip: null, data: row.data };
      const hash = eventHash(prevHash, event);
      columns.at.push(row.at);
      columns.kind.push(row.kind);
      columns.actor.push(row.actor_id);
      columns.subject.push(row.subject);
      columns.data.push(JSON.stringify(row.data));
      columns.prev.push(prevHash);
      columns.hash.push(hash);
      prevHash = hash;
    }
    await client.query(
      `INSERT INTO "AuditEvent" (at, kind, "actorId", "centreId", subject, data, "prevHash", hash)
       SELECT at, kind, actor, $8::uuid, subject, data::jsonb, prev, hash
       FROM unnest($1::timestamptz[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[]) AS t(at, kind, actor, subject, data, prev, hash)`,
      [columns.at, columns.kind, columns.actor, columns.subject, columns.data, columns.prev, columns.hash, centreId],
    );
  }
  await client.query(`UPDATE "AuditChainHead" SET "prevHash" = "hash", "hash" = $1 WHERE id = 1`, [prevHash]);
  return total;
}
