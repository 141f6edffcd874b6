import { db } from "@/server/db/client";
import type { Actor } from "@/server/auth/actor";
import { assertTypedName } from "@/server/auth/typed-name";
import { verifyPassword } from "@/server/auth/password";
import type { Db } from "@/server/db/client";
import { UserFacingError } from "@/server/errors";

export const RECENT_SIGN_IN_MS = 5 * 60_000;

/**
 * A signature needs the signer's typed full name and a fresh proof that they are who the session
 * says: their password now, or a sign-in within the last few minutes.
 */
export async function confirmSigner(actor: Actor, typedName: string, password: string | undefined, signedInAt: Date | null, now = new Date()) {
  assertTypedName(actor, typedName);
  if (signedInAt && now.getTime() - signedInAt.getTime() < RECENT_SIGN_IN_MS) return;
  if (!password) throw new UserFacingError("Enter your password to confirm it is you signing.", { password: "Enter your password" });
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { passwordHash: true } });
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, password)))
    throw new UserFacingError("That password is not right, so nothing was signed.", { password: "Enter your password" });
}
