import type { Actor } from "@/server/auth/actor";
import { type Access, type Grantable, type Permission, accessesFor } from "./permissions";
import { NotFoundError } from "./refusals";
import { must } from "@/lib/must";

/**
 * What decides how an actor stands to a resource, loaded with it (see resources.ts). For an
 * evidence item, the assessors and IQAs are those of the learner's enrolments in its centre; for
 * an enrolment, its own assessor and IQA.
 */
export type Subject = {
  centreId: string;
  learnerId?: string;
  authorId?: string | null;
  assessorIds?: readonly (string | null)[];
  iqaIds?: readonly (string | null)[];
};

/** How the actor stands to the subject, by the facts alone; `can` adds the roles they hold there. */
export function relationsTo(actor: Actor, subject: Subject): Set<Access> {
  const me = actor.userId;
  const relations = new Set<Access>(["centre"]);
  if (subject.learnerId === me) relations.add("own");
  const assesses = Boolean(subject.assessorIds?.includes(me));
  if (assesses) relations.add("assessed");
  if (subject.iqaIds?.includes(me)) relations.add("sampled");
  if (subject.authorId ? subject.authorId === me && assesses : subject.learnerId === me) relations.add("author");
  return relations;
}

/**
 * Whether the actor may do this to the subject: a role they hold in the subject's centre grants
 * the permission at an access that describes how they stand to it, or a role they hold anywhere
 * grants it at `any`. Without a subject only `any` counts.
 */
export function can(actor: Actor, permission: Permission, subject?: Subject): boolean {
  const relations = subject ? relationsTo(actor, subject) : null;
  return actor.grants.some((g) => {
    const granted = accessesFor(g.role, permission);
    if (granted.includes("any")) return true;
    return relations !== null && g.centreId === must(subject, "subject").centreId && granted.some((a) => relations.has(a));
  });
}

/** The permissions of `list` the actor has on the subject: for the "can" flags a page shows. */
export function permissionsOn<P extends Permission>(actor: Actor, subject: Subject, list: readonly P[]): Set<P> {
  return new Set(list.filter((p) => can(actor, p, subject)));
}

/** NotFoundError unless the actor may: a refusal never says whether the thing exists. */
export function authorize(actor: Actor, permission: Permission, subject?: Subject, message?: string): void {
  if (!can(actor, permission, subject)) throw new NotFoundError(message);
}

/**
 * Whether a role the actor holds anywhere grants the permission (at this access, when named):
 * which homes and links to offer. It says nothing about any one resource.
 */
export function holds(actor: Actor, permission: Permission | Grantable): boolean {
  return actor.grants.some((g) => {
    const [action, entity, access] = permission.split(":");
    const granted = accessesFor(g.role, `${action}:${entity}` as Permission);
    return access ? granted.includes(access as Access) : granted.length > 0;
  });
}

export function assertHolds(actor: Actor, permission: Permission | Grantable): void {
  if (!holds(actor, permission)) throw new NotFoundError();
}

/** The actor's grants whose role grants the permission, in their order (by centre name). */
export function grantsAllowing(actor: Actor, permission: Permission): Actor["grants"] {
  return actor.grants.filter((g) => accessesFor(g.role, permission).length > 0);
}

/** The centres where a role the actor holds grants the permission, in the order of their grants. */
export function centresAllowing(actor: Actor, permission: Permission): string[] {
  return [...new Set(grantsAllowing(actor, permission).map((g) => g.centreId))];
}

/** Of the centres where a user holds a role, those where the actor may administer their account, sorted. */
export function manageableCentres(actor: Actor, userCentreIds: string[]): string[] {
  return [...new Set(userCentreIds)].filter((centreId) => can(actor, "administer:account", { centreId })).sort();
}
