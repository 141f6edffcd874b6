import { apiTokenFor, enrolmentOf } from "./db";
import { NARROW, expect, expectAccessible, pageWidth, signInAs, test } from "./fixtures";
import { shotsDir } from "./shots";

const shots = shotsDir("api");

test.describe.configure({ timeout: 300_000 });

test("an admin creates an API token; the MIS lists the centre's enrolments with it; another centre's token sees nothing; revoking stops it", async ({
  page,
  playwright,
  baseURL,
}) => {
  await signInAs(page, "admin@northgate.example");
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Centre" }).click();
  await page.getByRole("main").getByRole("link", { name: "API tokens" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "API tokens" })).toBeVisible();
  await expectAccessible(page);

  // Bad input keeps what was typed and says what is wrong beside the field.
  await page.getByLabel("Name").fill("College MIS");
  await page.getByLabel("Days until it expires").fill("400");
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByText("A token can last at most 365 days").first()).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveValue("College MIS");

  await page.getByLabel("Days until it expires").fill("30");
  await page.getByRole("button", { name: "Create token" }).click();
  const shown = page.getByTestId("new-token");
  await expect(shown).toHaveText(/^att_[0-9a-f]{8}_/);
  const token = (await shown.textContent())?.trim() ?? "";
  await expect(page.getByRole("row", { name: /College MIS/ })).toContainText("Never");
  await expectAccessible(page);
  for (const width of [1280, NARROW.width]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await pageWidth(page)).toBeLessThanOrEqual(width);
    await page.screenshot({ path: `${shots}/api-tokens-created-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });

  // The MIS: no session, only the token.
  const mis = await playwright.request.newContext({ baseURL });
  const listed = await mis.get("/api/v1/enrolments?pageSize=100", { headers: { Authorization: `Bearer ${token}` } });
  expect(listed.status()).toBe(200);
  const body = (await listed.json()) as { data: { id: string; learner: { email: string } }[]; total: number };
  const northgate = await enrolmentOf("learner@northgate.example", "CPC308");
  expect(body.data.map((e) => e.id)).toContain(northgate.id);
  expect(body.data.every((e) => e.learner.email.endsWith("@northgate.example"))).toBe(true);
  const progress = await mis.get(`/api/v1/enrolments/${northgate.id}/progress`, { headers: { Authorization: `Bearer ${token}` } });
  expect(await progress.json()).toMatchObject({ enrolmentId: northgate.id, criteria: { total: expect.any(Number) } });

  const riverside = await apiTokenFor("riverside");
  for (const path of [
    `/api/v1/enrolments/${northgate.id}/progress`,
    `/api/v1/enrolments/${northgate.id}/evidence`,
    `/api/v1/learners/${northgate.learnerId}/evidence`,
  ]) {
    expect((await mis.get(path, { headers: { Authorization: `Bearer ${riverside}` } })).status(), path).toBe(404);
  }
  const theirs = (await (await mis.get("/api/v1/enrolments", { headers: { Authorization: `Bearer ${riverside}` } })).json()) as { data: { id: string }[] };
  expect(theirs.data.map((e) => e.id)).not.toContain(northgate.id);
  expect((await mis.get("/api/v1/enrolments")).status()).toBe(401);

  // Its use shows on the page; revoking asks first, then the token is refused.
  await page.reload();
  await expect(page.getByRole("row", { name: /College MIS/ })).not.toContainText("Never");
  await page.getByRole("button", { name: "Revoke College MIS" }).click();
  const dialog = page.getByRole("dialog", { name: "Revoke the token “College MIS”?" });
  await expect(dialog).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: `${shots}/api-tokens-revoke-1280.png` });
  await dialog.getByRole("button", { name: "Revoke token" }).click();
  // The page renders again: the token shows as revoked and offers no revoke button.
  await expect(page.getByRole("row", { name: /College MIS/ })).toContainText("Revoked");
  await expect(page.getByRole("button", { name: "Revoke College MIS" })).toHaveCount(0);
  expect((await mis.get("/api/v1/enrolments", { headers: { Authorization: `Bearer ${token}` } })).status()).toBe(401);
  await mis.dispose();
});

test("the OpenAPI document is served to anyone", async ({ request }) => {
  const response = await request.get("/api/v1/openapi.json");
  expect(response.status()).toBe(200);
  const doc = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
  expect(doc.openapi).toBe("3.1.0");
  expect(Object.keys(doc.paths)).toContain("/enrolments/{id}/progress");
});
