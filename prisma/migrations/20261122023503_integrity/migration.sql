-- CreateTable
CREATE TABLE "Session" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),
    "endReason" TEXT,
    "ip" TEXT,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditCheckpoint" (
    "id" BIGSERIAL NOT NULL,
    "eventId" BIGINT NOT NULL,
    "eventHash" TEXT NOT NULL,
    "signedAt" TIMESTAMP(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "prevSignature" TEXT,
    "signature" TEXT NOT NULL,

    CONSTRAINT "AuditCheckpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditVerification" (
    "id" UUID NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3) NOT NULL,
    "ok" BOOLEAN NOT NULL,
    "eventsChecked" INTEGER NOT NULL,
    "recordsChecked" INTEGER NOT NULL,
    "problem" TEXT,
    "source" TEXT NOT NULL,
    "actorId" UUID,

    CONSTRAINT "AuditVerification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FileRead" (
    "fileId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "day" DATE NOT NULL,

    CONSTRAINT "FileRead_pkey" PRIMARY KEY ("fileId","userId","day")
);

-- CreateIndex
CREATE INDEX "Session_userId_endedAt_idx" ON "Session"("userId", "endedAt");

-- CreateIndex
CREATE INDEX "AuditCheckpoint_eventId_idx" ON "AuditCheckpoint"("eventId");

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written. (Semicolons in bodies are \073: the runner splits at them.)
-- A file joins or leaves a version only while that version is a draft. The version row is locked
-- (FOR SHARE) so a concurrent submission, which locks it FOR UPDATE, waits for the file or sees it refused.
CREATE OR REPLACE FUNCTION attest_frozen_evidence_file() RETURNS trigger LANGUAGE plpgsql AS E'DECLARE submitted timestamp(3)\073 BEGIN SELECT v."submittedAt" INTO submitted FROM "EvidenceVersion" v WHERE v.id = COALESCE(NEW."versionId", OLD."versionId") FOR SHARE\073 IF submitted IS NOT NULL THEN RAISE EXCEPTION ''files of a submitted evidence version cannot change'' USING ERRCODE = ''55000''\073 END IF\073 IF TG_OP = ''DELETE'' THEN RETURN OLD\073 END IF\073 RETURN NEW\073 END\073';

-- Signatures, checkpoints and check results are never changed or removed.
CREATE TRIGGER "PlanSignature_append_only" BEFORE UPDATE OR DELETE ON "PlanSignature" FOR EACH ROW EXECUTE FUNCTION attest_append_only();
CREATE TRIGGER "AuditCheckpoint_append_only" BEFORE UPDATE OR DELETE ON "AuditCheckpoint" FOR EACH ROW EXECUTE FUNCTION attest_append_only();
CREATE TRIGGER "AuditVerification_append_only" BEFORE UPDATE OR DELETE ON "AuditVerification" FOR EACH ROW EXECUTE FUNCTION attest_append_only();

-- A unit sign-off: the assessor's part never changes, and the learner's countersignature is added once.
CREATE FUNCTION attest_sign_off_once() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN IF TG_OP = ''DELETE'' THEN RAISE EXCEPTION ''UnitSignOff cannot be deleted''\073 END IF\073 IF NEW."enrolmentId" IS DISTINCT FROM OLD."enrolmentId" OR NEW."assessorId" IS DISTINCT FROM OLD."assessorId" OR NEW."assessorTypedName" IS DISTINCT FROM OLD."assessorTypedName" OR NEW."summativeComment" IS DISTINCT FROM OLD."summativeComment" OR NEW."assessorSignedAt" IS DISTINCT FROM OLD."assessorSignedAt" OR NEW."contentHash" IS DISTINCT FROM OLD."contentHash" OR OLD."learnerSignedAt" IS NOT NULL THEN RAISE EXCEPTION ''UnitSignOff % is signed and cannot change'', OLD.id\073 END IF\073 RETURN NEW\073 END\073';
CREATE TRIGGER "UnitSignOff_signed_once" BEFORE UPDATE OR DELETE ON "UnitSignOff" FOR EACH ROW EXECUTE FUNCTION attest_sign_off_once();
