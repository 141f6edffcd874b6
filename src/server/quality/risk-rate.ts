import { z } from "zod";
import { ukDay } from "@/lib/format";
import { day, id, optionalText, text } from "@/lib/input";
import { riskLevels } from "@/lib/quality/strategy";
import { assessmentMethods } from "@/lib/standards/unit-file";
import { appendAudit } from "@/server/audit/append";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db/client";
import { UserFacingError, parseInput } from "@/server/errors";
import { NotFoundError, administeredCentre } from "@/server/policy";
import { enrolledUnitCodes } from "./strategy-write";

// An IQA rates an assessor: a new row, never a change to an old one (AssessorRiskRating is
// append-only); the newest row for a scope is the current rating.

export const ratingInput = z
  .object({
    centreId: id("Choose a centre").optional(),
    assessorId: id("Choose an assessor"),
    level: z.enum(riskLevels, { error: "Choose low, medium or high risk" }),
    scope: z.enum(["overall", "unit", "method"], { error: "Choose what the rating covers" }),
    unitCode: optionalText(40),
    method: z.enum(assessmentMethods, { error: "Choose a method" }).optional(),
    reason: text(2000, "Enter the reason for this rating"),
    reviewOn: day("the review date"),
  })
  .superRefine((v, ctx) => {
    if (v.scope === "unit" && !v.unitCode) ctx.addIssue({ code: "custom", path: ["unitCode"], message: "Choose the unit this rating is for" });
    if (v.scope === "method" && !v.method) ctx.addIssue({ code: "custom", path: ["method"], message: "Choose the method this rating is for" });
  });

/** Adds a rating for an assessor of the actor's centre, with a reason and a review date after today; audited. */
export async function rateAssessor(actor: Actor, input: unknown, now = new Date()) {
  const data = parseInput(ratingInput, input);
  const centreId = administeredCentre(actor, "rate:assessor", data.centreId);
  if (data.reviewOn <= ukDay(now)) throw new UserFacingError("The review date must be in the future", { reviewOn: "The review date must be in the future" });
  const unitCode = data.scope === "unit" ? (data.unitCode ?? "") : "";
  const method = data.scope === "method" ? (data.method ?? null) : null;
  return db.$transaction(async (tx) => {
    // The assessor is one of the centre's now; their grant is locked so it cannot end mid-rating.
    const [held] = await tx.$queryRaw<{ id: string }[]>`
      SELECT id::text FROM "RoleGrant" WHERE "userId" = ${data.assessorId}::uuid AND "centreId" = ${centreId}::uuid AND role = 'ASSESSOR'
        AND ("startsAt" IS NULL OR "startsAt" <= ${now}) AND ("endsAt" IS NULL OR "endsAt" > ${now}) FOR SHARE`;
    if (!held) throw new NotFoundError();
    if (data.assessorId === actor.userId) throw new UserFacingError("You cannot rate your own work: another IQA of the centre rates it.");
    if (unitCode && !(await enrolledUnitCodes(tx, centreId)).includes(unitCode))
      throw new UserFacingError("Choose a unit your centre has learners on", { unitCode: "Choose a unit your centre has learners on" });
    const rating = await tx.assessorRiskRating.create({
      data: {
        centreId,
        assessorId: data.assessorId,
        unitCode,
        method,
        level: data.level,
        reason: data.reason,
        reviewOn: new Date(data.reviewOn),
        ratedById: actor.userId,
        ratedAt: now,
      },
    });
    await appendAudit(
      tx,
      {
        kind: "quality.risk_rated",
        actorId: actor.userId,
        data: { ratingId: rating.id, assessorId: data.assessorId, unitCode: unitCode || null, method, level: data.level, reviewOn: data.reviewOn },
      },
      { centreId, subject: `user:${data.assessorId}` },
    );
    return { ratingId: rating.id };
  });
}
