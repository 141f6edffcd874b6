import { z } from "zod";
import { email, text } from "@/lib/input";
import { appendAudit } from "@/server/audit/append";
import type { Db } from "@/server/db/client";
import { parseInput } from "@/server/errors";
import { type InvitationResult, inviteInTx } from "./invitations";

/** The centre's URL-safe name: "Northgate Training" → "northgate-training". */
export const slugOf = (name: string) =>
  name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);

export const newCentreSchema = z.object({
  name: text(120, "Give the centre's name (--name)").refine((n) => slugOf(n).length > 0, "Use letters or digits in the centre's name"),
  adminEmail: email("Give the first admin's email address (--admin)"),
  adminName: text(120, "Give the admin's name (--admin-name)"),
});

export type NewCentre = {
  centre: { id: string; name: string; slug: string };
  centreCreated: boolean;
  admin: InvitationResult;
};

/**
 * Creates a centre and makes `adminEmail` its admin (inviting them when new), for the operators'
 * command line. Run again with the same name it finds the same centre, so it never makes a
 * second one; the admin gets a fresh set-password link while they have no password.
 */
export async function createCentreWithAdmin(db: Db, input: unknown, now = new Date()): Promise<NewCentre> {
  const { name, adminEmail, adminName } = parseInput(newCentreSchema, input);
  const slug = slugOf(name);
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ id: string; name: string; slug: string; created: boolean }[]>`
      INSERT INTO "Centre" (id, slug, name, "createdAt") VALUES (gen_random_uuid(), ${slug}, ${name}, ${now})
      ON CONFLICT (slug) DO UPDATE SET slug = EXCLUDED.slug
      RETURNING id::text, name, slug, (xmax = 0) AS created`;
    if (!row) throw new Error("The centre was neither found nor created");
    if (row.created)
      await appendAudit(tx, { kind: "centre.created", actorId: null, data: { name, slug, via: "cli" } }, { centreId: row.id, subject: `centre:${row.id}` });
    const admin = await inviteInTx(tx, { centreId: row.id, name: adminName, email: adminEmail, roles: ["CENTRE_ADMIN"], actorId: null, via: "cli" }, now);
    return { centre: { id: row.id, name: row.name, slug: row.slug }, centreCreated: row.created, admin };
  });
}
