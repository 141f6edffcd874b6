import { formatDateTime } from "@/lib/format";
import { createCentreWithAdmin } from "@/server/centre/create-centre";
import type { Db } from "@/server/db/client";
import { UserFacingError } from "@/server/errors";
import { type Io, UsageError, options, refusalLines } from "./io";

export const centreCreateUsage = 'centre create --name "<centre name>" --admin <email> [--admin-name "<name>"]';

/**
 * `centre create`: a centre and its first admin, with a set-password link printed for the admin.
 * Run again with the same name, it says the centre exists and gives the admin a fresh link while
 * they have not chosen a password.
 */
export async function centreCreate(db: Db, args: string[], io: Io, now = new Date()): Promise<number> {
  const o = options(args, ["name", "admin", "admin-name"]);
  if (!o.name || !o.admin) throw new UsageError("Give the centre's name (--name) and its first admin's email address (--admin).");
  const adminName = o["admin-name"] ?? o.admin.split("@")[0] ?? "";
  try {
    const { centre, centreCreated, admin } = await createCentreWithAdmin(db, { name: o.name, adminEmail: o.admin, adminName }, now);
    io.out(
      centreCreated
        ? `Created the centre "${centre.name}" (${centre.slug}).`
        : `The centre "${centre.name}" (${centre.slug}) already exists: nothing new was made.`,
    );
    const email = o.admin.trim().toLowerCase();
    if (admin.created) io.out(`Created the account of ${email} as its admin.`);
    else if (admin.rolesAdded.length) io.out(`${email} already had an account; they are now an admin of this centre.`);
    else io.out(`${email} is already an admin of this centre.`);
    if (admin.link) {
      io.out("");
      io.out(
        `Give ${email} this link to choose a password (it works once, until ${formatDateTime(admin.link.expiresAt)} UK time; earlier links no longer work):`,
      );
      io.out(admin.link.url);
    } else {
      io.out(`They already have a password and can sign in. If they have forgotten it: npm run attest -- user reset-link ${email}`);
    }
    return 0;
  } catch (e) {
    if (!(e instanceof UserFacingError)) throw e;
    for (const line of refusalLines(e, { name: "--name", adminEmail: "--admin", adminName: "--admin-name" })) io.err(line);
    io.err(`Usage: npm run attest -- ${centreCreateUsage}`);
    return 2;
  }
}
