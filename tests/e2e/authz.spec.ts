import { protectedPages, publicPages, routeHandlers, type Who } from "../support/authz-registry";
import { apiTokenFor, enrolmentOf, fileOf, firstEvidenceOf, northgateDraftSamplePlan, setActive, withoutRoles } from "./db";
import { expect, signInAs, test } from "./fixtures";
import { must } from "@/lib/must";

const accounts: Record<Exclude<Who, "signed-out" | "token" | "other-centre-token">, string> = {
  learner: "learner@northgate.example",
  "other-learner": "learner2@northgate.example",
  assessor: "assessor@northgate.example",
  "other-centre-admin": "admin@riverside.example",
  verifier: "verifier@northgate.example",
};

// Ids of the demo learner's own rows, filled into the registry's probe paths.
async function placeholders(): Promise<Record<string, string>> {
  const item = await firstEvidenceOf(accounts.learner, { status: "DRAFT" });
  const file = await fileOf(accounts.learner);
  const enrolment = await enrolmentOf(accounts.learner);
  return {
    learnerEvidence: must(item, "item"),
    learnerFile: file,
    learnerEnrolment: enrolment.id,
    learnerId: enrolment.learnerId,
    centreId: enrolment.centreId,
    samplePlan: (await northgateDraftSamplePlan()).planId,
  };
}

for (const entry of routeHandlers) {
  for (const probe of entry.probes) {
    test(`${probe.method} ${probe.path} as ${probe.as} answers ${probe.status}`, async ({ page, baseURL }) => {
      const token = probe.as === "token" ? await apiTokenFor("northgate") : probe.as === "other-centre-token" ? await apiTokenFor("riverside") : null;
      if (probe.as !== "signed-out" && probe.as !== "token" && probe.as !== "other-centre-token") await signInAs(page, accounts[probe.as]);
      const ids = await placeholders();
      const path = probe.path.replace(/\{(\w+)\}/g, (_, k: string) => must(ids[k], "ids[k]"));
      const response = await page.request.fetch(path, {
        method: probe.method,
        maxRedirects: 0,
        headers: {
          Origin: must(baseURL, "baseURL"),
          "X-File-Name": "probe.txt",
          "Content-Type": "application/octet-stream",
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
        ...(probe.method === "POST" ? { data: Buffer.from("probe") } : {}),
      });
      expect(response.status()).toBe(probe.status);
    });
  }
}

test("an upload from another site is refused even with the owner's session", async ({ page }) => {
  await signInAs(page, accounts.learner);
  const { learnerEvidence } = await placeholders();
  const response = await page.request.post(`/api/uploads/${learnerEvidence}`, {
    headers: { Origin: "https://evil.example", "X-File-Name": "a.txt" },
    data: Buffer.from("hello"),
  });
  expect(response.status()).toBe(404);
});

for (const path of protectedPages) {
  test(`${path} sends a signed-out visitor to sign in`, async ({ page }) => {
    await page.goto(path);
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  });
}

for (const path of publicPages) {
  test(`${path} is open to a signed-out visitor`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expect(page).toHaveURL(new RegExp(`${path}$`));
  });
}

test("a disabled account and a removed role lose access on the next request", async ({ page }) => {
  await signInAs(page, "iqa@northgate.example");
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Assessors and learners I quality-assure" })).toBeVisible();

  await withoutRoles("iqa@northgate.example", async () => {
    await page.reload();
    await expect(page.getByRole("heading", { name: "Assessors and learners I quality-assure" })).toHaveCount(0);
    expect((await page.request.get("/api/units")).status()).toBe(404);
  });
  await page.reload();
  await expect(page.getByRole("heading", { name: "Assessors and learners I quality-assure" })).toBeVisible();

  await setActive({ email: "iqa@northgate.example" }, false);
  try {
    await page.reload();
    await expect(page).toHaveURL(/\/sign-in/);
    expect((await page.request.get("/api/units")).status()).toBe(401);
  } finally {
    await setActive({ email: "iqa@northgate.example" }, true);
  }
});
