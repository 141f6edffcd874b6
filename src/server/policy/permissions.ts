import type { RoleName } from "@/lib/roles";

/**
 * How an actor stands to a resource, always in the resource's centre (except `any`):
 * - own: it is theirs as a learner (their evidence, their enrolment);
 * - author: they write its drafts: the learner their own items; an assessor a record they wrote,
 *   while they assess the learner in that centre;
 * - assessed: they are the assessor of the enrolment, or of one of the learner's enrolments there;
 * - sampled: they are the IQA of the enrolment, or of one of the learner's enrolments there;
 * - centre: anything in a centre where they hold the role;
 * - any: anything, installation-wide, while they hold the role anywhere.
 */
export const accesses = ["own", "author", "assessed", "sampled", "centre", "any"] as const;
export type Access = (typeof accesses)[number];

/**
 * Who may do what: each role's permissions, `action:entity:access` (after epic-stack). A role has
 * a permission only through a grant of that role, and only in the grant's centre unless the access
 * is `any`. Everything not listed is refused. `update:evidence` covers all changes to a draft: its
 * fields, files and mapping, a new version, and deleting a draft that was never submitted.
 */
export const rolePermissions = {
  LEARNER: [
    "read:unit:any",
    "read:enrolment:own",
    "read:evidence:own",
    "create:evidence:own",
    "update:evidence:author",
    "withdraw:evidence:author",
    "submit:evidence:own", // their own items, and a record they countersign
    "comment:evidence:own",
    "request:testimony:own",
    "sign:plan:own",
    "countersign:enrolment:own",
  ],
  ASSESSOR: [
    "read:unit:any",
    "read:enrolment:assessed",
    "read:evidence:assessed",
    "create:record:assessed",
    "update:evidence:author",
    "withdraw:evidence:author",
    "comment:evidence:assessed",
    "request:testimony:assessed",
    "update:plan:assessed",
    "sign:plan:assessed",
    "decide:criterion:assessed",
    "review:claim:assessed",
    "signoff:enrolment:assessed",
    "respond:action:assessed", // an IQA's action on their own decisions
    "read:quality:assessed", // IQA samples and verdicts on their own decisions
  ],
  IQA: [
    "read:unit:any",
    "read:enrolment:sampled",
    "read:evidence:sampled",
    "sample:enrolment:sampled", // open a review, record verdicts, raise and close actions (never on their own decisions)
    "reopen:criterion:sampled",
    "unlock:enrolment:sampled", // unlock a signed-off unit, with a reason
    "plan:sample:centre", // draw, edit and sign their own sample plans in the centre
    "manage:strategy:centre", // the centre's sampling strategy
    "rate:assessor:centre", // assessors' risk ratings
    "read:quality:centre", // the centre's plans, coverage and reports
  ],
  CENTRE_ADMIN: [
    "read:unit:any",
    "read:enrolment:centre",
    "read:evidence:centre",
    "administer:account:centre", // people holding a role in the centre: invite, roles, sessions, enable, disable
    "administer:enrolment:centre", // enrol, assign, withdraw, certificate, move to another unit version
    "administer:centre:centre", // its settings, learner imports and API tokens
    "read:audit:centre", // the centre's audit log
    "publish:unit:any", // units are shared by every centre of the installation (docs/decisions)
    "read:outbox:centre",
    "manage:strategy:centre",
    "read:quality:centre",
    "check:integrity:any", // the audit chain and signed records belong to the whole installation
  ],
  EXTERNAL_VERIFIER: ["read:unit:any", "read:enrolment:centre", "verify:centre:centre"],
} as const satisfies Record<RoleName, readonly `${string}:${string}:${Access}`[]>;

/** A permission with the access it is granted at, as listed above: "read:evidence:own". */
export type Grantable = (typeof rolePermissions)[RoleName][number];
type WithoutAccess<G> = G extends `${infer A}:${infer E}:${string}` ? `${A}:${E}` : never;
/** A permission as asked for: "read:evidence". The access comes from how the actor stands to the resource. */
export type Permission = WithoutAccess<Grantable>;
export type EntityOf<P extends string> = P extends `${string}:${infer E}:${string}` ? E : P extends `${string}:${infer E}` ? E : never;

export const allPermissions = [
  ...new Set(
    Object.values(rolePermissions)
      .flat()
      .map((p) => p.replace(/:[^:]+$/, "")),
  ),
].sort() as Permission[];

/** The accesses at which a role holds a permission (none: it does not). */
export function accessesFor(role: RoleName, permission: Permission): Access[] {
  return (rolePermissions[role] as readonly string[]).filter((p) => p.startsWith(`${permission}:`)).map((p) => p.slice(permission.length + 1) as Access);
}
