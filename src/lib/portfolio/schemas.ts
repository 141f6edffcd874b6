import { z } from "zod";
import { assessmentMethods } from "@/lib/standards/unit-file";
import { ukDay } from "@/lib/format";
import { checkbox, day, id, int, optionalDay, optionalText, text } from "@/lib/input";

export const methodLabels: Record<(typeof assessmentMethods)[number], string> = {
  WORK_PRODUCT: "Work product",
  OBSERVATION: "Observation",
  QUESTIONING: "Questioning",
  WITNESS_TESTIMONY: "Witness testimony",
  PROFESSIONAL_DISCUSSION: "Professional discussion",
  REFLECTIVE_ACCOUNT: "Reflective account",
};

export const evidenceInputSchema = z
  .object({
    title: text(200, "Enter a title"),
    account: text(20_000, "Describe what you did and how it shows your competence"),
    method: z.enum(assessmentMethods, { error: "Choose how this evidence was produced" }),
    activityFrom: day("the date of the activity"),
    activityTo: optionalDay("the end date"),
    kind: z.enum(["FILES", "IN_PLACE"], { error: "Choose whether you will upload files or record where the evidence is kept" }),
    location: optionalText(500),
    holder: optionalText(200),
    confidential: checkbox(),
    relevance: optionalText(5_000),
  })
  .superRefine((v, ctx) => {
    const today = ukDay(new Date());
    if (v.activityFrom > today) ctx.addIssue({ code: "custom", path: ["activityFrom"], message: "The activity date cannot be in the future" });
    if (v.activityTo && v.activityTo < v.activityFrom)
      ctx.addIssue({ code: "custom", path: ["activityTo"], message: "The end date must be on or after the start date" });
    if (v.activityTo && v.activityTo > today) ctx.addIssue({ code: "custom", path: ["activityTo"], message: "The end date cannot be in the future" });
    if (v.kind === "IN_PLACE") {
      if (!v.location) ctx.addIssue({ code: "custom", path: ["location"], message: "Say where the evidence is held" });
      if (!v.holder) ctx.addIssue({ code: "custom", path: ["holder"], message: "Say who holds the evidence" });
      if (!v.relevance) ctx.addIssue({ code: "custom", path: ["relevance"], message: "Say why the evidence is relevant" });
    }
  });
export type EvidenceInput = z.infer<typeof evidenceInputSchema>;

export const submitSchema = z.object({
  ownWork: z.preprocess((v) => v === true || v === "on", z.literal(true, { error: "Confirm that this is your own work" })),
  workplace: checkbox(),
  // Countersigning an assessor's record: the learner's typed full name.
  typedName: optionalText(200),
});

export const mappingSchema = z.object({
  links: z
    .array(
      z.object({
        criterionId: id("Choose a criterion from the list"),
        note: text(2_000, "Say how the item shows each criterion you choose"),
        atSeconds: int(0, 48 * 3600, "Give the time in the recording as minutes:seconds, like 12:30").optional(),
      }),
    )
    .max(500),
  scopeOptionIds: z.array(id("Choose scope options from the list"), { error: "Choose scope options from the list" }).max(500),
});

export const commentSchema = z.object({
  body: text(5_000, "Write a comment"),
  parentId: z.preprocess((v) => (v === "" || v === null ? undefined : v), id("Reply to a comment on this item").optional()),
});

export const planItemSchema = z.object({
  criterionIds: z
    .array(id("Choose criteria from the list"), { error: "Choose at least one criterion for each item" })
    .min(1, "Choose at least one criterion for each item")
    .max(500),
  method: z.enum(assessmentMethods, { error: "Choose an assessment method" }),
  task: text(2_000, "Describe the task"),
  targetDate: day("a target date"),
});
export const planSchema = z.object({
  items: z.array(planItemSchema, { error: "The plan could not be read; try again." }).min(1, "Add at least one item to the plan").max(100),
});

export const signatureSchema = z.object({
  typedName: text(200, "Type your full name to sign"),
  contentHash: z.string({ error: "Reload the page and sign again" }).regex(/^[0-9a-f]{64}$/, "Reload the page and sign again"),
});
