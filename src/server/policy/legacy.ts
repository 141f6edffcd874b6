import type { RoleName } from "../../lib/roles";
import type { Actor } from "../auth/actor";
import type { Grantable } from "./permissions";

// Names app/ still uses until its pages ask with permissions (issue 8): the home of each role is
// offered to whoever holds the permission it lists. Nothing in src/server uses these.
export const legacyActions = {
  "home.learner": "read:enrolment:own",
  "home.assessor": "read:enrolment:assessed",
  "home.iqa": "read:enrolment:sampled",
  "home.verifier": "verify:centre:centre",
} as const satisfies Record<string, Grantable>;
export type LegacyAction = keyof typeof legacyActions;

/** @deprecated app/ only: use `centresAllowing(actor, permission)`. */
export const centresWhere = (actor: Actor, role: RoleName): string[] => [...new Set(actor.grants.filter((g) => g.role === role).map((g) => g.centreId))];
/** @deprecated app/ only: use `holds(actor, permission)`. */
export const hasRole = (actor: Actor, role: RoleName, centreId?: string) => actor.grants.some((g) => g.role === role && (centreId === undefined || g.centreId === centreId));
