import { db } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import { inviteInTx, sendInvitationMails } from "@/server/centre/invitations";
import { administeredCentre } from "@/server/policy";
import type { ApiAnswer, ApiRequest } from "./handler";
import { createUserBody, listUsersQuery } from "./schemas";

const page = (p: number, size: number, total: number) => ({ page: p, pageSize: size, total, pages: Math.max(1, Math.ceil(total / size)) });

/** GET /api/v1/users: the people holding a current role in the token's centre, by name, a page at a time. */
export async function listUsers(api: ApiRequest): Promise<ApiAnswer> {
  const q = api.query(listUsersQuery);
  const centreId = administeredCentre(api.caller.actor, "administer:account", api.caller.centreId);
  const now = new Date();
  const current: Prisma.RoleGrantWhereInput = {
    centreId,
    AND: [{ OR: [{ startsAt: null }, { startsAt: { lte: now } }] }, { OR: [{ endsAt: null }, { endsAt: { gt: now } }] }],
  };
  const where: Prisma.UserWhereInput = { roleGrants: { some: { ...current, ...(q.role ? { role: q.role } : {}) } } };
  const [total, users] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
      select: { id: true, name: true, email: true, active: true, roleGrants: { where: current, select: { role: true }, orderBy: { role: "asc" } } },
    }),
  ]);
  return {
    body: {
      data: users.map((u) => ({ id: u.id, name: u.name, email: u.email, active: u.active, roles: u.roleGrants.map((g) => g.role) })),
      ...page(q.page, q.pageSize, total),
    },
  };
}

/** POST /api/v1/users: invites a person to the centre with these roles (the invitation rules of src/server/centre/invitations). */
export async function createUser(api: ApiRequest): Promise<ApiAnswer> {
  const input = await api.body(createUserBody);
  const centreId = administeredCentre(api.caller.actor, "administer:account", api.caller.centreId);
  const result = await api.write(201, (tx) => inviteInTx(tx, { centreId, ...input, actorId: api.caller.actorId, via: "api" }));
  // A mail that fails to go leaves the invitation standing: the admin can resend it from the People page.
  const failed = await sendInvitationMails([result.mail]);
  return {
    status: 201,
    body: { id: result.userId, created: result.created, rolesAdded: result.rolesAdded, invitationSent: Boolean(result.mail) && failed.length === 0 },
  };
}

export { page as pageInfo };
