import { writeFileSync, mkdtempSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { pdf, png } from "@/server/demo/sample-files";
import { E2E_MAX_FILE_BYTES } from "../../playwright.config";
import { expect, expectAccessible, signInAs, test } from "./fixtures";
import { fillDate } from "./date-input";
import { must } from "@/lib/must";

const dir = mkdtempSync(path.join(tmpdir(), "e2e-files-"));
const file = (name: string, bytes: Buffer) => {
  const p = path.join(dir, name);
  writeFileSync(p, bytes);
  return p;
};

test("a learner adds evidence, uploads, maps across units, submits, and the assessor sees it", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signInAs(page, "learner3@northgate.example");

  // AG26 needs an agreed plan first: the assessor drafts it and both sign.
  const assessorContext = await browser.newContext();
  const assessorPage = await assessorContext.newPage();
  await signInAs(assessorPage, "assessor@northgate.example");
  await assessorPage.goto("/");
  await assessorPage.getByRole("link", { name: "plan of Taylor Evans for AG26" }).click();
  await expect(assessorPage.getByRole("heading", { name: /Assessment plan: AG26/ })).toBeVisible();
  await expectAccessible(assessorPage);
  await assessorPage.getByLabel("1.1", { exact: true }).check();
  await assessorPage.getByLabel("Task").fill("Show how you identified the parties to the home care agreement");
  await fillDate(assessorPage, "Target date", "20 12 2026");
  await assessorPage.getByRole("button", { name: "Save plan" }).click();
  await expect(assessorPage.getByRole("status")).toHaveText("Plan saved.");
  await assessorPage.getByLabel(/Type your full name to sign version 1/).fill("Sam Okafor");
  await assessorPage.getByRole("button", { name: "Sign plan" }).click();
  await expect(assessorPage.getByText("Signed by Sam Okafor (assessor)")).toBeVisible();

  // The learner: progress before.
  await page.goto("/");
  await page.getByRole("link", { name: "Progress in CPC 308" }).click();
  await expect(page.getByText("No evidence has been submitted yet.")).toBeVisible();
  await expectAccessible(page);

  // Add evidence.
  await page.goto("/");
  await page.getByRole("link", { name: "Add evidence" }).first().click();
  await expectAccessible(page);
  await page.getByLabel("Title").fill("Quarterly provider review pack");
  await page
    .getByLabel("What you did and how it shows your competence")
    .fill("I prepared the review pack on provider performance and resource use and took the board through it.");
  await page.getByLabel("Method").selectOption("WORK_PRODUCT");
  await fillDate(page, "When the activity took place", "15 10 2026");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Quarterly provider review pack" })).toBeVisible();
  await expectAccessible(page);

  // Two files, each with its progress shown.
  await page
    .getByLabel("Choose one or more files")
    .setInputFiles([file("review-pack.pdf", pdf("Provider review pack Q3")), file("board-photo.png", png(200, 120))]);
  await expect(page.getByRole("progressbar", { name: "review-pack.pdf" })).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "board-photo.png" })).toBeVisible();
  await expect(page.getByText("2 files uploaded.")).toBeAttached();
  await expect(page.getByRole("link", { name: "Download review-pack.pdf" })).toBeVisible();
  await expect(page.getByRole("img", { name: "Preview of board-photo.png" })).toBeVisible();
  await expectAccessible(page);

  // A hostile file is refused with a reason.
  await page.getByLabel("Choose one or more files").setInputFiles([file("invoice.pdf", Buffer.concat([Buffer.from("MZ"), Buffer.alloc(100)]))]);
  await expect(page.getByText("Refused: Programs (Windows executables) are not accepted as evidence.", { exact: true })).toBeVisible();

  // Map to CPC 308 A1, a scope option and AG26 1.1.
  await page.getByText("Map to criteria and scope").click();
  await page.getByLabel("Search criteria").fill("A1");
  await page.getByLabel(/^CPC 308 A1:/).check();
  await page.getByLabel("How this item shows CPC 308 A1").fill("The pack gave the board accurate figures on provider hours.");
  await page.getByLabel("Search criteria").fill("1.1");
  await page.getByLabel(/^AG26 1\.1:/).check();
  await page.getByLabel("How this item shows AG26 1.1").fill("Section 2 lists the providers we must agree terms with.");
  await page.getByRole("group", { name: "Resources", exact: true }).getByLabel("financial", { exact: true }).check();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Save mapping" }).click();
  await expect(page.getByText("Mapping saved.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Criteria this item shows" })).toContainText("CPC 308 A1");
  await expect(page.getByRole("region", { name: "Criteria this item shows" })).toContainText("AG26 1.1");

  // The learner signs the plan, then submits with the declarations.
  await page.getByRole("link", { name: "Go to the AG26 assessment plan" }).click();
  await page.getByLabel(/Type your full name to sign version 1/).fill("Taylor Evans");
  await page.getByRole("button", { name: "Sign plan" }).click();
  await expect(page.getByRole("heading", { name: "Version 1: agreed" })).toBeVisible();
  await expectAccessible(page);
  await page.goBack();
  await page.reload();
  await page.getByLabel("I declare that this is my own work.").check();
  await page.getByRole("button", { name: "Submit for assessment" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "does not allow simulation" })).toBeVisible();
  await page.getByLabel("I declare that this is my own work.").check();
  await page.getByLabel(/comes from real work in my workplace/).check();
  await page.getByRole("button", { name: "Submit for assessment" }).click();
  await expect(page.getByText("Submitted for assessment").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Withdraw" })).toBeVisible();
  await expectAccessible(page);

  // Progress changed.
  await page.goto("/");
  await page.getByRole("link", { name: "Progress in CPC 308" }).click();
  const a1 = page.getByRole("row", { name: /^A1 / });
  await expect(a1.getByText("Submitted")).toBeVisible();
  await expect(page.getByText("Resources: 1 of 5 covered")).toBeVisible();
  await expectAccessible(page);

  // The library finds it.
  await page.goto("/evidence?q=review+pack");
  await expect(page.getByRole("link", { name: "Quarterly provider review pack" })).toBeVisible();
  await expectAccessible(page);

  // The assessor sees the item and is notified.
  await assessorPage.goto("/notifications");
  await expect(assessorPage.getByRole("link", { name: "Taylor Evans submitted “Quarterly provider review pack” for assessment." })).toBeVisible();
  await expectAccessible(assessorPage);
  await assessorPage.getByRole("link", { name: "Taylor Evans submitted “Quarterly provider review pack” for assessment." }).click();
  await expect(assessorPage.getByRole("heading", { level: 1, name: "Quarterly provider review pack" })).toBeVisible();
  await expect(assessorPage.getByRole("link", { name: "Download review-pack.pdf" })).toBeVisible();
  await expect(assessorPage.getByRole("button", { name: "Withdraw" })).toHaveCount(0);
  await assessorPage.getByLabel("New comment").fill("Thanks, I will review this week.");
  await assessorPage.getByRole("button", { name: "Add comment" }).click();
  await expect(assessorPage.getByText("Thanks, I will review this week.")).toBeVisible();
  await expectAccessible(assessorPage);
  await assessorContext.close();

  await page.goto("/notifications");
  await expect(page.getByRole("link", { name: "Sam Okafor commented on “Quarterly provider review pack”." })).toBeVisible();
});

