import type { RoleName } from "../../lib/roles";
import type { Actor } from "../auth/actor";
import type { Prisma } from "../db/generated/client";

// Who may do what. Everything not granted here is refused (fails closed).
export type Action =
  | "unit.read" // browse the unit catalogue
  | "home.learner"
  | "home.assessor"
  | "home.iqa"
  | "home.verifier"
  | "centre.administer" // users, roles, enrolments of one centre
  | "integrity.check"; // the installation's audit chain and signed records: any centre admin

export class NotFoundError extends Error {
  constructor(message = "Not found") {
    super(message);
    this.name = "NotFoundError";
  }
}
export class UnauthenticatedError extends Error {
  constructor() {
    super("Sign in to continue");
    this.name = "UnauthenticatedError";
  }
}

export const centresWhere = (actor: Actor, role: RoleName): string[] => [...new Set(actor.grants.filter((g) => g.role === role).map((g) => g.centreId))];
export const hasRole = (actor: Actor, role: RoleName, centreId?: string) => actor.grants.some((g) => g.role === role && (centreId === undefined || g.centreId === centreId));

export function can(actor: Actor, action: Action, resource: { centreId?: string } = {}): boolean {
  if (!actor) return false;
  switch (action) {
    case "unit.read":
      return actor.grants.length > 0;
    case "home.learner":
      return hasRole(actor, "LEARNER");
    case "home.assessor":
      return hasRole(actor, "ASSESSOR");
    case "home.iqa":
      return hasRole(actor, "IQA");
    case "home.verifier":
      return hasRole(actor, "EXTERNAL_VERIFIER");
    case "integrity.check":
      return hasRole(actor, "CENTRE_ADMIN");
    case "centre.administer":
      return resource.centreId !== undefined && hasRole(actor, "CENTRE_ADMIN", resource.centreId);
    default:
      return false;
  }
}

/** Throws for a signed-out visitor, and "not found" for an actor without the right. */
export function authorize(actor: Actor, action: Action, resource: { centreId?: string } = {}): asserts actor is Actor {
  if (!actor) throw new UnauthenticatedError();
  if (!can(actor, action, resource)) throw new NotFoundError();
}

const nothing = { id: { in: [] as string[] } };

/** The enrolments an actor may read: their own as a learner, their caseload, their IQA sample, their centre. */
export function enrolmentScope(actor: Actor): Prisma.EnrolmentWhereInput {
  const or: Prisma.EnrolmentWhereInput[] = [];
  const learnerCentres = centresWhere(actor, "LEARNER");
  if (learnerCentres.length) or.push({ learnerId: actor.userId, centreId: { in: learnerCentres } });
  const assessorCentres = centresWhere(actor, "ASSESSOR");
  if (assessorCentres.length) or.push({ assessorId: actor.userId, centreId: { in: assessorCentres } });
  const iqaCentres = centresWhere(actor, "IQA");
  if (iqaCentres.length) or.push({ iqaId: actor.userId, centreId: { in: iqaCentres } });
  const wholeCentres = [...centresWhere(actor, "CENTRE_ADMIN"), ...centresWhere(actor, "EXTERNAL_VERIFIER")];
  if (wholeCentres.length) or.push({ centreId: { in: wholeCentres } });
  return or.length ? { OR: or } : nothing;
}

/** The user accounts an actor may list: those holding a role in a centre they administer. */
export function userScope(actor: Actor, centreId: string): Prisma.UserWhereInput {
  if (!hasRole(actor, "CENTRE_ADMIN", centreId)) return nothing;
  return { roleGrants: { some: { centreId } } };
}

/** The centres where the actor may manage this user's account: those they administer where the user holds a role. */
export function manageableCentres(actor: Actor, userCentreIds: string[]): string[] {
  const administered = new Set(centresWhere(actor, "CENTRE_ADMIN"));
  return [...new Set(userCentreIds)].filter((c) => administered.has(c)).sort();
}
