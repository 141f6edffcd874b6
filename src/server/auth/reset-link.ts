import { z } from "zod";
import { email } from "@/lib/input";
import { appendAudit } from "@/server/audit/append";
import { issuePasswordLink } from "@/server/centre/password-links";
import type { Db } from "@/server/db/client";
import { UserFacingError, parseInput } from "@/server/errors";

/**
 * A new set-password link for an account, for the operators' command line (a person locked out
 * whose email does not arrive). Earlier unused links stop working. A deactivated account gets
 * none: reactivating is the centre's decision.
 */
export async function operatorResetLink(
  db: Db,
  input: unknown,
  now = new Date(),
): Promise<{ url: string; expiresAt: Date; name: string; purpose: "INVITE" | "RESET" }> {
  const address = parseInput(z.object({ email: email("Give the account's email address") }), input).email;
  return db.$transaction(async (tx) => {
    const [user] = await tx.$queryRaw<{ id: string; name: string; active: boolean; hasPassword: boolean }[]>`
      SELECT id::text, name, active, "passwordHash" IS NOT NULL AS "hasPassword" FROM "User" WHERE email = ${address} FOR UPDATE`;
    if (!user) throw new UserFacingError(`There is no account with the email address ${address}.`);
    if (!user.active) throw new UserFacingError(`The account of ${address} is deactivated. A centre admin can reactivate it first.`);
    const purpose = user.hasPassword ? "RESET" : "INVITE";
    const link = await issuePasswordLink(tx, { userId: user.id, purpose, createdById: null }, now);
    await appendAudit(tx, { kind: "password_link.issued", actorId: null, data: { userId: user.id, purpose, via: "cli" } }, { subject: `user:${user.id}` });
    return { ...link, name: user.name, purpose };
  });
}
