import type { Tx } from "@/server/db/client";
import type { Role } from "@/server/db/generated/client";

/** Of these users, the roles each holds in the centre now (active account, grant within its window). */
export async function rolesInCentre(tx: Tx, centreId: string, userIds: string[], now: Date): Promise<Map<string, Set<Role>>> {
  const wanted = [...new Set(userIds)];
  const held = new Map<string, Set<Role>>();
  if (!wanted.length) return held;
  const grants = await tx.roleGrant.findMany({
    where: {
      centreId,
      userId: { in: wanted },
      user: { active: true },
      OR: [{ startsAt: null }, { startsAt: { lte: now } }],
      AND: [{ OR: [{ endsAt: null }, { endsAt: { gt: now } }] }],
    },
    select: { userId: true, role: true },
  });
  for (const g of grants) held.set(g.userId, (held.get(g.userId) ?? new Set()).add(g.role));
  return held;
}

export const roleWords = { LEARNER: "a learner", ASSESSOR: "an assessor", IQA: "an internal quality assurer" } as const;
