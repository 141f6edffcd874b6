import type { RoleName } from "@/lib/roles";
import type { Db } from "@/server/db/client";

export type Grant = { centreId: string; centreName: string; role: RoleName; endsAt: Date | null };
// signedInAt is when this session signed in (from its token), for signatures that need a recent sign-in.
export type Actor = { userId: string; email: string; name: string; grants: Grant[]; signedInAt?: Date };

/**
 * The acting user as the database says now: null when the user is gone or disabled.
 * Grants outside their window (an external verifier's access) are left out.
 */
export async function loadActor(db: Db, userId: string, now = new Date()): Promise<Actor | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      active: true,
      roleGrants: {
        where: {
          AND: [{ OR: [{ startsAt: null }, { startsAt: { lte: now } }] }, { OR: [{ endsAt: null }, { endsAt: { gt: now } }] }],
        },
        select: { role: true, centreId: true, endsAt: true, centre: { select: { name: true } } },
        orderBy: [{ centre: { name: "asc" } }, { role: "asc" }],
      },
    },
  });
  if (!user || !user.active) return null;
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    grants: user.roleGrants.map((g) => ({ centreId: g.centreId, centreName: g.centre.name, role: g.role, endsAt: g.endsAt })),
  };
}
