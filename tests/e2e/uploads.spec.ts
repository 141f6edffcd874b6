import { readdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { pdf, png } from "@/server/demo/sample-files";
import { addDemoLearner, addDraftEvidence, fileNamesOf } from "./db";
import { expect, expectAccessible, signInAs, test } from "./fixtures";

type Dropped = { name: string; base64: string };
const dropped = (name: string, bytes: Buffer | string): Dropped => ({ name, base64: Buffer.from(bytes).toString("base64") });

/** A learner of the uploads tests' own, signed in, on a new draft item of theirs. */
async function onNewDraft(page: Page, who: string) {
  const learner = await addDemoLearner({ email: `uploads-${who}@northgate.example`, name: `Uploads ${who}` });
  const evidenceId = await addDraftEvidence(learner.id, `Files for ${who}`);
  await signInAs(page, learner.email);
  await page.goto(`/evidence/${evidenceId}`);
  await expect(page.getByRole("heading", { level: 1, name: `Files for ${who}` })).toBeVisible();
  return evidenceId;
}

/** Drags files over the page (checking the cue shows) and drops them on the heading, as a person would from their desktop. */
async function dropFiles(page: Page, files: Dropped[]) {
  const transfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name));
    return dt;
  }, files);
  await page.locator("h1").dispatchEvent("dragenter", { dataTransfer: transfer });
  await expect(page.getByText("Drop files to add them to this item")).toBeVisible();
  await page.locator("h1").dispatchEvent("drop", { dataTransfer: transfer });
  await expect(page.getByText("Drop files to add them to this item")).toHaveCount(0);
}

const queued = (page: Page, name: string) =>
  page
    .getByRole("list", { name: "Upload queue" })
    .getByRole("listitem")
    .filter({ has: page.getByRole("progressbar", { name }) });

test("files dropped anywhere on the evidence page are uploaded and listed", async ({ page }) => {
  const evidenceId = await onNewDraft(page, "drop");
  await dropFiles(page, [dropped("site-visit.pdf", pdf("Site visit notes")), dropped("whiteboard.png", png(120, 80))]);
  await expect(queued(page, "site-visit.pdf")).toContainText("Uploaded");
  await expect(queued(page, "whiteboard.png")).toContainText("Uploaded");
  await expect(page.getByText("2 files uploaded.")).toBeAttached();
  await expect(page.getByRole("link", { name: "Download site-visit.pdf" })).toBeVisible();
  await expect(page.getByRole("img", { name: "Preview of whiteboard.png" })).toBeVisible();
  expect((await fileNamesOf(evidenceId)).sort()).toEqual(["site-visit.pdf", "whiteboard.png"]);
  await expectAccessible(page);
});

test("each refused file says why beside it, while the others upload", async ({ page }) => {
  const evidenceId = await onNewDraft(page, "refused");
  await dropFiles(page, [
    dropped("notes.txt", "Agreed the new rota with the provider.\n"),
    dropped("setup.exe", Buffer.concat([Buffer.from("MZ"), Buffer.alloc(100)])),
    dropped("invoice.pdf", Buffer.concat([Buffer.from("MZ"), Buffer.alloc(100)])),
  ]);
  // Refused by its name in the browser, before it is sent.
  await expect(queued(page, "setup.exe")).toContainText("Refused: Programs and scripts are not accepted as evidence.");
  // Refused by the server from its bytes.
  await expect(queued(page, "invoice.pdf")).toContainText("Refused: Programs (Windows executables) are not accepted as evidence.");
  await expect(queued(page, "notes.txt")).toContainText("Uploaded");
  await expect(queued(page, "setup.exe").getByRole("button", { name: /Retry/ })).toHaveCount(0);
  await expect(page.getByText("1 file uploaded; 2 refused.")).toBeAttached();
  await expect(page.getByRole("link", { name: "Download notes.txt" })).toBeVisible();
  expect(await fileNamesOf(evidenceId)).toEqual(["notes.txt"]);
  await expectAccessible(page);
  // On a phone-sized screen the queue and its messages wrap; nothing scrolls sideways.
  await page.setViewportSize({ width: 320, height: 800 });
  await expect(queued(page, "invoice.pdf")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await expectAccessible(page);
});

test("uploads go two at a time; a cancelled one leaves nothing behind and can be retried", async ({ page }) => {
  test.setTimeout(90_000);
  const evidenceId = await onNewDraft(page, "cancel");
  const network = await page.context().newCDPSession(page);
  await network.send("Network.enable");
  await network.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 200 * 1024 });
  const big = "a".repeat(4 * 1024 * 1024);
  await dropFiles(page, [dropped("log-one.txt", big), dropped("log-two.txt", big), dropped("short.txt", "A short note.\n")]);

  await expect(queued(page, "log-one.txt")).toContainText(/Uploading \d+%/);
  await expect(queued(page, "log-two.txt")).toContainText(/Uploading \d+%/);
  await expect(queued(page, "short.txt")).toContainText("Waiting");
  await expect(queued(page, "log-one.txt")).toContainText(/Uploading [1-9]\d?%/);
  await queued(page, "log-one.txt").getByRole("button", { name: "Cancel log-one.txt" }).click();
  await expect(queued(page, "log-one.txt")).toContainText("Cancelled");
  await expect(queued(page, "short.txt")).toContainText("Uploaded");
  await queued(page, "log-two.txt").getByRole("button", { name: "Cancel log-two.txt" }).click();
  await expect(queued(page, "log-two.txt")).toContainText("Cancelled");

  // The server discards what it had received of each cancelled file.
  const tmp = path.join(".data", "e2e", "files", "tmp");
  await expect.poll(() => readdirSync(tmp).filter((f) => f.endsWith(".part"))).toEqual([]);
  expect(await fileNamesOf(evidenceId)).toEqual(["short.txt"]);
  await expectAccessible(page);

  await network.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  await queued(page, "log-one.txt").getByRole("button", { name: "Retry log-one.txt" }).click();
  await expect(queued(page, "log-one.txt")).toContainText("Uploaded");
  await expect(page.getByRole("link", { name: "Download log-one.txt" })).toBeVisible();
  expect((await fileNamesOf(evidenceId)).sort()).toEqual(["log-one.txt", "short.txt"]);
});

test("the file picker is reached by keyboard, labelled and described, and queues what is chosen", async ({ page }) => {
  const evidenceId = await onNewDraft(page, "keyboard");
  const picker = page.getByLabel("Choose one or more files");
  await expect(picker).toHaveAccessibleDescription(/drop them anywhere on this page/);
  await page.getByRole("heading", { name: "Upload files" }).click();
  let reached = false;
  for (let i = 0; i < 10 && !reached; i++) {
    await page.keyboard.press("Tab");
    reached = await picker.evaluate((el) => el === document.activeElement);
  }
  expect(reached, "the picker is reached by Tab").toBe(true);
  await picker.setInputFiles({ name: "plan.txt", mimeType: "text/plain", buffer: Buffer.from("My plan for the week.\n") });
  await expect(queued(page, "plan.txt")).toContainText("Uploaded");
  await expect(page.getByRole("link", { name: "Download plan.txt" })).toBeVisible();
  expect(await fileNamesOf(evidenceId)).toEqual(["plan.txt"]);
});
