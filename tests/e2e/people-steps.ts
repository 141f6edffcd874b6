import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { E2E_MAIL_DIR } from "../../playwright.config";
import { passwordLinkIn } from "../support/smtp-capture";
import { expect, expectAccessible } from "./fixtures";

// Steps of the people journeys: inviting, reading the emailed link, choosing a password.

/** The newest set-password link mailed to this address, if any. */
export function linkMailedTo(address: string): string | null {
  for (const f of readdirSync(E2E_MAIL_DIR).sort().reverse()) {
    const m = JSON.parse(readFileSync(path.join(E2E_MAIL_DIR, f), "utf8")) as { to: string[]; raw: string };
    if (m.to.includes(address)) return passwordLinkIn(m.raw);
  }
  return null;
}

/** From the People page: invites a person with one role, and checks the invitation was sent. */
export async function invite(page: Page, name: string, email: string, role: string) {
  await page.getByRole("link", { name: "Invite a person" }).click();
  await expect(page.getByRole("heading", { name: "Invite a person to Northgate Training" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("checkbox", { name: role }).check();
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(page.getByText(`Invitation sent to ${email}.`)).toBeVisible();
  await expectAccessible(page);
}

export async function choosePassword(page: Page, link: string, password: string) {
  await page.goto(link);
  await expectAccessible(page);
  await page.getByLabel("New password", { exact: true }).fill(password);
  await page.getByLabel("New password again").fill(password);
  await page.getByRole("button", { name: "Save password" }).click();
  await expect(page.getByText("Your password has been saved. Sign in with it now.")).toBeVisible();
}

export async function signInWithForm(page: Page, email: string, password: string) {
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}
