-- CreateEnum
CREATE TYPE "EvidenceStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "EvidenceKind" AS ENUM ('FILES', 'IN_PLACE');

-- CreateEnum
CREATE TYPE "CriterionState" AS ENUM ('NOT_STARTED', 'EVIDENCE_SUBMITTED', 'MET', 'NOT_YET_MET');

-- CreateEnum
CREATE TYPE "SignerRole" AS ENUM ('LEARNER', 'ASSESSOR');

-- CreateEnum
CREATE TYPE "DecisionOutcome" AS ENUM ('MET', 'NOT_YET_MET');

-- CreateTable
CREATE TABLE "AssessmentPlan" (
    "id" UUID NOT NULL,
    "centreId" UUID NOT NULL,
    "enrolmentId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AssessmentPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssessmentPlanVersion" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "contentHash" TEXT NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AssessmentPlanVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanItem" (
    "id" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "method" "AssessmentMethod" NOT NULL,
    "task" TEXT NOT NULL,
    "targetDate" DATE NOT NULL,

    CONSTRAINT "PlanItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanItemCriterion" (
    "itemId" UUID NOT NULL,
    "criterionId" UUID NOT NULL,

    CONSTRAINT "PlanItemCriterion_pkey" PRIMARY KEY ("itemId","criterionId")
);

-- CreateTable
CREATE TABLE "PlanSignature" (
    "id" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "role" "SignerRole" NOT NULL,
    "typedName" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "signedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlanSignature_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Evidence" (
    "id" UUID NOT NULL,
    "centreId" UUID NOT NULL,
    "learnerId" UUID NOT NULL,
    "status" "EvidenceStatus" NOT NULL DEFAULT 'DRAFT',
    "title" TEXT NOT NULL,
    "method" "AssessmentMethod" NOT NULL,
    "activityFrom" DATE NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvidenceVersion" (
    "id" UUID NOT NULL,
    "evidenceId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "account" TEXT NOT NULL,
    "method" "AssessmentMethod" NOT NULL,
    "activityFrom" DATE NOT NULL,
    "activityTo" DATE,
    "kind" "EvidenceKind" NOT NULL,
    "location" TEXT,
    "holder" TEXT,
    "confidential" BOOLEAN,
    "relevance" TEXT,
    "workplaceDeclared" BOOLEAN NOT NULL DEFAULT false,
    "ownWorkDeclared" BOOLEAN NOT NULL DEFAULT false,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submittedAt" TIMESTAMP(3),
    "contentHash" TEXT,

    CONSTRAINT "EvidenceVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoredBlob" (
    "sha256" TEXT NOT NULL,
    "size" BIGINT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoredBlob_pkey" PRIMARY KEY ("sha256")
);

-- CreateTable
CREATE TABLE "EvidenceFile" (
    "id" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "sha256" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "size" BIGINT NOT NULL,
    "position" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvidenceFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvidenceLink" (
    "id" UUID NOT NULL,
    "evidenceId" UUID NOT NULL,
    "enrolmentId" UUID NOT NULL,
    "criterionId" UUID NOT NULL,
    "note" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removedAt" TIMESTAMP(3),

    CONSTRAINT "EvidenceLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvidenceScopeLink" (
    "id" UUID NOT NULL,
    "evidenceId" UUID NOT NULL,
    "enrolmentId" UUID NOT NULL,
    "scopeOptionId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removedAt" TIMESTAMP(3),

    CONSTRAINT "EvidenceScopeLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CriterionJudgement" (
    "id" UUID NOT NULL,
    "enrolmentId" UUID NOT NULL,
    "criterionId" UUID NOT NULL,
    "state" "CriterionState" NOT NULL DEFAULT 'NOT_STARTED',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CriterionJudgement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Decision" (
    "id" UUID NOT NULL,
    "enrolmentId" UUID NOT NULL,
    "criterionId" UUID NOT NULL,
    "outcome" "DecisionOutcome" NOT NULL,
    "feedback" TEXT NOT NULL,
    "assessorId" UUID NOT NULL,
    "typedName" TEXT NOT NULL,
    "signatureHash" TEXT NOT NULL,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DecisionEvidence" (
    "decisionId" UUID NOT NULL,
    "evidenceVersionId" UUID NOT NULL,
    "contentHash" TEXT NOT NULL,

    CONSTRAINT "DecisionEvidence_pkey" PRIMARY KEY ("decisionId","evidenceVersionId")
);

-- CreateTable
CREATE TABLE "Comment" (
    "id" UUID NOT NULL,
    "evidenceId" UUID NOT NULL,
    "parentId" UUID,
    "authorId" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "centreId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "link" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AssessmentPlan_enrolmentId_key" ON "AssessmentPlan"("enrolmentId");

-- CreateIndex
CREATE INDEX "AssessmentPlan_centreId_idx" ON "AssessmentPlan"("centreId");

-- CreateIndex
CREATE UNIQUE INDEX "AssessmentPlanVersion_planId_version_key" ON "AssessmentPlanVersion"("planId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "PlanItem_versionId_position_key" ON "PlanItem"("versionId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "PlanSignature_versionId_role_key" ON "PlanSignature"("versionId", "role");

-- CreateIndex
CREATE INDEX "Evidence_centreId_learnerId_status_idx" ON "Evidence"("centreId", "learnerId", "status");

-- CreateIndex
CREATE INDEX "Evidence_learnerId_activityFrom_idx" ON "Evidence"("learnerId", "activityFrom");

-- CreateIndex
CREATE UNIQUE INDEX "EvidenceVersion_evidenceId_version_key" ON "EvidenceVersion"("evidenceId", "version");

-- CreateIndex
CREATE INDEX "EvidenceFile_versionId_idx" ON "EvidenceFile"("versionId");

-- CreateIndex
CREATE INDEX "EvidenceFile_sha256_idx" ON "EvidenceFile"("sha256");

-- CreateIndex
CREATE INDEX "EvidenceLink_evidenceId_idx" ON "EvidenceLink"("evidenceId");

-- CreateIndex
CREATE INDEX "EvidenceLink_enrolmentId_criterionId_idx" ON "EvidenceLink"("enrolmentId", "criterionId");

-- CreateIndex
CREATE INDEX "EvidenceScopeLink_evidenceId_idx" ON "EvidenceScopeLink"("evidenceId");

-- CreateIndex
CREATE INDEX "EvidenceScopeLink_enrolmentId_idx" ON "EvidenceScopeLink"("enrolmentId");

-- CreateIndex
CREATE UNIQUE INDEX "CriterionJudgement_enrolmentId_criterionId_key" ON "CriterionJudgement"("enrolmentId", "criterionId");

-- CreateIndex
CREATE INDEX "Decision_enrolmentId_criterionId_decidedAt_idx" ON "Decision"("enrolmentId", "criterionId", "decidedAt");

-- CreateIndex
CREATE INDEX "DecisionEvidence_evidenceVersionId_idx" ON "DecisionEvidence"("evidenceVersionId");

-- CreateIndex
CREATE INDEX "Comment_evidenceId_createdAt_idx" ON "Comment"("evidenceId", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt");

-- AddForeignKey
ALTER TABLE "AssessmentPlan" ADD CONSTRAINT "AssessmentPlan_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentPlanVersion" ADD CONSTRAINT "AssessmentPlanVersion_planId_fkey" FOREIGN KEY ("planId") REFERENCES "AssessmentPlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanItem" ADD CONSTRAINT "PlanItem_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "AssessmentPlanVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanItemCriterion" ADD CONSTRAINT "PlanItemCriterion_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "PlanItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanItemCriterion" ADD CONSTRAINT "PlanItemCriterion_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "Criterion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanSignature" ADD CONSTRAINT "PlanSignature_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "AssessmentPlanVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanSignature" ADD CONSTRAINT "PlanSignature_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceVersion" ADD CONSTRAINT "EvidenceVersion_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "Evidence"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceFile" ADD CONSTRAINT "EvidenceFile_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "EvidenceVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceFile" ADD CONSTRAINT "EvidenceFile_sha256_fkey" FOREIGN KEY ("sha256") REFERENCES "StoredBlob"("sha256") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceLink" ADD CONSTRAINT "EvidenceLink_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "Evidence"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceLink" ADD CONSTRAINT "EvidenceLink_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceLink" ADD CONSTRAINT "EvidenceLink_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "Criterion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceScopeLink" ADD CONSTRAINT "EvidenceScopeLink_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "Evidence"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceScopeLink" ADD CONSTRAINT "EvidenceScopeLink_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceScopeLink" ADD CONSTRAINT "EvidenceScopeLink_scopeOptionId_fkey" FOREIGN KEY ("scopeOptionId") REFERENCES "ScopeOption"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CriterionJudgement" ADD CONSTRAINT "CriterionJudgement_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CriterionJudgement" ADD CONSTRAINT "CriterionJudgement_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "Criterion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DecisionEvidence" ADD CONSTRAINT "DecisionEvidence_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DecisionEvidence" ADD CONSTRAINT "DecisionEvidence_evidenceVersionId_fkey" FOREIGN KEY ("evidenceVersionId") REFERENCES "EvidenceVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "Evidence"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Comment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written. A claim is active once: one live link per item and criterion, and per item and scope option.
CREATE UNIQUE INDEX "EvidenceLink_active_key" ON "EvidenceLink" ("evidenceId", "criterionId") WHERE "removedAt" IS NULL;
CREATE UNIQUE INDEX "EvidenceScopeLink_active_key" ON "EvidenceScopeLink" ("evidenceId", "scopeOptionId") WHERE "removedAt" IS NULL;

-- Submitted evidence never changes: its version row and its files are frozen. (Semicolons in bodies are \073: the runner splits at them.)
CREATE FUNCTION attest_frozen_evidence_version() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN IF OLD."submittedAt" IS NOT NULL THEN RAISE EXCEPTION ''EvidenceVersion % was submitted and cannot change'', OLD.id\073 END IF\073 IF TG_OP = ''DELETE'' THEN RETURN OLD\073 END IF\073 RETURN NEW\073 END\073';
CREATE TRIGGER "EvidenceVersion_frozen" BEFORE UPDATE OR DELETE ON "EvidenceVersion" FOR EACH ROW EXECUTE FUNCTION attest_frozen_evidence_version();
CREATE FUNCTION attest_frozen_evidence_file() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN IF EXISTS (SELECT 1 FROM "EvidenceVersion" v WHERE v.id = COALESCE(NEW."versionId", OLD."versionId") AND v."submittedAt" IS NOT NULL) THEN RAISE EXCEPTION ''files of a submitted evidence version cannot change''\073 END IF\073 IF TG_OP = ''DELETE'' THEN RETURN OLD\073 END IF\073 RETURN NEW\073 END\073';
CREATE TRIGGER "EvidenceFile_frozen" BEFORE INSERT OR UPDATE OR DELETE ON "EvidenceFile" FOR EACH ROW EXECUTE FUNCTION attest_frozen_evidence_file();
