import { formatDateTime } from "@/lib/format";
import { operatorResetLink } from "@/server/auth/reset-link";
import type { Db } from "@/server/db/client";
import { UserFacingError } from "@/server/errors";
import { type Io, UsageError } from "./io";

export const userResetLinkUsage = "user reset-link <email>";

/** `user reset-link <email>`: prints a new single-use set-password link for the account. */
export async function userResetLink(db: Db, args: string[], io: Io, now = new Date()): Promise<number> {
  if (args.length !== 1 || args[0]?.startsWith("-")) throw new UsageError("Give one email address.");
  try {
    const link = await operatorResetLink(db, { email: args[0] }, now);
    io.out(`A new link for ${link.name} to choose a password (it works once, until ${formatDateTime(link.expiresAt)} UK time; earlier links no longer work):`);
    io.out(link.url);
    return 0;
  } catch (e) {
    if (!(e instanceof UserFacingError)) throw e;
    io.err(e.fields.email ? `${e.fields.email}: "${args[0]}"` : e.message);
    return e.fields.email ? 2 : 1;
  }
}
