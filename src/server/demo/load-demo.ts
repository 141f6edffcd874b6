import { appendAudit } from "@/server/audit/append";
import type { Db } from "@/server/db/client";
import { loadDemoPortfolio } from "./demo-portfolio";
import { ensureCentre, ensureEnrolments, ensureUser, latestUnits } from "./factories";
import { must } from "@/lib/must";

// Demo only: these accounts share a published password and must never reach production.
export const DEMO_PASSWORD = "attest-demo";
// The demo's named enrolments: a unit file added later enrols nobody, demo or not.
export const DEMO_UNITS = ["CPC308", "AG26"];
const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

/** Loads the demo centres, users and enrolments; a second load changes nothing. */
export async function loadDemo(db: Db, now = new Date()): Promise<void> {
  const units = (await latestUnits(db)).filter((u) => DEMO_UNITS.includes(u.code));
  if (units.length !== DEMO_UNITS.length) throw new Error(`Load the units (${DEMO_UNITS.join(", ")}) before the demo data.`);
  const alreadyLoaded = await db.centre.count({ where: { slug: { in: ["northgate", "riverside"] } } });

  const northgate = await ensureCentre(db, "northgate", "Northgate Training");
  const riverside = await ensureCentre(db, "riverside", "Riverside College");
  const user = (email: string, name: string, centreId: string, ...roles: import("@/lib/roles").RoleName[]) =>
    ensureUser(db, { email, name, password: DEMO_PASSWORD, grants: roles.map((role) => ({ centreId, role })) });

  await user("admin@northgate.example", "Amira Khan", northgate.id, "CENTRE_ADMIN");
  const assessor = await user("assessor@northgate.example", "Sam Okafor", northgate.id, "ASSESSOR");
  const iqa = await user("iqa@northgate.example", "Priya Shah", northgate.id, "IQA");
  await ensureUser(db, {
    email: "verifier@northgate.example",
    name: "Helen Price",
    password: DEMO_PASSWORD,
    grants: [{ centreId: northgate.id, role: "EXTERNAL_VERIFIER", startsAt: now, endsAt: new Date(now.getTime() + YEAR_MS) }],
  });
  const learners = [
    await user("learner@northgate.example", "Jordan Lee", northgate.id, "LEARNER"),
    await user("learner2@northgate.example", "Casey Morgan", northgate.id, "LEARNER"),
    await user("learner3@northgate.example", "Taylor Evans", northgate.id, "LEARNER"),
  ];
  await user("admin@riverside.example", "Riley Adams", riverside.id, "CENTRE_ADMIN");
  const riversideLearner = await user("learner@riverside.example", "Morgan Blake", riverside.id, "LEARNER");

  await ensureEnrolments(db, [
    ...learners.flatMap((l) => units.map((u) => ({ centreId: northgate.id, learnerId: l.id, unitId: u.id, assessorId: assessor.id, iqaId: iqa.id }))),
    ...units.map((u) => ({ centreId: riverside.id, learnerId: riversideLearner.id, unitId: u.id })),
  ]);
  await loadDemoPortfolio(db, { learner: must(learners[0], "learners[0]").id, learner2: must(learners[1], "learners[1]").id, assessor: assessor.id });
  if (alreadyLoaded < 2) {
    await db.$transaction((tx) => appendAudit(tx, { kind: "demo.loaded", actorId: null, data: { centres: [northgate.name, riverside.name] } }));
  }
}
