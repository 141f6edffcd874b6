import type { Browser, Cookie, Page } from "@playwright/test";
import { request } from "@playwright/test";
import { E2E_PORT } from "../../playwright.config";
import { postAction } from "./action-post";
import { addDemoLearner, auditEventsOf, backdateSessions, sessionEndReasons, setActive, throttle } from "./db";
import { PASSWORD, expect, expectAccessible, signInAs, test } from "./fixtures";
import { must } from "@/lib/must";

// A session cookie kept from the browser and replayed later, from a fresh client, must be refused
// once the session has ended, whatever ended it: sign-out, the absolute or idle limit, a password
// change, an admin's "sign out everywhere", a disabled account.

/** A Northgate learner made for one test (password as the demo's), so no other spec relies on it. */
async function newLearner(tag: string) {
  const email = `${tag}-${Date.now()}@northgate.example`;
  // "Aa…" sorts first, so the user is on the first page of the admin's list.
  const name = `Aa Session ${tag}`;
  return addDemoLearner({ email, name });
}

async function sessionCookie(page: Page): Promise<Cookie> {
  const cookie = (await page.context().cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  expect(cookie, "the browser holds a session cookie").toBeTruthy();
  return must(cookie, "cookie");
}

/** What a fresh client holding only this cookie gets from a page, an API route, a server action and next-auth. */
async function replay(cookie: Cookie) {
  const client = await request.newContext({ baseURL: `http://localhost:${E2E_PORT}`, storageState: { cookies: [cookie], origins: [] } });
  try {
    const page = await client.get("/evidence", { maxRedirects: 0 });
    const api = await client.get("/api/units", { maxRedirects: 0 });
    const action = await postAction(client, "app/notifications/actions.ts", "markNotificationsReadAction", {});
    const session = await (await client.get("/api/auth/session")).json();
    return {
      page: page.status() === 200 ? "shown" : `${page.status()} ${page.headers().location ?? ""}`.replace(/\?.*$/, ""),
      api: api.status(),
      action: action.headers()["x-action-redirect"]?.replace(/[?;].*$/, "") ?? (action.ok() ? "done" : String(action.status())),
      sessionUser: Boolean(session.user),
    };
  } finally {
    await client.dispose();
  }
}
const ACCEPTED = { page: "shown", api: 200, action: "done", sessionUser: true };
const REFUSED = { page: "307 /sign-in", api: 401, action: "/sign-in", sessionUser: false };

async function signInWithForm(page: Page, email: string, password = PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: /^Welcome, / })).toBeVisible();
}