test("the demo learner's portfolio is lively, with previews and an earlier-version trail", async ({ page }) => {
  await signInAs(page, "learner@northgate.example");
  await page.goto("/evidence");
  await expect(page.getByRole("table", { name: /^6 items/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Voice note: reflecting on the provider negotiation" }).click();
  await expect(page.getByLabel("Play reflection.wav")).toBeVisible();
  await expectAccessible(page);
  await page.goto("/evidence");
  await page.getByRole("link", { name: "Monthly resource report to the commissioning board" }).click();
  await expect(page.locator("iframe[title='Preview of resource-report-june.pdf']")).toBeAttached();
  await page.getByRole("button", { name: "Edit as a new version" }).click();
  await expect(page.getByText("Evidence of Jordan Lee · version 2")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Earlier versions" })).toBeVisible();
  await expectAccessible(page);
});

test("files are served only as attachments or safe previews, never cached", async ({ page }) => {
  await signInAs(page, "learner@northgate.example");
  await page.goto("/evidence?q=rota");
  await page.getByRole("link", { name: "Photo of the rota planning board" }).click();
  const href = await page.getByRole("link", { name: "Download rota-board.png" }).getAttribute("href");
  const download = await page.request.get(must(href, "href"));
  expect(download.headers()["content-disposition"]).toMatch(/^attachment; filename="rota-board.png"/);
  expect(download.headers()["cache-control"]).toBe("private, no-store");
  expect(download.headers()["x-content-type-options"]).toBe("nosniff");
  const preview = await page.request.get(`${href}?inline=1`);
  expect(preview.headers()["content-disposition"]).toMatch(/^inline;/);
  expect(preview.headers()["content-type"]).toBe("image/png");
  const range = await page.request.get(must(href, "href"), { headers: { Range: "bytes=0-7" } });
  expect(range.status()).toBe(206);
  expect((await range.body()).length).toBe(8);
});

test("large files stream past the proxy's buffer whole, and the size limit is enforced", async ({ page, baseURL }) => {
  await signInAs(page, "learner@northgate.example");
  await page.goto("/evidence?state=DRAFT&q=supplier");
  await page.getByRole("link", { name: "Notes from the supplier meeting" }).click();
  await expect(page).toHaveURL(/\/evidence\/[0-9a-f-]{36}$/);
  const evidenceId = must(page.url().split("/").pop(), 'page.url().split("/").pop()');
  const headers = { Origin: must(baseURL, "baseURL"), "X-File-Name": "long-log.txt", "Content-Type": "application/octet-stream" };
  const big = Buffer.alloc(30 * 1024 * 1024, "a");
  const ok = await page.request.post(`/api/uploads/${evidenceId}`, { headers, data: big });
  expect(ok.status(), `${evidenceId}: ${await ok.text()}`).toBe(201);
  expect((await ok.json()).file).toMatchObject({ size: big.length, mediaType: "text/plain" });
  const tooBig = await page.request.post(`/api/uploads/${evidenceId}`, { headers, data: Buffer.alloc(E2E_MAX_FILE_BYTES + 1, "a") });
  expect(tooBig.status()).toBe(413);
  expect((await tooBig.json()).error).toMatch(/larger than the limit of 40 MB/);
});

/** Sends only the first part of a body and waits for the answer, the rest never comes. */
function answerToPartialUpload(url: string, headers: Record<string, string>, firstBytes: Buffer): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: "POST", headers: { ...headers, "Content-Length": String(30 * 1024 * 1024) } }, (response) => {
      let body = "";
      response.on("data", (d) => (body += d));
      response.on("end", () => {
        resolve({ status: must(response.statusCode, "response.statusCode"), body });
        request.destroy();
      });
    });
    request.on("error", reject);
    request.setTimeout(15_000, () => reject(new Error("no answer before the body ended")));
    request.write(firstBytes);
  });
}

