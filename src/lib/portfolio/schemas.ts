import { z } from "zod";
import { assessmentMethods } from "../standards/unit-file";

export const methodLabels: Record<(typeof assessmentMethods)[number], string> = {
  WORK_PRODUCT: "Work product",
  OBSERVATION: "Observation",
  QUESTIONING: "Questioning",
  WITNESS_TESTIMONY: "Witness testimony",
  PROFESSIONAL_DISCUSSION: "Professional discussion",
  REFLECTIVE_ACCOUNT: "Reflective account",
};

const isoDate = (label: string) =>
  z
    .string({ error: `Enter ${label}` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `Enter ${label} as a date`)
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), `Enter ${label} as a real date`);

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters`)
    .optional()
    .transform((s) => (s ? s : undefined));

export const evidenceInputSchema = z
  .object({
    title: z.string({ error: "Enter a title" }).trim().min(1, "Enter a title").max(200, "Keep the title under 200 characters"),
    account: z.string({ error: "Describe what you did" }).trim().min(1, "Describe what you did and how it shows your competence").max(20_000, "Keep the account under 20,000 characters"),
    method: z.enum(assessmentMethods, { error: "Choose how this evidence was produced" }),
    activityFrom: isoDate("the date of the activity"),
    activityTo: z.preprocess((v) => (v === "" ? undefined : v), isoDate("the end date").optional()),
    kind: z.enum(["FILES", "IN_PLACE"], { error: "Choose whether you will upload files or record where the evidence is kept" }),
    location: optionalText(500),
    holder: optionalText(200),
    confidential: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()),
    relevance: optionalText(5_000),
  })
  .superRefine((v, ctx) => {
    const today = new Date().toISOString().slice(0, 10);
    if (v.activityFrom > today) ctx.addIssue({ code: "custom", path: ["activityFrom"], message: "The activity date cannot be in the future" });
    if (v.activityTo && v.activityTo < v.activityFrom) ctx.addIssue({ code: "custom", path: ["activityTo"], message: "The end date must be on or after the start date" });
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
  workplace: z.preprocess((v) => v === true || v === "on", z.boolean()),
  // Countersigning an assessor's record: the learner's typed full name.
  typedName: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.string().trim().max(200).optional()),
});

export const mappingSchema = z.object({
  links: z
    .array(
      z.object({
        criterionId: z.uuid("Choose a criterion from the list"),
        note: z.string().trim().min(1, "Say how the item shows each criterion you choose").max(2_000),
        atSeconds: z.number({ error: "Give the time in the recording as minutes:seconds, like 12:30" }).int().min(0).max(48 * 3600).optional(),
      }),
    )
    .max(500),
  scopeOptionIds: z.array(z.uuid()).max(500),
});

export const commentSchema = z.object({
  body: z.string({ error: "Write a comment" }).trim().min(1, "Write a comment").max(5_000, "Keep a comment under 5,000 characters"),
  parentId: z.preprocess((v) => (v === "" ? undefined : v), z.uuid().optional()),
});

export const planItemSchema = z.object({
  criterionIds: z.array(z.uuid()).min(1, "Choose at least one criterion for each item"),
  method: z.enum(assessmentMethods, { error: "Choose an assessment method" }),
  task: z.string().trim().min(1, "Describe the task").max(2_000),
  targetDate: isoDate("a target date"),
});
export const planSchema = z.object({ items: z.array(planItemSchema).min(1, "Add at least one item to the plan").max(100) });

export const signatureSchema = z.object({
  typedName: z.string({ error: "Type your full name" }).trim().min(1, "Type your full name to sign").max(200),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
});
