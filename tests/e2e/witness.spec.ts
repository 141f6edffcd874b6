import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { E2E_MAIL_DIR } from "../../playwright.config";
import { linkIn } from "../support/smtp-capture";
import { expect, expectAccessible, signInAs, test } from "./fixtures";
import { must } from "@/lib/must";

function mailTo(address: string): { raw: string } | undefined {
  const files = readdirSync(E2E_MAIL_DIR).sort().reverse();
  for (const f of files) {
    const m = JSON.parse(readFileSync(path.join(E2E_MAIL_DIR, f), "utf8")) as { to: string[]; raw: string };
    if (m.to.includes(address)) return m;
  }
}

test("a witness confirms a testimony through the emailed link, once", async ({ page, browser }) => {
  await signInAs(page, "learner2@northgate.example");
  await page.goto("/evidence?q=variance");
  await page.getByRole("link", { name: "Budget variance email to my manager" }).click();
  await page.getByText("Request witness testimony").first().click();
  await page.getByLabel("Witness's name").fill("Robin Hale");
  await page.getByLabel("Witness's email address").fill("robin.hale@northgate-care.example");
  await page.getByLabel("Their job role").fill("Finance manager");
  await page.getByLabel("How they know the learner").fill("Line manager");
  await page
    .getByLabel("The statement to confirm")
    .fill("Casey flagged the transport overspend the day it appeared and proposed the pooled-vehicle plan we adopted.");
  await page.getByRole("button", { name: "Request witness testimony" }).click();
  await expect(page.getByText("The witness has been sent a link.")).toBeVisible();
  await expect(page.getByText(/Robin Hale.*Awaiting an answer/)).toBeVisible();
  await expectAccessible(page);

  await expect.poll(() => mailTo("robin.hale@northgate-care.example")).toBeTruthy();
  const link = must(
    linkIn(must(mailTo("robin.hale@northgate-care.example"), 'mailTo("robin.hale@northgate-care.example")').raw),
    'linkIn(must(mailTo("robin.hale@northgate-care.example"), "mailTo(\\"robin.hale@northgate-care.example\\")").raw)',
  );
  const witnessContext = await browser.newContext();
  const witness = await witnessContext.newPage();
  await witness.goto(link);
  await expect(witness.getByRole("heading", { name: "Witness statement about Casey Morgan" })).toBeVisible();
  await expect(witness.getByText("CPC 308 B5: Take prompt action")).toBeVisible();
  await expectAccessible(witness);
  await witness.getByLabel("I confirm this statement is true").check();
  await witness.getByRole("button", { name: "Send my answer" }).click();
  await expect(witness.getByRole("heading", { name: "This link has already been used" })).toBeVisible();
  await expectAccessible(witness);
  await witness.goto(link.replace(/witness\/.+$/, "witness/not-a-real-token-at-all-000000"));
  await expect(witness.getByRole("heading", { name: "This link is not valid" })).toBeVisible();
  await witnessContext.close();

  await page.reload();
  await expect(page.getByText(/Robin Hale.*Confirmed by Robin Hale on/)).toBeVisible();
});

test("a witness link is only for the witness: staff who are signed in can neither read nor answer it", async ({ page, browser }) => {
  await signInAs(page, "assessor@northgate.example");
  await page.goto("/evidence?q=variance");
  await page.getByRole("link", { name: "Budget variance email to my manager" }).click();
  await page.getByText("Request witness testimony").first().click();
  await page.getByLabel("Witness's name").fill("Sam Okafor");
  await page.getByLabel("Witness's email address").fill("sam.okafor@northgate-care.example");
  await page.getByLabel("Their job role").fill("Service manager");
  await page.getByLabel("How they know the learner").fill("Manager of the service");
  await page.getByLabel("The statement to confirm").fill("Casey presented the variance report at the monthly service meeting.");
  await page.getByRole("button", { name: "Request witness testimony" }).click();
  await expect(page.getByText("The witness has been sent a link.")).toBeVisible();
  await expectAccessible(page);
  await expect.poll(() => mailTo("sam.okafor@northgate-care.example")).toBeTruthy();
  const link = must(
    linkIn(must(mailTo("sam.okafor@northgate-care.example"), 'mailTo("sam.okafor@northgate-care.example")').raw),
    'linkIn(must(mailTo("sam.okafor@northgate-care.example"), "mailTo(\\"sam.okafor@northgate-care.example\\")").raw)',
  );

  // The centre's admin and someone from another centre: told it is for the witness, shown nothing of it.
  for (const email of ["admin@northgate.example", "admin@riverside.example"]) {
    const context = await browser.newContext();
    const staff = await context.newPage();
    await signInAs(staff, email);
    await staff.goto(link);
    await expect(staff.getByRole("heading", { level: 1, name: "This link is for the witness" })).toBeVisible();
    await expect(staff.getByText("Casey presented the variance report")).toHaveCount(0);
    await expect(staff.getByRole("button", { name: "Send my answer" })).toHaveCount(0);
    await expectAccessible(staff);
    if (email === "admin@northgate.example") {
      for (const width of [1280, 320]) {
        await staff.setViewportSize({ width, height: 800 });
        await staff.screenshot({ path: `test-results/witness-link-signed-in-${width}.png`, fullPage: true });
      }
    }
    await context.close();
  }

  // The answer form, opened while signed out, then posted after signing in: the server action refuses.
  const context = await browser.newContext();
  const other = await context.newPage();
  await other.goto(link);
  await expect(other.getByRole("heading", { name: "Witness statement about Casey Morgan" })).toBeVisible();
  await signInAs(other, "admin@northgate.example");
  await other.getByLabel("I confirm this statement is true").check();
  await other.getByRole("button", { name: "Send my answer" }).click();
  await expect(other.getByRole("alert").filter({ hasText: "only for the witness" })).toBeVisible();
  await expectAccessible(other);
  await context.close();

  await page.reload();
  await expect(page.getByText(/Sam Okafor.*Awaiting an answer/)).toBeVisible();
  await expectAccessible(page);
});