test("uploads: a refused type is refused from its first bytes; bad names and a null Origin are clear refusals", async ({ page, baseURL }) => {
  await signInAs(page, "learner@northgate.example");
  await page.goto("/evidence?state=DRAFT&q=supplier");
  await page.getByRole("link", { name: "Notes from the supplier meeting" }).click();
  await expect(page).toHaveURL(/\/evidence\/[0-9a-f-]{36}$/);
  await expectAccessible(page);
  const evidenceId = must(page.url().split("/").pop(), 'page.url().split("/").pop()');
  const url = `${baseURL}/api/uploads/${evidenceId}`;
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const headers = { Origin: must(baseURL, "baseURL"), Cookie: cookie, "X-File-Name": "setup.exe", "Content-Type": "application/octet-stream" };

  const program = await answerToPartialUpload(url, headers, Buffer.concat([Buffer.from("MZ"), Buffer.alloc(64 * 1024)]));
  expect(program.status).toBe(422);
  expect(JSON.parse(program.body).error).toMatch(/setup\.exe was not accepted: Programs \(Windows executables\)/);

  const svg = await page.request.post(url, {
    headers: { ...headers, "X-File-Name": "diagram.svg" },
    data: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>'),
  });
  expect(svg.status()).toBe(422);
  expect((await svg.json()).error).toMatch(/SVG images are not accepted/);

  const badName = await page.request.post(url, { headers: { ...headers, "X-File-Name": "%E0%A4%A" }, data: Buffer.from("notes") });
  expect(badName.status()).toBe(422);
  expect((await badName.json()).error).toMatch(/file name/);

  const nullOrigin = await page.request.post(url, { headers: { ...headers, Origin: "null", "X-File-Name": "notes.txt" }, data: Buffer.from("notes") });
  expect(nullOrigin.status()).toBe(404);

  const bidi = await page.request.post(url, {
    headers: { ...headers, "X-File-Name": encodeURIComponent("invoice\u202Etxt.exe\u200B.txt") },
    data: Buffer.from("plain words"),
  });
  expect(bidi.status()).toBe(201);
  expect((await bidi.json()).file.fileName).toBe("invoicetxt.exe.txt");
});
