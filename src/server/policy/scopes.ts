import type { Actor } from "@/server/auth/actor";
import type { Prisma } from "@/server/db/generated/client";
import { type Access, type EntityOf, type Grantable, type Permission, accessesFor, allPermissions } from "./permissions";
import { must } from "@/lib/must";

// Each access as a where-clause on the rows of one model, for an actor in one centre: the same
// relations `relationsTo` works out for one loaded resource (can.ts), so a list and a check agree.
type Clauses<W> = Partial<Record<Exclude<Access, "any">, (me: string, centreId: string) => W>>;

const assessedHere = (me: string, centreId: string) => ({ learner: { enrolments: { some: { centreId, assessorId: me } } } });

const evidence: Clauses<Prisma.EvidenceWhereInput> = {
  own: (me, centreId) => ({ centreId, learnerId: me }),
  author: (me, centreId) => ({
    centreId,
    OR: [
      { authorId: null, learnerId: me },
      { authorId: me, ...assessedHere(me, centreId) },
    ],
  }),
  assessed: (me, centreId) => ({ centreId, ...assessedHere(me, centreId) }),
  sampled: (me, centreId) => ({ centreId, learner: { enrolments: { some: { centreId, iqaId: me } } } }),
  centre: (_, centreId) => ({ centreId }),
};

const enrolment: Clauses<Prisma.EnrolmentWhereInput> = {
  own: (me, centreId) => ({ centreId, learnerId: me }),
  assessed: (me, centreId) => ({ centreId, assessorId: me }),
  sampled: (me, centreId) => ({ centreId, iqaId: me }),
  centre: (_, centreId) => ({ centreId }),
};

// A user's account is in every centre where they hold a role.
const account: Clauses<Prisma.UserWhereInput> = { centre: (_, centreId) => ({ roleGrants: { some: { centreId } } }) };
const outbox: Clauses<Prisma.OutboxEmailWhereInput> = { centre: (_, centreId) => ({ centreId }) };

// The rows each entity's permissions are about: a testimony is asked about an item, a plan, a
// criterion's decision, a claim and a record are made through an enrolment.
const models = { evidence, testimony: evidence, enrolment, plan: enrolment, criterion: enrolment, claim: enrolment, record: enrolment, account, outbox };
type Models = typeof models;

export type ScopedPermission = { [P in Permission]: EntityOf<P> extends keyof Models ? P : never }[Permission];
/** The permissions a query can be scoped by: those about rows of a model. */
export const scopedPermissions = allPermissions.filter((p): p is ScopedPermission => must(p.split(":")[1], 'p.split(":")[1]') in models);
type WhereOf<P extends string> = Models[EntityOf<P> & keyof Models] extends Clauses<infer W> ? W : never;

const nothing = { id: { in: [] as string[] } };

/**
 * The rows the actor may do this to, as a Prisma where-clause; with an access named
 * ("read:enrolment:assessed"), only the rows they reach that way. Matches nothing when no role
 * they hold grants it.
 */
export function scope<P extends ScopedPermission | Extract<Grantable, `${ScopedPermission}:${string}`>>(actor: Actor, permission: P): WhereOf<P> {
  const [action, entity, only] = permission.split(":") as [string, keyof Models, Access | undefined];
  const clauses = models[entity] as Clauses<object>;
  const or: object[] = [];
  const seen = new Set<string>();
  for (const g of actor.grants) {
    for (const access of accessesFor(g.role, `${action}:${entity}` as Permission)) {
      if (only && access !== only) continue;
      if (access === "any") return {} as WhereOf<P>;
      const clause = clauses[access];
      if (!clause) throw new Error(`No scope for ${permission} at "${access}"`);
      const where = clause(actor.userId, g.centreId);
      const key = JSON.stringify(where);
      if (!seen.has(key)) or.push(where);
      seen.add(key);
    }
  }
  return (or.length ? { OR: or } : nothing) as WhereOf<P>;
}
