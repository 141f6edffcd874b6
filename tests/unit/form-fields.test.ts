import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { commentSchema, evidenceInputSchema, signatureSchema, submitSchema } from "@/lib/portfolio/schemas";
import { discussionSchema, observationSchema } from "@/lib/portfolio/records";
import { claimSchema } from "@/server/assessment/claims";
import { decisionsSchema } from "@/server/assessment/decide";
import { signOffSchema } from "@/server/assessment/sign-off";
import { credentialsSchema } from "@/server/auth/sign-in";
import { addItemInput, redrawInput, removeItemInput } from "@/server/quality/plan-edits";
import { signPlanInput } from "@/server/quality/plan-sign";
import { createPlanInput } from "@/server/quality/plans";
import { must } from "@/lib/must";

// The names a form's controls post, and the names its FieldErrors show, must be the names the
// server's schema reports; otherwise a message has nowhere to go. Read from the source, cheaply.
const source = (file: string) => readFileSync(file, "utf8");
// A DateField posts three boxes the edge reads as its name, and shows its own message; the kit's
// fields (src/ui/kit) are controls with their FieldError built in, and a Choice shows the one its
// errorName names.
const kitFields = (text: string) =>
  [...text.matchAll(/<(?:TextField|TextAreaField|SelectField|FileField|RadioGroup|CheckboxGroup|DateField)\b[^>]*?\sname="([^"]+)"/g)].map((m) =>
    must(m[1], "m[1]"),
  );
const controlNames = (text: string) =>
  [
    ...text.matchAll(
      /<(?:input|textarea|select|TextField|TextAreaField|SelectField|FileField|RadioGroup|CheckboxGroup|Choice|DateField)\b[^>]*?\sname="([^"]+)"/g,
    ),
  ]
    .map((m) => must(m[1], "m[1]"))
    .filter((n) => n !== "evidenceId" && n !== "enrolmentId");
const fieldErrors = (text: string) => [
  ...[...text.matchAll(/<FieldError name="([^"]+)"/g)].map((m) => must(m[1], "m[1]")),
  ...[...text.matchAll(/\serrorName="([^"]+)"/g)].map((m) => must(m[1], "m[1]")),
  ...kitFields(text),
];
const keys = (...schemas: z.ZodObject[]) => new Set(schemas.flatMap((s) => Object.keys(s.shape)));

const forms: [file: string, schema: Set<string>, renamed?: Record<string, string>][] = [
  ["src/ui/evidence/evidence-fields.tsx", keys(evidenceInputSchema)],
  ["src/ui/evidence/comments.tsx", keys(commentSchema)],
  ["src/ui/evidence/submit-panel.tsx", keys(submitSchema)],
  // Confirming or rejecting a claim (the answer here, the item's linkId on the button pressed), and the
  // criteria the signing form offers; each criterion's decision controls are named by decisionControl
  // (tests/unit/decision-form.test.ts).
  ["src/ui/review/claim-forms.tsx", keys(claimSchema)],
  ["src/ui/review/decision-controls.tsx", new Set(["criterionId"])],
  // The signature for the decisions, and the unit's sign-off.
  ["app/enrolments/[id]/review/page.tsx", keys(decisionsSchema, signOffSchema)],
  ["src/ui/evidence/record-fields.tsx", new Set(["title", "activityFrom", "mode", ...keys(observationSchema, discussionSchema)])],
  ["app/enrolments/[id]/plan/page.tsx", keys(signatureSchema)],
  ["src/ui/sign-in-form.tsx", keys(credentialsSchema)],
  ["app/account/password/page.tsx", new Set(["currentPassword", "newPassword", "confirmPassword"])],
  // Sample plans: drawing one, and a draft's item, redraw and signing forms.
  ["app/quality/plans/new/page.tsx", keys(createPlanInput)],
  ["app/quality/plans/[id]/page.tsx", keys(addItemInput, redrawInput, signPlanInput)],
  ["src/ui/quality/plan-items.tsx", keys(removeItemInput)],
];

describe("form fields match their server schemas", () => {
  for (const [file, schema, renamed = {}] of forms) {
    it(file, () => {
      const text = source(file);
      const names = controlNames(text).map((n) => renamed[n] ?? n);
      expect(names.length, "the form has controls").toBeGreaterThan(0);
      expect(names.filter((n) => !schema.has(n))).toEqual([]);
      // Every control the user fills has its message slot (sign-in renders its own).
      if (!file.includes("sign-in"))
        expect(
          controlNames(text).filter(
            (n) =>
              !fieldErrors(text).includes(n) && !/^(linkId|claim|criterionId|revision|contentHash|parentId|kind|confidential|centreId|planId|itemId)$/.test(n),
          ),
        ).toEqual([]);
    });
  }
});
