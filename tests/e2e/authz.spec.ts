import { protectedPages, routeHandlers, serverActions, type Who } from "../support/authz-registry";
import { expect, signInAs, sql, test } from "./fixtures";

const accounts: Record<Exclude<Who, "signed-out">, string> = {
  learner: "learner@northgate.example",
  "other-centre-admin": "admin@riverside.example",
  verifier: "verifier@northgate.example",
};

for (const entry of [...routeHandlers, ...serverActions]) {
  for (const probe of entry.probes) {
    test(`${probe.method} ${probe.path} as ${probe.as} answers ${probe.status}`, async ({ page }) => {
      if (probe.as !== "signed-out") await signInAs(page, accounts[probe.as]);
      const response = await page.request.fetch(probe.path, { method: probe.method, maxRedirects: 0 });
      expect(response.status()).toBe(probe.status);
    });
  }
}

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
