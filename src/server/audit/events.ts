// Every kind of audit event Attest writes. Later capabilities add theirs here.
export type AuditEventInput =
  | { kind: "auth.sign_in"; actorId: string; data: { email: string } }
  | { kind: "auth.sign_in_failed"; actorId: string | null; data: { email: string; reason: "password" | "throttled" | "inactive" | "unknown_user" } }
  | { kind: "unit.published"; actorId: null; data: { code: string; version: number; contentHash: string; source: string } }
  | { kind: "demo.loaded"; actorId: null; data: { centres: string[] } };

export type AuditEventKind = AuditEventInput["kind"];

export type AuditContext = { centreId?: string | null; subject?: string | null; ip?: string | null };
