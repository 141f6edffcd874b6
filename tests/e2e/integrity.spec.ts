import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { E2E_PG_PORT } from "../../playwright.config";
import * as db from "./db";
import { expect, expectAccessible, signInAs, test } from "./fixtures";
import { must } from "@/lib/must";

// `npm run attest -- audit verify` against the running e2e app's database and key.
const auditVerify = () =>
  promisify(execFile)("npx", ["tsx", "src/cli/attest.ts", "audit", "verify"], {
    env: { ...process.env, DATABASE_URL: "", ATTEST_DATA_DIR: ".data/e2e", ATTEST_PG_PORT: String(E2E_PG_PORT) },
  }).then(
    (r) => ({ code: 0, out: r.stdout }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
  );

test("a centre admin checks the records' integrity, and sees an operator's check find a changed signed plan", async ({ page }) => {
  await signInAs(page, "admin@northgate.example");
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Centre" }).click();
  await page.getByRole("main").getByRole("link", { name: "Record integrity" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Record integrity" })).toBeVisible();
  await expect(page.getByText(/The audit trail was last signed on/)).toBeVisible();
  await page.getByRole("button", { name: "Check now" }).click();
  await expect(page.getByText("Intact: nothing has been changed outside Attest.")).toBeVisible();
  await expect(page.getByText(/by Amira Khan/)).toBeVisible();
  await expectAccessible(page);

  // Someone with the owner role changes a signed plan item behind the app's back.
  const item = await db.signedPlanItem();
  const setTask = (task: string) => db.rewritePlanItemBehindTheAppsBack(item.id, task);
  await setTask("A task nobody agreed to");
  const broken = await auditVerify();
  expect(broken.code).toBe(1);
  expect(broken.out).toMatch(/NOT INTACT: AssessmentPlanVersion [0-9a-f-]+ \(version \d+\): its items do not match the hash that was signed/);
  await page.reload();
  await expect(page.getByText("Not intact: a record was changed outside Attest.")).toBeVisible();
  await expect(page.getByText(/First problem found: AssessmentPlanVersion/)).toBeVisible();
  await expectAccessible(page);

  await setTask(item.task);
  expect(await auditVerify()).toMatchObject({ code: 0 });
  await page.reload();
  await expect(page.getByText("Intact: nothing has been changed outside Attest.")).toBeVisible();
});

test("the integrity page is for centre admins only", async ({ page }) => {
  await signInAs(page, "learner@northgate.example");
  const response = await page.goto("/integrity");
  expect(response?.status()).toBe(404);
});

test("every read of an evidence file is audited, ranges and previews included, once per person and day", async ({ page }) => {
  await signInAs(page, "assessor@northgate.example");
  const assessor = await db.userId("assessor@northgate.example");
  const file = await db.submittedFileAssessedBy(assessor, "application/pdf");
  const events = async () => (await db.auditEventsOf({ kind: "evidence.file_read", actorId: assessor, fileId: file })).length;
  // As on a new day: other specs may already have opened this file today.
  await db.forgetFileReads(file, assessor);
  const before = await events();
  const ranged = await page.request.get(`/api/files/${file}?inline=1`, { headers: { Range: "bytes=0-9" } });
  expect(ranged.status()).toBe(206);
  expect(await events()).toBe(before + 1);
  const event = must(
    (await db.auditEventsOf({ kind: "evidence.file_read", actorId: assessor, fileId: file })).at(-1),
    '(await db.auditEventsOf({ kind: "evidence.file_read", actorId: assessor, fileId: file })).at(-1)',
  );
  expect(event.data).toMatchObject({ inline: true, range: true });
  expect((await page.request.get(`/api/files/${file}`)).status()).toBe(200);
  expect(await events()).toBe(before + 1);
});

test("a CSV download is audited and signs the audit trail's head", async ({ page }) => {
  await signInAs(page, "assessor@northgate.example");
  const enrolment = await db.enrolmentOf("learner3@northgate.example", "AG26");
  const before = (await db.checkpoints("export")).length;
  const response = await page.request.get(`/api/enrolments/${enrolment.id}/matrix`);
  expect(response.status()).toBe(200);
  const event = must((await db.auditEventsOf({ kind: "export.csv_downloaded" })).at(-1), '(await db.auditEventsOf({ kind: "export.csv_downloaded" })).at(-1)');
  expect(event.data).toMatchObject({ export: "tracking-matrix", enrolmentId: enrolment.id });
  const exports = await db.checkpoints("export");
  expect(must(exports.at(-1), "exports.at(-1)").eventId).toBeGreaterThanOrEqual(event.id);
  expect(exports).toHaveLength(before + 1);
});
