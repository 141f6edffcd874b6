import { z } from "zod";
import { formatDateTime } from "@/lib/format";
import { email, text } from "@/lib/input";
import { appendAudit } from "@/server/audit/append";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db/client";
import { UserFacingError, parseInput } from "@/server/errors";
import { appUrl, canSendMailFor, sendMail } from "@/server/mail/send";
import { assertHolds, evidenceAllowing, readableEvidence, scope } from "@/server/policy";
import { notify } from "@/server/notifications/notifications";
import { must } from "@/lib/must";
import { hashSecretToken as hashToken, newSecretToken } from "@/server/tokens/secret-token";

/** How long a witness link lasts when its centre says nothing else (Centre.witnessLinkDays). */
export const WITNESS_LINK_DAYS = 14;

export const witnessRequestSchema = z.object({
  witnessName: text(200, "Enter the witness's name"),
  witnessEmail: email("Enter the witness's email address, like name@example.com"),
  jobRole: text(200, "Enter the witness's job role"),
  relationship: text(200, "Say how the witness knows the learner"),
  statement: text(10_000, "Write the statement the witness is asked to confirm"),
});

/** "Request witness testimony": the learner or their assessor asks a witness to confirm a statement. */
export async function requestWitnessTestimony(actor: Actor, evidenceId: unknown, input: unknown, now = new Date()) {
  const { evidence } = await evidenceAllowing(db, actor, evidenceId, "request:testimony");
  const data = parseInput(witnessRequestSchema, input);
  if (!(await canSendMailFor(db, evidence.centreId)))
    throw new UserFacingError(
      "Witness requests cannot be sent: no mail server is configured (SMTP_URL), and the centre does not keep mail in the outbox. Ask your administrator to set one up.",
    );
  const token = newSecretToken();
  const linkDays = (await db.centre.findUnique({ where: { id: evidence.centreId }, select: { witnessLinkDays: true } }))?.witnessLinkDays ?? WITNESS_LINK_DAYS;
  const expiresAt = new Date(now.getTime() + linkDays * 86_400_000);
  const learner = await db.user.findUniqueOrThrow({ where: { id: evidence.learnerId }, select: { name: true } });
  const request = await db.$transaction(async (tx) => {
    const created = await tx.witnessRequest.create({
      data: { ...data, centreId: evidence.centreId, evidenceId: evidence.id, requestedById: actor.userId, tokenHash: hashToken(token), expiresAt },
    });
    await appendAudit(
      tx,
      {
        kind: "witness.requested",
        actorId: actor.userId,
        data: { requestId: created.id, evidenceId: evidence.id, witnessEmail: data.witnessEmail, expiresAt: expiresAt.toISOString() },
      },
      { centreId: evidence.centreId, subject: `evidence:${evidence.id}` },
    );
    return created;
  });
  await sendMail(db, {
    to: data.witnessEmail,
    centreId: evidence.centreId,
    subject: `Please confirm a statement about ${learner.name}'s work`,
    text: [
      `Dear ${data.witnessName},`,
      "",
      `${actor.name} asks you to confirm a statement about ${learner.name}'s work, as a witness for their vocational qualification.`,
      "",
      `Open this link to read the statement and confirm or decline it. It works once and expires on ${formatDateTime(expiresAt)} (UK time):`,
      `${appUrl()}/witness/${token}`,
      "",
      "If you were not expecting this, you can ignore it.",
    ].join("\n"),
  });
  return { id: request.id };
}

export type WitnessView =
  | { state: "signed-in" }
  | { state: "invalid" }
  | { state: "expired" }
  | { state: "used"; outcome: "CONFIRMED" | "DECLINED" }
  | {
      state: "open";
      request: { witnessName: string; statement: string; jobRole: string; relationship: string; expiresAt: Date };
      learner: string;
      title: string;
      criteria: { unit: string; code: string; text: string }[];
    };

export const WITNESS_ONLY = "This link is only for the witness it was sent to; it cannot be opened or answered while you are signed in to Attest.";

