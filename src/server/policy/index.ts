// Who may do what, in one place: the permissions of each role (permissions.ts), the check on one
// resource (can.ts), the same rule as query scopes (scopes.ts) and the loaders (resources.ts).
export { type Access, type Grantable, type Permission, accesses, allPermissions, rolePermissions } from "./permissions";
export { type Subject, assertHolds, authorize, can, centresAllowing, grantsAllowing, holds, manageableCentres, permissionsOn, relationsTo } from "./can";
export { type ScopedPermission, scope, scopedPermissions } from "./scopes";
export {
  assessedEnrolment,
  editableEvidence,
  enrolmentAllowing,
  enrolmentSubject,
  evidenceAllowing,
  evidenceSubject,
  readableEnrolment,
  readableEvidence,
  submittableEvidence,
  withdrawableEvidence,
} from "./resources";
export { NotFoundError, UnauthenticatedError } from "./refusals";
export { administeredCentre, centreAmong } from "./administered-centre";
