import type { Page } from "@playwright/test";
import { PASSWORD } from "./fixtures";

/** On an IQA review: the verdict on one criterion's decision, signed as Priya Shah (the demo IQA). */
export async function signVerdict(page: Page, code: string, verdict: { agree: boolean; feedback: string; action?: string }) {
  const form = page.getByRole("form", { name: `Your verdict on CPC 308 ${code}` });
  await form.getByLabel(verdict.agree ? "Agree with the assessor" : "Disagree, and raise an action").check();
  await form.getByLabel("Feedback for the assessor").fill(verdict.feedback);
  if (verdict.action) await form.getByLabel("What the assessor should do").fill(verdict.action);
  await form.getByLabel("Your full name, to sign").fill("Priya Shah");
  await form.getByLabel("Your password").fill(PASSWORD);
  await form.getByRole("button", { name: "Sign verdict" }).click();
  return form;
}