/**
 * What a witness link shows; the token is the only credential, so nothing else is revealed.
 * The witness is never a user: anyone signed in (staff of the centre or anyone else) sees nothing
 * of the request, so a confirmation can only come from the person the link was mailed to.
 */
export async function witnessView(signedIn: Actor | null, token: unknown, now = new Date()): Promise<WitnessView> {
  if (signedIn) return { state: "signed-in" };
  if (typeof token !== "string" || !/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { state: "invalid" };
  const request = await db.witnessRequest.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!request) return { state: "invalid" };
  if (request.respondedAt) return { state: "used", outcome: must(request.outcome, "request.outcome") };
  if (request.expiresAt <= now) return { state: "expired" };
  const evidence = await db.evidence.findUniqueOrThrow({
    where: { id: request.evidenceId },
    select: {
      title: true,
      learner: { select: { name: true } },
      links: { where: { removedAt: null }, select: { criterion: { select: { code: true, text: true, unit: { select: { displayCode: true } } } } } },
    },
  });
  return {
    state: "open",
    request,
    learner: evidence.learner.name,
    title: evidence.title,
    criteria: evidence.links.map((l) => ({ unit: l.criterion.unit.displayCode, code: l.criterion.code, text: l.criterion.text.replace(/\*\*/g, "") })),
  };
}

export const witnessResponseSchema = z.object({
  confirmedName: text(200, "Type your full name"),
  outcome: z.enum(["CONFIRMED", "DECLINED"], { error: "Choose whether you confirm the statement" }),
});

/** The witness confirms or declines, once, before the link expires; time and IP are kept. */
export async function respondToWitnessRequest(signedIn: Actor | null, token: unknown, input: unknown, ip: string | null, now = new Date()) {
  const view = await witnessView(signedIn, token, now);
  if (view.state === "signed-in") throw new UserFacingError(WITNESS_ONLY);
  if (view.state === "invalid") throw new UserFacingError("This link is not valid.");
  if (view.state === "expired") throw new UserFacingError("This link has expired. Ask the person who sent it for a new one.");
  if (view.state === "used") throw new UserFacingError("This link has already been used.");
  const data = parseInput(witnessResponseSchema, input);
  await db.$transaction(async (tx) => {
    const tokenHash = hashToken(token as string);
    const answered = await tx.witnessRequest.updateMany({
      where: { tokenHash, respondedAt: null, expiresAt: { gt: now } },
      data: { respondedAt: now, outcome: data.outcome, confirmedName: data.confirmedName, responseIp: ip },
    });
    if (answered.count !== 1) throw new UserFacingError("This link has already been used.");
    const request = await tx.witnessRequest.findUniqueOrThrow({ where: { tokenHash } });
    const evidence = await tx.evidence.findUniqueOrThrow({ where: { id: request.evidenceId }, select: { learnerId: true, title: true } });
    const word = data.outcome === "CONFIRMED" ? "confirmed" : "declined";
    await notify(
      tx,
      [...new Set([request.requestedById, evidence.learnerId])].map((userId) => ({
        userId,
        centreId: request.centreId,
        kind: "witness.responded",
        message: `${data.confirmedName} ${word} the witness statement for “${evidence.title}”.`,
        link: `/evidence/${request.evidenceId}#witnesses`,
      })),
    );
    await appendAudit(
      tx,
      { kind: "witness.responded", actorId: null, data: { requestId: request.id, outcome: data.outcome, confirmedName: data.confirmedName } },
      { centreId: request.centreId, subject: `evidence:${request.evidenceId}`, ip },
    );
  });
}

export async function witnessRequestsFor(actor: Actor, evidenceId: unknown) {
  const evidence = await readableEvidence(db, actor, evidenceId);
  return db.witnessRequest.findMany({ where: { evidenceId: evidence.id }, orderBy: { createdAt: "desc" }, omit: { tokenHash: true } });
}

/** The outbox of a centre, for its admin, when mail is not sent through SMTP. */
export async function centreOutbox(actor: Actor) {
  assertHolds(actor, "read:outbox");
  return db.outboxEmail.findMany({ where: scope(actor, "read:outbox"), orderBy: { createdAt: "desc" }, take: 50 });
}
