-- CreateEnum
CREATE TYPE "RiskLevel" AS ENUM ('LOW', 'MEDIUM', 'HIGH');

-- CreateEnum
CREATE TYPE "SampleStage" AS ENUM ('INTERIM', 'SUMMATIVE');

-- CreateEnum
CREATE TYPE "SamplePlanStatus" AS ENUM ('DRAFT', 'SIGNED');

-- AlterEnum
ALTER TYPE "CriterionState" ADD VALUE 'REOPENED';

-- DropIndex
DROP INDEX "UnitSignOff_enrolmentId_key";

-- AlterTable
ALTER TABLE "UnitSignOff" ADD COLUMN     "currentOfId" UUID,
ADD COLUMN     "unlockReason" TEXT,
ADD COLUMN     "unlockedAt" TIMESTAMP(3),
ADD COLUMN     "unlockedById" UUID;

-- CreateTable
CREATE TABLE "SamplingStrategy" (
    "id" UUID NOT NULL,
    "centreId" UUID NOT NULL,
    "unitCode" TEXT NOT NULL DEFAULT '',
    "learnersLow" INTEGER NOT NULL,
    "learnersMedium" INTEGER NOT NULL,
    "learnersHigh" INTEGER NOT NULL,
    "unitsLow" INTEGER NOT NULL,
    "unitsMedium" INTEGER NOT NULL,
    "unitsHigh" INTEGER NOT NULL,
    "interimPercent" INTEGER NOT NULL,
    "methods" "AssessmentMethod"[],
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" UUID,

    CONSTRAINT "SamplingStrategy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssessorRiskRating" (
    "id" UUID NOT NULL,
    "centreId" UUID NOT NULL,
    "assessorId" UUID NOT NULL,
    "unitCode" TEXT NOT NULL DEFAULT '',
    "method" "AssessmentMethod",
    "level" "RiskLevel" NOT NULL,
    "reason" TEXT NOT NULL,
    "reviewOn" DATE NOT NULL,
    "ratedById" UUID,
    "ratedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AssessorRiskRating_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SamplePlan" (
    "id" UUID NOT NULL,
    "centreId" UUID NOT NULL,
    "iqaId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "unitCode" TEXT NOT NULL DEFAULT '',
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "seed" INTEGER NOT NULL,
    "status" "SamplePlanStatus" NOT NULL DEFAULT 'DRAFT',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "signedAt" TIMESTAMP(3),
    "typedName" TEXT,
    "contentHash" TEXT,

    CONSTRAINT "SamplePlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SamplePlanItem" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "enrolmentId" UUID NOT NULL,
    "stage" "SampleStage" NOT NULL,
    "method" "AssessmentMethod",
    "criterionIds" UUID[],
    "reasons" TEXT[],
    "addedBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removedAt" TIMESTAMP(3),

    CONSTRAINT "SamplePlanItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IqaReview" (
    "id" UUID NOT NULL,
    "centreId" UUID NOT NULL,
    "planItemId" UUID,
    "enrolmentId" UUID NOT NULL,
    "iqaId" UUID NOT NULL,
    "stage" "SampleStage" NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "snapshot" JSONB NOT NULL,
    "snapshotHash" TEXT NOT NULL,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "IqaReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IqaVerdict" (
    "id" UUID NOT NULL,
    "reviewId" UUID NOT NULL,
    "decisionId" UUID,
    "signOffId" UUID,
    "assessorId" UUID NOT NULL,
    "agrees" BOOLEAN NOT NULL,
    "feedback" TEXT NOT NULL,
    "iqaId" UUID NOT NULL,
    "typedName" TEXT NOT NULL,
    "signatureHash" TEXT NOT NULL,
    "signedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IqaVerdict_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IqaAction" (
    "id" UUID NOT NULL,
    "centreId" UUID NOT NULL,
    "reviewId" UUID,
    "verdictId" UUID,
    "enrolmentId" UUID,
    "criterionId" UUID,
    "assessorId" UUID NOT NULL,
    "raisedById" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "detail" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,
    "raisedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),
    "closedById" UUID,
    "closingNote" TEXT,

    CONSTRAINT "IqaAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IqaActionResponse" (
    "id" UUID NOT NULL,
    "actionId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IqaActionResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CriterionReopening" (
    "id" UUID NOT NULL,
    "centreId" UUID NOT NULL,
    "enrolmentId" UUID NOT NULL,
    "criterionId" UUID NOT NULL,
    "fromRevision" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "actionId" UUID,
    "reopenedById" UUID NOT NULL,
    "reopenedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CriterionReopening_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SamplingStrategy_centreId_unitCode_key" ON "SamplingStrategy"("centreId", "unitCode");

-- CreateIndex
CREATE INDEX "AssessorRiskRating_centreId_assessorId_ratedAt_idx" ON "AssessorRiskRating"("centreId", "assessorId", "ratedAt");

-- CreateIndex
CREATE INDEX "SamplePlan_centreId_iqaId_periodStart_idx" ON "SamplePlan"("centreId", "iqaId", "periodStart");

-- CreateIndex
CREATE INDEX "SamplePlanItem_planId_idx" ON "SamplePlanItem"("planId");

-- CreateIndex
CREATE INDEX "SamplePlanItem_enrolmentId_idx" ON "SamplePlanItem"("enrolmentId");

-- CreateIndex
CREATE UNIQUE INDEX "IqaReview_planItemId_key" ON "IqaReview"("planItemId");

-- CreateIndex
CREATE INDEX "IqaReview_enrolmentId_idx" ON "IqaReview"("enrolmentId");

-- CreateIndex
CREATE INDEX "IqaReview_centreId_iqaId_openedAt_idx" ON "IqaReview"("centreId", "iqaId", "openedAt");

-- CreateIndex
CREATE INDEX "IqaVerdict_assessorId_signedAt_idx" ON "IqaVerdict"("assessorId", "signedAt");

-- CreateIndex
CREATE UNIQUE INDEX "IqaVerdict_reviewId_decisionId_key" ON "IqaVerdict"("reviewId", "decisionId");

-- CreateIndex
CREATE UNIQUE INDEX "IqaVerdict_reviewId_signOffId_key" ON "IqaVerdict"("reviewId", "signOffId");

-- CreateIndex
CREATE UNIQUE INDEX "IqaAction_verdictId_key" ON "IqaAction"("verdictId");

-- CreateIndex
CREATE INDEX "IqaAction_centreId_assessorId_closedAt_dueOn_idx" ON "IqaAction"("centreId", "assessorId", "closedAt", "dueOn");

-- CreateIndex
CREATE INDEX "IqaAction_raisedById_closedAt_idx" ON "IqaAction"("raisedById", "closedAt");

-- CreateIndex
CREATE INDEX "IqaActionResponse_actionId_createdAt_idx" ON "IqaActionResponse"("actionId", "createdAt");

-- CreateIndex
CREATE INDEX "CriterionReopening_enrolmentId_criterionId_reopenedAt_idx" ON "CriterionReopening"("enrolmentId", "criterionId", "reopenedAt");

-- CreateIndex
CREATE UNIQUE INDEX "UnitSignOff_currentOfId_key" ON "UnitSignOff"("currentOfId");

-- CreateIndex
CREATE INDEX "UnitSignOff_enrolmentId_idx" ON "UnitSignOff"("enrolmentId");

-- AddForeignKey
ALTER TABLE "UnitSignOff" ADD CONSTRAINT "UnitSignOff_currentOfId_fkey" FOREIGN KEY ("currentOfId") REFERENCES "Enrolment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SamplingStrategy" ADD CONSTRAINT "SamplingStrategy_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessorRiskRating" ADD CONSTRAINT "AssessorRiskRating_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SamplePlan" ADD CONSTRAINT "SamplePlan_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SamplePlanItem" ADD CONSTRAINT "SamplePlanItem_planId_fkey" FOREIGN KEY ("planId") REFERENCES "SamplePlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SamplePlanItem" ADD CONSTRAINT "SamplePlanItem_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IqaReview" ADD CONSTRAINT "IqaReview_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IqaReview" ADD CONSTRAINT "IqaReview_planItemId_fkey" FOREIGN KEY ("planItemId") REFERENCES "SamplePlanItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IqaReview" ADD CONSTRAINT "IqaReview_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IqaVerdict" ADD CONSTRAINT "IqaVerdict_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "IqaReview"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IqaAction" ADD CONSTRAINT "IqaAction_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IqaAction" ADD CONSTRAINT "IqaAction_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "IqaReview"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IqaAction" ADD CONSTRAINT "IqaAction_verdictId_fkey" FOREIGN KEY ("verdictId") REFERENCES "IqaVerdict"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IqaActionResponse" ADD CONSTRAINT "IqaActionResponse_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "IqaAction"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CriterionReopening" ADD CONSTRAINT "CriterionReopening_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A signed sign-off never changes: an IQA's unlock only ends it being current (issue 12).
CREATE OR REPLACE FUNCTION attest_sign_off_once() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN IF TG_OP = ''DELETE'' THEN RAISE EXCEPTION ''UnitSignOff cannot be deleted''\073 END IF\073 IF NEW."enrolmentId" IS DISTINCT FROM OLD."enrolmentId" OR NEW."assessorId" IS DISTINCT FROM OLD."assessorId" OR NEW."assessorTypedName" IS DISTINCT FROM OLD."assessorTypedName" OR NEW."summativeComment" IS DISTINCT FROM OLD."summativeComment" OR NEW."assessorSignedAt" IS DISTINCT FROM OLD."assessorSignedAt" OR NEW."contentHash" IS DISTINCT FROM OLD."contentHash" OR (OLD."learnerSignedAt" IS NOT NULL AND (NEW."learnerSignedAt" IS DISTINCT FROM OLD."learnerSignedAt" OR NEW."learnerTypedName" IS DISTINCT FROM OLD."learnerTypedName")) OR OLD."unlockedAt" IS NOT NULL OR (NEW."unlockedAt" IS NULL AND (NEW."unlockedById" IS NOT NULL OR NEW."unlockReason" IS NOT NULL)) OR (NEW."currentOfId" IS DISTINCT FROM OLD."currentOfId" AND NOT (NEW."currentOfId" IS NULL AND NEW."unlockedAt" IS NOT NULL)) OR (NEW."unlockedAt" IS NOT NULL AND (NEW."unlockedById" IS NULL OR NEW."unlockReason" IS NULL)) OR (NEW."unlockedAt" IS NOT NULL AND NEW."currentOfId" IS NOT NULL) THEN RAISE EXCEPTION ''UnitSignOff % is signed and cannot change'', OLD.id\073 END IF\073 RETURN NEW\073 END\073';

-- Every sign-off made so far is its enrolment's current one (set once, here, past the trigger that forbids it later).
ALTER TABLE "UnitSignOff" DISABLE TRIGGER "UnitSignOff_signed_once";
UPDATE "UnitSignOff" SET "currentOfId" = "enrolmentId";
ALTER TABLE "UnitSignOff" ENABLE TRIGGER "UnitSignOff_signed_once";
