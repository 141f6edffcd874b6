import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { E2E_MAIL_DIR } from "../../playwright.config";
import { linkIn } from "../support/smtp-capture";
import { expect, expectAccessible, signInAs, test } from "./fixtures";

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
  await page.getByLabel("The statement to confirm").fill("Casey flagged the transport overspend the day it appeared and proposed the pooled-vehicle plan we adopted.");
  await page.getByRole("button", { name: "Request witness testimony" }).click();
  await expect(page.getByText("The witness has been sent a link.")).toBeVisible();
  await expect(page.getByText(/Robin Hale.*Awaiting an answer/)).toBeVisible();
  await expectAccessible(page);

  await expect.poll(() => mailTo("robin.hale@northgate-care.example")).toBeTruthy();
  const link = linkIn(mailTo("robin.hale@northgate-care.example")!.raw)!;
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
