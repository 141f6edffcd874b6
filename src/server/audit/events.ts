// Every kind of audit event Attest writes. Later capabilities add theirs here.
export type AuditEventInput =
  | { kind: "auth.sign_in"; actorId: string; data: { email: string; sessionId: string } }
  | { kind: "auth.sign_out"; actorId: string; data: { sessionId: string } }
  | { kind: "auth.password_changed"; actorId: string; data: { sessionsEnded: number } }
  | { kind: "user.sessions_ended"; actorId: string; data: { userId: string; sessionsEnded: number } }
  | { kind: "user.disabled"; actorId: string; data: { userId: string; sessionsEnded: number } }
  | { kind: "user.enabled"; actorId: string; data: { userId: string } }
  | {
      kind: "person.invited";
      actorId: string | null;
      data: { userId: string; email: string; roles: string[]; created: boolean; linkIssued: boolean; via: "web" | "cli" | "api" | "import" };
    }
  | { kind: "role.granted"; actorId: string | null; data: { userId: string; role: string; reason: string | null; via: "web" | "cli" | "api" | "import" } }
  | { kind: "role.ended"; actorId: string; data: { userId: string; role: string; reason: string } }
  | { kind: "person.deactivated"; actorId: string; data: { userId: string; reason: string; sessionsEnded: number } }
  | { kind: "person.reactivated"; actorId: string; data: { userId: string; reason: string | null } }
  | { kind: "password_link.issued"; actorId: string | null; data: { userId: string; purpose: "INVITE" | "RESET"; via: "web" | "cli" | "self" } }
  | { kind: "password_reset.requested"; actorId: null; data: { email: string; outcome: "sent" | "unknown" | "inactive" | "limit" } }
  | { kind: "auth.password_set"; actorId: string; data: { purpose: "INVITE" | "RESET"; sessionsEnded: number } }
  | { kind: "auth.signed_out_everywhere"; actorId: string; data: { sessionsEnded: number } }
  // API tokens and every request made with one (decision 0035).
  | { kind: "api_token.created"; actorId: string | null; data: { tokenId: string; name: string; prefix: string; expiresAt: string; via: "web" | "cli" } }
  | { kind: "api_token.revoked"; actorId: string; data: { tokenId: string; name: string } }
  | { kind: "api.request"; actorId: null; data: { tokenId: string; method: string; path: string; status: number } }
  | { kind: "centre.created"; actorId: string | null; data: { name: string; slug: string; via: "cli" } }
  | { kind: "auth.sign_in_failed"; actorId: string | null; data: { email: string; reason: "password" | "throttled" | "inactive" | "unknown_user" } }
  | { kind: "unit.published"; actorId: string | null; data: { code: string; version: number; contentHash: string; source: string } }
  | { kind: "unit.draft_uploaded"; actorId: string; data: { unitId: string; code: string; version: number; contentHash: string; source: string } }
  | { kind: "unit.retired"; actorId: string; data: { unitId: string; code: string; version: number } }
  | { kind: "centre.settings_changed"; actorId: string; data: { changes: Record<string, { from: number | boolean; to: number | boolean }> } }
  | { kind: "centre.closure_added"; actorId: string; data: { days: { day: string; name: string }[] } }
  | { kind: "centre.closure_removed"; actorId: string; data: { day: string; name: string } }
  | { kind: "audit.exported"; actorId: string; data: { filters: Record<string, string | null> } }
  | { kind: "demo.loaded"; actorId: null; data: { centres: string[] } }
  | { kind: "evidence.created" | "evidence.updated" | "evidence.revised" | "evidence.deleted"; actorId: string; data: { evidenceId: string; version: number } }
  | { kind: "evidence.submitted"; actorId: string; data: { evidenceId: string; version: number; contentHash: string; criteria: string[] } }
  | { kind: "evidence.withdrawn"; actorId: string; data: { evidenceId: string; version: number } }
  | {
      kind: "evidence.file_added";
      actorId: string;
      data: { evidenceId: string; version: number; fileId: string; sha256: string; size: number; mediaType: string };
    }
  | { kind: "evidence.file_removed"; actorId: string; data: { evidenceId: string; version: number; fileId: string; sha256: string } }
  | { kind: "evidence.mapped"; actorId: string; data: { evidenceId: string; added: string[]; removed: string[]; scopeAdded: string[]; scopeRemoved: string[] } }
  | { kind: "evidence.file_read"; actorId: string; data: { fileId: string; sha256: string; inline: boolean; range: boolean } }
  | { kind: "export.csv_downloaded"; actorId: string; data: { export: "tracking-matrix"; enrolmentId: string | null; learnerId: string | null; rows: number } }
  | { kind: "audit.verified"; actorId: string; data: { ok: boolean; problem: string | null } }
  | { kind: "comment.added"; actorId: string; data: { evidenceId: string; commentId: string; parentId: string | null } }
  | {
      kind: "decision.signed";
      actorId: string;
      data: { decisionId: string; enrolmentId: string; criterion: string; outcome: "MET" | "NOT_YET_MET"; signatureHash: string; evidenceVersions: string[] };
    }
  | { kind: "claim.reviewed"; actorId: string; data: { linkId: string; claim: "CONFIRMED" | "REJECTED" } }
  | { kind: "unit.signed_off"; actorId: string; data: { enrolmentId: string; contentHash: string } }
  | { kind: "unit.countersigned"; actorId: string; data: { enrolmentId: string; contentHash: string } }
  // Quality assurance reopens a criterion or unlocks a sign-off (decision 0040).
  | {
      kind: "quality.criterion_reopened";
      actorId: string;
      data: { reopeningId: string; enrolmentId: string; criterion: string; fromRevision: number; reason: string; actionId: string | null };
    }
  | { kind: "quality.signoff_unlocked"; actorId: string; data: { signOffId: string; enrolmentId: string; reason: string; wasCompleted: boolean } }
  | { kind: "witness.requested"; actorId: string; data: { requestId: string; evidenceId: string; witnessEmail: string; expiresAt: string } }
  | { kind: "witness.responded"; actorId: null; data: { requestId: string; outcome: "CONFIRMED" | "DECLINED"; confirmedName: string } }
  | { kind: "plan.saved"; actorId: string; data: { enrolmentId: string; version: number; contentHash: string } }
  | {
      kind: "plan.signed";
      actorId: string;
      data: { enrolmentId: string; version: number; role: "LEARNER" | "ASSESSOR"; contentHash: string; agreed: boolean };
    }
  // A centre admin's enrolments and learner imports (decision 0032).
  | {
      kind: "enrolment.created";
      actorId: string | null; // null: an API token made by the command line
      data: { enrolmentId: string; learnerId: string; unitId: string; assessorId: string | null; iqaId: string | null; startedAt: string; importId?: string };
    }
  | {
      kind: "enrolment.assessor_assigned" | "enrolment.iqa_assigned";
      actorId: string | null;
      data: { enrolmentId: string; from: string | null; to: string | null; reason: string | null };
    }
  | { kind: "enrolment.withdrawn"; actorId: string; data: { enrolmentId: string; reason: string } }
  | { kind: "enrolment.certificated"; actorId: string; data: { enrolmentId: string; certificateNumber: string; certificatedOn: string } }
  | {
      kind: "enrolment.unit_version_changed";
      actorId: string;
      data: {
        enrolmentId: string;
        fromUnitId: string;
        toUnitId: string;
        fromVersion: number;
        toVersion: number;
        reason: string;
        judgementsMoved: number;
        linksMoved: number;
        changedWording: string[];
        dropped: string[];
        added: string[];
      };
    }
  | { kind: "import.previewed"; actorId: string; data: { importId: string; fileName: string; fileHash: string; rows: number; errors: number } }
  // IQA reviews and actions (decision 0039).
  | {
      kind: "quality.review_opened";
      actorId: string;
      data: { reviewId: string; enrolmentId: string; planItemId: string | null; stage: string; snapshotHash: string; decisions: number };
    }
  | {
      kind: "quality.verdict_signed";
      actorId: string;
      data: { reviewId: string; verdictId: string; decisionId: string | null; signOffId: string | null; agrees: boolean; signatureHash: string };
    }
  | { kind: "quality.action_raised"; actorId: string; data: { actionId: string; reviewId: string; verdictId: string; assessorId: string; dueOn: string } }
  | { kind: "quality.review_completed"; actorId: string; data: { reviewId: string; verdicts: number; disagreements: number } }
  | { kind: "quality.action_responded"; actorId: string; data: { actionId: string; responseId: string } }
  | { kind: "quality.action_closed"; actorId: string; data: { actionId: string } }
  | {
      kind: "import.applied";
      actorId: string;
      data: { importId: string; learnersCreated: number; enrolled: number; reassigned: number; unchanged: number; skipped: number };
    }
  // Sample plans (issue 12, point 2; decision 0038).
  | {
      kind: "quality.plan_drawn";
      actorId: string;
      data: { planId: string; seed: number; items: number; periodStart: string; periodEnd: string; unitCode: string };
    }
  | { kind: "quality.plan_redrawn"; actorId: string; data: { planId: string; seed: number; removed: number; items: number } }
  | {
      kind: "quality.plan_item_added";
      actorId: string;
      data: { planId: string; itemId: string; enrolmentId: string; stage: string; method: string | null; note: string };
    }
  | { kind: "quality.plan_item_removed"; actorId: string; data: { planId: string; itemId: string; enrolmentId: string } }
  | { kind: "quality.plan_signed"; actorId: string; data: { planId: string; contentHash: string; items: number } }
  // The sampling strategy and assessors' risk ratings (issue 12, decisions 0036 and 0037).
  | {
      kind: "quality.strategy_changed";
      actorId: string;
      // unitCode "" is the centre's default; `removed`: a unit's override was removed (the centre's default applies).
      data: { unitCode: string; removed: boolean; changes: Record<string, { from: number | string[] | null; to: number | string[] | null }> };
    }
  | {
      kind: "quality.risk_rated";
      actorId: string;
      data: { ratingId: string; assessorId: string; unitCode: string | null; method: string | null; level: "LOW" | "MEDIUM" | "HIGH"; reviewOn: string };
    };

export type AuditEventKind = AuditEventInput["kind"];

export type AuditContext = { centreId?: string | null; subject?: string | null; ip?: string | null };
