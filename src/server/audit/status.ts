import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db/client";
import { UserFacingError } from "@/server/errors";
import { authorize } from "@/server/policy";
import { appendAudit } from "./append";
import { loadSigningKey } from "./signing-key";
import { lastVerification, recordVerification } from "./verification";

// The chain and the signed records belong to the whole installation, so every centre admin sees
// the same result. It names rows by id only, never their contents.
const MIN_GAP_MS = 60_000;

/** The last full check and the newest signed checkpoint, for a centre admin. */
export async function integrityStatus(actor: Actor) {
  authorize(actor, "check:integrity");
  const [verification, checkpoint] = await Promise.all([
    lastVerification(db),
    db.auditCheckpoint.findFirst({ orderBy: { id: "desc" }, select: { signedAt: true, eventId: true, reason: true } }),
  ]);
  const checkedBy = verification?.actorId ? await db.user.findUnique({ where: { id: verification.actorId }, select: { name: true } }) : null;
  return { verification: verification && { ...verification, checkedBy: checkedBy?.name ?? null }, checkpoint };
}

/** "Check now": runs the full check (each admin at most once a minute) and audits who asked. */
export async function checkIntegrityNow(actor: Actor, now = new Date()) {
  authorize(actor, "check:integrity");
  const last = await db.auditVerification.findFirst({ where: { actorId: actor.userId }, orderBy: { startedAt: "desc" }, select: { startedAt: true } });
  if (last && now.getTime() - last.startedAt.getTime() < MIN_GAP_MS)
    throw new UserFacingError("You checked the records less than a minute ago. Wait a moment, then check again.");
  const report = await recordVerification(db, await loadSigningKey(), { source: "admin", actorId: actor.userId });
  await db.$transaction((tx) =>
    appendAudit(tx, { kind: "audit.verified", actorId: actor.userId, data: { ok: report.ok, problem: report.problem } }, { subject: "audit" }),
  );
  return report;
}