async function shoot(page: Page, name: string) {
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: test.info().outputPath(`${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

async function adminPage(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInWithForm(page, "admin@northgate.example");
  return page;
}

test("sign out ends the session on the server: the kept cookie is refused", async ({ page }) => {
  const user = await newLearner("signout");
  await signInWithForm(page, user.email);
  const cookie = await sessionCookie(page);
  expect(await replay(cookie)).toEqual(ACCEPTED);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await expectAccessible(page);
  expect(await replay(cookie)).toEqual(REFUSED);
  expect(await sessionEndReasons(user.id)).toEqual(["sign_out"]);
});

test("a session ends at its absolute limit, however busy", async ({ page }) => {
  const user = await newLearner("absolute");
  await signInAs(page, user.email);
  const cookie = await sessionCookie(page);
  expect(await replay(cookie)).toEqual(ACCEPTED);
  // Signed in 12 hours and a minute ago, and active a moment ago.
  await backdateSessions(user.id, (12 * 60 + 1) * 60_000, ["createdAt", "expiresAt"]);
  expect(await replay(cookie)).toEqual(REFUSED);
  await page.goto("/evidence");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fevidence$/);
  await expectAccessible(page);
});

test("a session ends after an hour without a request", async ({ page }) => {
  const user = await newLearner("idle");
  await signInAs(page, user.email);
  const cookie = await sessionCookie(page);
  expect(await replay(cookie)).toEqual(ACCEPTED);
  await backdateSessions(user.id, 61 * 60_000, ["createdAt", "lastSeenAt"]);
  expect(await replay(cookie)).toEqual(REFUSED);
});

test("changing the password ends every session of that person; they sign in again with the new one", async ({ page, browser }) => {
  const user = await newLearner("password");
  const elsewhere = await browser.newContext();
  await signInAs(await elsewhere.newPage(), user.email);
  const otherCookie = await sessionCookie(must(elsewhere.pages()[0], "the other browser's page"));
  await signInWithForm(page, user.email);
  const cookie = await sessionCookie(page);

  await page.getByRole("link", { name: "Change password" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Change password" })).toBeVisible();
  await expectAccessible(page);
  await shoot(page, "change-password");

  await page.getByLabel("Current password", { exact: true }).fill("not the password");
  await page.getByLabel("New password", { exact: true }).fill("a brand new passphrase");
  await page.getByLabel("New password again").fill("a brand new passphrase");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText("Your current password is not right.");
  await expectAccessible(page);
  expect(await replay(cookie)).toEqual(ACCEPTED);

  await page.getByLabel("Current password", { exact: true }).fill(PASSWORD);
  await page.getByLabel("New password", { exact: true }).fill("a brand new passphrase");
  await page.getByLabel("New password again").fill("a brand new passphrase");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/sign-in\?passwordChanged=1$/);
  await expect(page.getByRole("status").filter({ hasText: "Your password has been changed" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0);
  await expectAccessible(page);
  await shoot(page, "sign-in-after-change");

  expect(await replay(cookie)).toEqual(REFUSED);
  expect(await replay(otherCookie)).toEqual(REFUSED);
  await elsewhere.close();
  await signInWithForm(page, user.email, "a brand new passphrase");
  expect(await auditEventsOf({ kind: "auth.password_changed", actorId: user.id })).toHaveLength(1);
});

test("a centre admin signs a user out everywhere", async ({ page, browser }) => {
  const user = await newLearner("everywhere");
  await signInAs(page, user.email);
  const cookie = await sessionCookie(page);
  expect(await replay(cookie)).toEqual(ACCEPTED);

  const admin = await adminPage(browser);
  const row = admin.getByRole("row", { name: new RegExp(user.name) });
  await expect(row.getByRole("button", { name: "Disable account" })).toBeVisible();
  await expectAccessible(admin);
  await shoot(admin, "admin-home");
  await row.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(row.getByRole("status")).toHaveText("Signed out everywhere.");
  await expectAccessible(admin);
  expect(await replay(cookie)).toEqual(REFUSED);
  // Their own row has no "Disable account": an admin cannot lock themselves out.
  await expect(admin.getByRole("row", { name: /Amira Khan/ }).getByRole("button", { name: "Disable account" })).toHaveCount(0);
  await admin.context().close();
});

test("a centre admin disables an account: its sessions end, and enabling it again does not revive them", async ({ page, browser }) => {
  const user = await newLearner("disable");
  await signInAs(page, user.email);
  const cookie = await sessionCookie(page);
  expect(await replay(cookie)).toEqual(ACCEPTED);

  const admin = await adminPage(browser);
  const row = admin.getByRole("row", { name: new RegExp(user.name) });
  await row.getByRole("button", { name: "Disable account" }).click();
  await expect(row.getByRole("cell", { name: "Disabled", exact: true })).toBeVisible();
  await expectAccessible(admin);
  expect(await replay(cookie)).toEqual(REFUSED);

  await row.getByRole("button", { name: "Enable account" }).click();
  await expect(row.getByRole("cell", { name: "Active", exact: true })).toBeVisible();
  expect(await replay(cookie)).toEqual(REFUSED);
  await admin.context().close();
  // Enabled again, the person signs in afresh.
  await signInWithForm(page, user.email);
  expect((await auditEventsOf({ kind: ["user.disabled", "user.enabled"], subject: `user:${user.id}` })).map((e) => e.kind)).toEqual([
    "user.disabled",
    "user.enabled",
  ]);
});

test("every failed sign-in says the same, whether or not the account exists", async ({ page }) => {
  const user = await newLearner("failures");
  await setActive({ id: user.id }, false);
  const throttled = await newLearner("throttled");
  await throttle(throttled.id);
  const messages = new Set<string>();
  for (const [email, password] of [
    ["nobody-at-all@northgate.example", PASSWORD],
    ["learner3@northgate.example", "not the password"],
    [user.email, PASSWORD],
    [throttled.email, PASSWORD],
  ]) {
    await page.goto("/sign-in");
    await page.getByLabel("Email address").fill(must(email, "email"));
    await page.getByLabel("Password").fill(must(password, "password"));
    await page.getByRole("button", { name: "Sign in" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "There is a problem" });
    await expect(alert).toBeVisible();
    messages.add(must(await alert.textContent(), "(await alert.textContent())"));
  }
  expect([...messages]).toHaveLength(1);
  await expectAccessible(page);
});
