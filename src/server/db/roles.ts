import pg from "pg";
import { must } from "@/lib/must";

// The app connects as a role that owns nothing: it cannot alter tables or disable triggers, and it
// may not change or remove append-only rows. Migrations and these grants run as the owner role.
// See docs/decisions/0018-database-roles.md.

/** Tables whose rows are only ever added: the app may read and insert, never update or delete. */
export const APPEND_ONLY_TABLES = [
  "AuditEvent",
  "AuditCheckpoint",
  "AuditVerification",
  "Decision",
  "DecisionEvidence",
  "PlanSignature",
  "FileRead",
  // Internal quality assurance (issue 12): ratings, verdicts, responses and reopenings are history.
  "AssessorRiskRating",
  "IqaVerdict",
  "IqaActionResponse",
  "CriterionReopening",
  // A unit's tree: a centre admin uploads a new version (docs/decisions/0034); no version is ever edited or removed.
  "UnitSection",
  "Criterion",
  "CriterionTerm",
  "ScopeCategory",
  "ScopeOption",
  "GlossaryTerm",
  "UnitAssessmentMethod",
];
/** Tables the app only reads. */
export const READ_ONLY_TABLES: string[] = [];
/** Rows the app may only move, never add or remove: the audit chain's head. */
export const UPDATE_ONLY_TABLES = ["AuditChainHead"];
/** Columns the app may set on an otherwise append-only row (the learner's countersignature). */
export const APPEND_ONCE_COLUMNS: Record<string, string[]> = {
  // The learner's countersignature; an IQA's unlock (the signatures themselves never change).
  UnitSignOff: ["learnerTypedName", "learnerSignedAt", "currentOfId", "unlockedAt", "unlockedById", "unlockReason"],
  // A draft is published, a version retired; its content never changes.
  Unit: ["status", "publishedAt", "publishedById", "retiredAt"],
  // What an IQA review covers is frozen when it opens; only its completion is set later.
  IqaReview: ["completedAt"],
  // An action is closed once, by the IQA.
  IqaAction: ["closedAt", "closedById", "closingNote"],
};

const q = pg.escapeIdentifier;

/** Gives `appRole` exactly the rights the app needs on every table. Idempotent; run after each migration. */
export async function grantAppRole(ownerUrl: string, appRole: string): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const role = q(appRole);
    const { rows } = await client.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
    const statements = [`GRANT USAGE ON SCHEMA public TO ${role}`, `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`];
    for (const { tablename } of rows) {
      const table = q(tablename);
      statements.push(`REVOKE ALL ON ${table} FROM ${role}`);
      if (tablename === "_prisma_migrations") continue;
      if (APPEND_ONLY_TABLES.includes(tablename) || READ_ONLY_TABLES.includes(tablename)) {
        statements.push(`GRANT SELECT${READ_ONLY_TABLES.includes(tablename) ? "" : ", INSERT"} ON ${table} TO ${role}`);
      } else if (UPDATE_ONLY_TABLES.includes(tablename)) {
        statements.push(`GRANT SELECT, UPDATE ON ${table} TO ${role}`);
      } else if (APPEND_ONCE_COLUMNS[tablename]) {
        statements.push(
          `GRANT SELECT, INSERT ON ${table} TO ${role}`,
          `GRANT UPDATE (${must(APPEND_ONCE_COLUMNS[tablename], "APPEND_ONCE_COLUMNS[tablename]").map(q).join(", ")}) ON ${table} TO ${role}`,
        );
      } else {
        statements.push(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO ${role}`);
      }
    }
    await client.query("BEGIN");
    for (const s of statements) await client.query(s);
    await client.query("COMMIT");
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    await client.end();
  }
}

/** Creates a login role if it does not exist yet (tolerates another process creating it at the same moment). */
export async function ensureLoginRole(adminUrl: string, role: string, password: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]);
    if (found.rowCount) return;
    await client.query(`CREATE ROLE ${q(role)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD ${pg.escapeLiteral(password)}`);
  } catch (e) {
    if (!["42710", "23505"].includes((e as { code?: string }).code ?? "")) throw e;
  } finally {
    await client.end();
  }
}

/** Why the app's connection could rewrite history, or null when it owns nothing and is no superuser. */
export async function ownershipProblem(appUrl: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: appUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ superuser: boolean; owned: string }>(
      "SELECT r.rolsuper AS superuser, (SELECT count(*) FROM pg_tables t WHERE t.schemaname = 'public' AND t.tableowner = current_user) AS owned FROM pg_roles r WHERE r.rolname = current_user",
    );
    const row = must(rows[0], "rows[0]");
    if (row.superuser) return "the app's database role is a superuser";
    if (Number(row.owned) > 0) return `the app's database role owns ${row.owned} table(s)`;
    return null;
  } finally {
    await client.end();
  }
}

export const roleOf = (url: string) => decodeURIComponent(new URL(url).username);
