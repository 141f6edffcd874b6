import * as db from "./db";
import { expect, expectAccessible, signInAs, test } from "./fixtures";

// At 320 px wide no page scrolls sideways: tables become stacked cards or scroll inside their own
// region, and long words wrap. Each page for each role that sees it, checked with axe too.

test.use({ viewport: { width: 320, height: 800 } });

const pages: Record<string, (ids: { enrolment: string; learner: string }) => string[]> = {
  "assessor@northgate.example": ({ enrolment, learner }) => [
    "/caseload",
    `/enrolments/${enrolment}/review`,
    `/enrolments/${enrolment}/progress`,
    `/enrolments/${enrolment}/matrix`,
    `/learners/${learner}/matrix`,
  ],
  "learner@northgate.example": ({ enrolment, learner }) => [
    `/enrolments/${enrolment}/progress`,
    `/learners/${learner}/matrix`,
    "/units",
    "/units/CPC308",
    "/units/AG26",
    "/notifications",
  ],
  "iqa@northgate.example": ({ enrolment }) => [`/enrolments/${enrolment}/review`, `/enrolments/${enrolment}/matrix`],
  "verifier@northgate.example": ({ enrolment }) => [`/enrolments/${enrolment}/review`],
  "admin@northgate.example": () => ["/outbox", "/integrity"],
};

for (const [email, paths] of Object.entries(pages)) {
  test(`at 320 px, ${email.split("@")[0]}'s tables and lists fit the width`, async ({ page }) => {
    test.setTimeout(120_000);
    const { id, learnerId } = await db.enrolmentOf("learner@northgate.example", "CPC308");
    await signInAs(page, email);
    for (const path of paths({ enrolment: id, learner: learnerId })) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(320);
      await expectAccessible(page);
    }
  });
}
