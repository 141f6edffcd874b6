import { z } from "zod";
import type { RoleName } from "@/lib/roles";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import { NotFoundError, administeredCentre } from "@/server/policy";

export const PEOPLE_PAGE_SIZE = 25;

export type PersonStatus = "invited" | "active" | "deactivated";

/** Invited: has not chosen a password yet. Deactivated wins over both. */
export const statusOf = (u: { active: boolean; passwordHash: string | null }): PersonStatus =>
  !u.active ? "deactivated" : u.passwordHash ? "active" : "invited";

const current = (now: Date) => ({ OR: [{ endsAt: null }, { endsAt: { gt: now } }] });

const listQuery = z.object({
  q: z.string().trim().max(120).catch(""),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

/** A page of the people who hold, or held, a role in the centre, by name; `q` finds by name or email. */
export async function listPeople(actor: Actor, requestedCentre: string | null | undefined, query: { q?: unknown; page?: unknown }, now = new Date()) {
  const centreId = administeredCentre(actor, "administer:account", requestedCentre);
  const { q, page } = listQuery.parse(query);
  const where: Prisma.UserWhereInput = {
    roleGrants: { some: { centreId } },
    ...(q ? { OR: [{ name: { contains: q, mode: "insensitive" } }, { email: { contains: q, mode: "insensitive" } }] } : {}),
  };
  const [rows, total] = await Promise.all([
    db.user.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (page - 1) * PEOPLE_PAGE_SIZE,
      take: PEOPLE_PAGE_SIZE,
      select: {
        id: true,
        name: true,
        email: true,
        active: true,
        passwordHash: true,
        roleGrants: { where: { centreId, ...current(now) }, select: { role: true }, orderBy: { role: "asc" } },
      },
    }),
    db.user.count({ where }),
  ]);
  return {
    centreId,
    q,
    page,
    pages: Math.max(1, Math.ceil(total / PEOPLE_PAGE_SIZE)),
    total,
    rows: rows.map((u) => ({ id: u.id, name: u.name, email: u.email, status: statusOf(u), roles: u.roleGrants.map((g) => g.role as RoleName) })),
  };
}

/**
 * One person as their centre's admin sees them: their roles there (current and ended), whether
 * an invitation is waiting, and the centre's audit events about them. "Not found" for anyone who
 * never held a role in a centre the actor administers.
 */
export async function personInCentre(actor: Actor, requestedCentre: string | null | undefined, userId: string, now = new Date()) {
  const centreId = administeredCentre(actor, "administer:account", requestedCentre);
  if (!z.uuid().safeParse(userId).success) throw new NotFoundError();
  const user = await db.user.findFirst({
    where: { id: userId, roleGrants: { some: { centreId } } },
    select: {
      id: true,
      name: true,
      email: true,
      active: true,
      passwordHash: true,
      lastSignInAt: true,
      createdAt: true,
      roleGrants: { where: { centreId }, select: { role: true, startsAt: true, endsAt: true, createdAt: true }, orderBy: { role: "asc" } },
      passwordTokens: { where: { purpose: "INVITE", usedAt: null, expiresAt: { gt: now } }, select: { expiresAt: true }, take: 1 },
    },
  });
  if (!user) throw new NotFoundError();
  const history = await db.auditEvent.findMany({
    where: { centreId, subject: `user:${userId}` },
    orderBy: { id: "desc" },
    take: 20,
    select: { id: true, at: true, kind: true, data: true, actor: { select: { name: true } } },
  });
  const isCurrent = (g: { endsAt: Date | null }) => !g.endsAt || g.endsAt > now;
  return {
    centreId,
    person: { id: user.id, name: user.name, email: user.email, status: statusOf(user), lastSignInAt: user.lastSignInAt, createdAt: user.createdAt },
    roles: user.roleGrants.filter(isCurrent).map((g) => ({ role: g.role as RoleName, since: g.startsAt ?? g.createdAt, until: g.endsAt })),
    endedRoles: user.roleGrants.filter((g) => !isCurrent(g)).map((g) => ({ role: g.role as RoleName, ended: g.endsAt as Date })),
    invitationExpiresAt: user.passwordTokens[0]?.expiresAt ?? null,
    history: history.map((e) => ({
      id: String(e.id),
      at: e.at,
      kind: e.kind,
      by: e.actor?.name ?? "the command line",
      data: e.data as Record<string, unknown>,
    })),
    isSelf: user.id === actor.userId,
  };
}
