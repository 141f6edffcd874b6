import { rmSync } from "node:fs";
import { startSmtpCapture } from "../support/smtp-capture";
import { E2E_MAIL_DIR, E2E_SMTP_PORT } from "../../playwright.config";

// A real SMTP server for the app under test to send to; tests read what it received from files.
export default async function globalSetup() {
  rmSync(E2E_MAIL_DIR, { recursive: true, force: true });
  const smtp = await startSmtpCapture(E2E_SMTP_PORT, E2E_MAIL_DIR);
  return () => smtp.close();
}
