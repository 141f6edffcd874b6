import { z } from "zod";
import { enrolmentStatuses } from "@/server/centre/enrolments/queries";
import { invitableRoles } from "@/server/centre/invitations";

// The API's requests, validated with these schemas and described by them in /api/v1/openapi.json
// (openapi.ts): one source for both. Field rules for people and enrolments live in
// src/server/centre; these only shape the input. Texts refuse NUL, which PostgreSQL cannot store.

const noNul = (s: string) => !s.includes("\0");
const textField = (max: number, missing: string) =>
  z.string({ error: missing }).trim().min(1, missing).max(max, `Use at most ${max} characters`).refine(noNul, "Remove the control characters");
const uuid = (message: string) => z.uuid({ error: message });

export const pageQuery = {
  page: z.coerce
    .number({ error: "Give page as a whole number from 1" })
    .int("Give page as a whole number from 1")
    .min(1, "Give page as a whole number from 1")
    .max(10_000)
    .default(1),
  pageSize: z.coerce
    .number({ error: "Give pageSize from 1 to 100" })
    .int("Give pageSize from 1 to 100")
    .min(1, "Give pageSize from 1 to 100")
    .max(100, "Give pageSize from 1 to 100")
    .default(50),
};

export const listUsersQuery = z.strictObject({
  role: z.enum(invitableRoles, { error: `Give role as one of ${invitableRoles.join(", ")}` }).optional(),
  ...pageQuery,
});

export const createUserBody = z.strictObject({
  name: textField(200, "Give the person's name"),
  email: z.string({ error: "Give an email address" }).trim().toLowerCase().max(254, "Use at most 254 characters").pipe(z.email("Give a valid email address")),
  roles: z
    .array(z.enum(invitableRoles, { error: `Each role is one of ${invitableRoles.join(", ")}` }), { error: "Give roles as a list" })
    .min(1, "Give at least one role")
    .max(4),
});

export const listEnrolmentsQuery = z.strictObject({
  learnerId: uuid("Give learnerId as a user id").optional(),
  unit: z
    .string()
    .trim()
    .min(1)
    .max(20, "Give unit as a unit code, like CPC308")
    .regex(/^[A-Za-z0-9-]+$/, "Give unit as a unit code, like CPC308")
    .optional(),
  status: z.enum(enrolmentStatuses, { error: `Give status as one of ${enrolmentStatuses.join(", ")}` }).optional(),
  ...pageQuery,
});

export const createEnrolmentBody = z.strictObject({
  learnerId: uuid("Give learnerId: the id of one of the centre's learners"),
  unitId: uuid("Give unitId: the id of a published unit version"),
  assessorId: uuid("Give assessorId as a user id, or null").nullable().default(null),
  iqaId: uuid("Give iqaId as a user id, or null").nullable().default(null),
  startedAt: z.iso
    .date("Give startedAt as a date, like 2026-09-01")
    .refine((s) => s >= "1900-01-01" && s <= "2100-12-31", "Give startedAt between 1900 and 2100"),
});

export const assignBody = z.strictObject({
  role: z.enum(["ASSESSOR", "IQA"], { error: "Give role as ASSESSOR or IQA" }),
  userId: uuid("Give userId as a user id, or null for nobody").nullable(),
  reason: z.string().trim().max(500, "Use at most 500 characters").refine(noNul, "Remove the control characters").optional(),
});

export const evidenceQuery = z.strictObject({ ...pageQuery });

export const idParam = z.uuid();
