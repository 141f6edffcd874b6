import { protectedPages, routeHandlers, type Who } from "../support/authz-registry";
import { expect, signInAs, sql, test } from "./fixtures";

const accounts: Record<Exclude<Who, "signed-out">, string> = {
  learner: "learner@northgate.example",
  "other-learner": "learner2@northgate.example",
  assessor: "assessor@northgate.example",
  "other-centre-admin": "admin@riverside.example",
  verifier: "verifier@northgate.example",
};

// Ids of the demo learner's own rows, filled into the registry's probe paths.
async function placeholders(): Promise<Record<string, string>> {
  const [item] = await sql(`SELECT e.id FROM "Evidence" e JOIN "User" u ON u.id = e."learnerId" WHERE u.email = $1 AND e.status = 'DRAFT' ORDER BY e."createdAt" LIMIT 1`, [accounts.learner]);
  const [file] = await sql(
    `SELECT f.id FROM "EvidenceFile" f JOIN "EvidenceVersion" v ON v.id = f."versionId" JOIN "Evidence" e ON e.id = v."evidenceId" JOIN "User" u ON u.id = e."learnerId" WHERE u.email = $1 LIMIT 1`,
    [accounts.learner],
  );
  const [enrolment] = await sql(`SELECT e.id, e."learnerId" FROM "Enrolment" e JOIN "User" u ON u.id = e."learnerId" WHERE u.email = $1 LIMIT 1`, [accounts.learner]);
  return { learnerEvidence: item.id, learnerFile: file.id, learnerEnrolment: enrolment.id, learnerId: enrolment.learnerId };
}

for (const entry of routeHandlers) {
  for (const probe of entry.probes) {
    test(`${probe.method} ${probe.path} as ${probe.as} answers ${probe.status}`, async ({ page, baseURL }) => {
      if (probe.as !== "signed-out") await signInAs(page, accounts[probe.as]);
      const ids = await placeholders();
      const path = probe.path.replace(/\{(\w+)\}/g, (_, k: string) => ids[k]!);
      const response = await page.request.fetch(path, {
        method: probe.method,
        maxRedirects: 0,
        headers: { Origin: baseURL!, "X-File-Name": "probe.txt", "Content-Type": "application/octet-stream" },
        ...(probe.method === "POST" ? { data: Buffer.from("probe") } : {}),
      });
      expect(response.status()).toBe(probe.status);
    });
  }
}

test("an upload from another site is refused even with the owner's session", async ({ page }) => {
  await signInAs(page, accounts.learner);
  const { learnerEvidence } = await placeholders();
  const response = await page.request.post(`/api/uploads/${learnerEvidence}`, { headers: { Origin: "https://evil.example", "X-File-Name": "a.txt" }, data: Buffer.from("hello") });
  expect(response.status()).toBe(404);
});

for (const path of protectedPages) {
  test(`${path} sends a signed-out visitor to sign in`, async ({ page }) => {
    await page.goto(path);
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  });
}

test("a disabled account and a removed role lose access on the next request", async ({ page }) => {
  await signInAs(page, "iqa@northgate.example");
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Assessors and learners I quality-assure" })).toBeVisible();

  const [grant] = await sql(`DELETE FROM "RoleGrant" WHERE "userId" = (SELECT id FROM "User" WHERE email = $1) RETURNING *`, ["iqa@northgate.example"]);
  try {
    await page.reload();
    await expect(page.getByRole("heading", { name: "Assessors and learners I quality-assure" })).toHaveCount(0);
    expect((await page.request.get("/api/units")).status()).toBe(404);
  } finally {
    await sql(`INSERT INTO "RoleGrant" (id, "userId", "centreId", role) VALUES ($1, $2, $3, $4)`, [grant.id, grant.userId, grant.centreId, grant.role]);
  }
  await page.reload();
  await expect(page.getByRole("heading", { name: "Assessors and learners I quality-assure" })).toBeVisible();

  await sql(`UPDATE "User" SET active = false WHERE email = $1`, ["iqa@northgate.example"]);
  try {
    await page.reload();
    await expect(page).toHaveURL(/\/sign-in/);
    expect((await page.request.get("/api/units")).status()).toBe(401);
  } finally {
    await sql(`UPDATE "User" SET active = true WHERE email = $1`, ["iqa@northgate.example"]);
  }
});
