import pg from "pg";
import { largeLearnerEmail } from "./generate";

export type Role = "learner" | "largeLearner" | "assessor" | "iqa" | "verifier" | "admin";
export type PageCase = { name: string; role: Role; path: string };

export const accounts: Record<Role, string> = {
  learner: "learner@northgate.example",
  largeLearner: largeLearnerEmail,
  assessor: "assessor@northgate.example",
  iqa: "iqa@northgate.example",
  verifier: "verifier@northgate.example",
  admin: "admin@northgate.example",
};

/** The pages the benchmark measures, with the ids of a typical and of the largest learner. */
export async function pageCases(ownerUrl: string): Promise<PageCase[]> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const enrolment = async (email: string, unit: string) => {
      const { rows } = await client.query<{ id: string; learner: string }>(
        `SELECT e.id, e."learnerId" AS learner FROM "Enrolment" e JOIN "User" u ON u.id = e."learnerId" JOIN "Unit" n ON n.id = e."unitId"
         WHERE u.email = $1 AND n.code = $2 ORDER BY n.version DESC LIMIT 1`,
        [email, unit],
      );
      const row = rows[0];
      if (!row) throw new Error(`No ${unit} enrolment for ${email}.`);
      return row;
    };
    const typical = await enrolment("learner@northgate.example", "CPC308");
    const large = await enrolment(largeLearnerEmail, "CPC308");
    return [
      ...(["learner", "assessor", "iqa", "verifier", "admin"] as const).map((role) => ({ name: `home (${role})`, role, path: "/" })),
      { name: "caseload", role: "assessor", path: "/caseload" },
      { name: "review, typical learner", role: "assessor", path: `/enrolments/${typical.id}/review` },
      { name: "review, 500-item learner", role: "assessor", path: `/enrolments/${large.id}/review` },
      { name: "review criterion page, 500-item learner", role: "assessor", path: `/enrolments/${large.id}/review/A1` },
      { name: "progress, 500-item learner", role: "largeLearner", path: `/enrolments/${large.id}/progress` },
      { name: "matrix page, 500-item learner", role: "assessor", path: `/enrolments/${large.id}/matrix` },
      { name: "matrix CSV, 500-item learner", role: "assessor", path: `/api/enrolments/${large.id}/matrix` },
      ...(["largeLearner", "assessor", "iqa", "admin"] as const).map((role) => ({ name: `evidence library (${role})`, role, path: "/evidence" })),
      { name: "unit API", role: "learner", path: "/api/units/CPC308" },
    ];
  } finally {
    await client.end();
  }
}
