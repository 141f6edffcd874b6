import type { AuditEventKind } from "./events";

/** Each kind of audit event in words, for the audit log's filter and list. A new kind must be named here. */
export const auditKindLabels = {
  "auth.sign_in": "Signed in",
  "auth.sign_out": "Signed out",
  "auth.password_changed": "Changed password",
  "auth.sign_in_failed": "Sign-in refused",
  "user.sessions_ended": "Signed a user out everywhere",
  "user.disabled": "Disabled an account",
  "user.enabled": "Enabled an account",
  "unit.published": "Published a unit version",
  "unit.draft_uploaded": "Uploaded a draft unit version",
  "unit.retired": "Retired a unit version",
  "centre.settings_changed": "Changed centre settings",
  "centre.closure_added": "Added non-working days",
  "centre.closure_removed": "Removed a non-working day",
  "demo.loaded": "Loaded the demo data",
  "evidence.created": "Created evidence",
  "evidence.updated": "Updated evidence",
  "evidence.revised": "Started a new version of evidence",
  "evidence.deleted": "Deleted a draft",
  "evidence.submitted": "Submitted evidence",
  "evidence.withdrawn": "Withdrew evidence",
  "evidence.file_added": "Added a file",
  "evidence.file_removed": "Removed a file",
  "evidence.mapped": "Mapped evidence to criteria",
  "evidence.file_read": "Opened a file",
  "export.csv_downloaded": "Downloaded a tracking matrix",
  "audit.verified": "Checked record integrity",
  "audit.exported": "Downloaded the audit log",
  "comment.added": "Added a comment",
  "decision.signed": "Signed an assessment decision",
  "claim.reviewed": "Reviewed a claim",
  "unit.signed_off": "Signed off a unit",
  "unit.countersigned": "Countersigned a unit",
  "witness.requested": "Requested witness testimony",
  "witness.responded": "A witness answered",
  "plan.saved": "Saved an assessment plan",
  "plan.signed": "Signed an assessment plan",
} satisfies Record<AuditEventKind, string>;

export const auditKinds = Object.keys(auditKindLabels).sort() as AuditEventKind[];

/** A kind in words; an older kind no longer written reads as itself. */
export const kindLabel = (kind: string) => (auditKindLabels as Record<string, string>)[kind] ?? kind;
