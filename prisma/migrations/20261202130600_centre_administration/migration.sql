-- CreateEnum
CREATE TYPE "PasswordTokenPurpose" AS ENUM ('INVITE', 'RESET');

-- AlterTable
ALTER TABLE "Centre" ADD COLUMN     "outboxAllowed" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "witnessLinkDays" INTEGER NOT NULL DEFAULT 14;

-- AlterTable
ALTER TABLE "Unit" ADD COLUMN     "publishedById" UUID,
ADD COLUMN     "retiredAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Enrolment" ADD COLUMN     "certificateNumber" TEXT,
ADD COLUMN     "certificatedOn" DATE,
ADD COLUMN     "withdrawalReason" TEXT,
ADD COLUMN     "withdrawnAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "CentreClosure" (
    "centreId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "CentreClosure_pkey" PRIMARY KEY ("centreId","day")
);

-- CreateTable
CREATE TABLE "PasswordToken" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "purpose" "PasswordTokenPurpose" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "PasswordToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" UUID NOT NULL,
    "centreId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiTokenWindow" (
    "tokenId" UUID NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ApiTokenWindow_pkey" PRIMARY KEY ("tokenId","windowStart")
);

-- CreateTable
CREATE TABLE "LearnerImport" (
    "id" UUID NOT NULL,
    "centreId" UUID NOT NULL,
    "createdById" UUID NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileHash" TEXT NOT NULL,
    "rows" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "appliedAt" TIMESTAMP(3),

    CONSTRAINT "LearnerImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EnrolmentAssignment" (
    "id" UUID NOT NULL,
    "enrolmentId" UUID NOT NULL,
    "role" "Role" NOT NULL,
    "userId" UUID,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMP(3),
    "assignedById" UUID,
    "reason" TEXT,

    CONSTRAINT "EnrolmentAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EnrolmentUnitChange" (
    "id" UUID NOT NULL,
    "enrolmentId" UUID NOT NULL,
    "fromUnitId" UUID NOT NULL,
    "toUnitId" UUID NOT NULL,
    "changedById" UUID,
    "reason" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EnrolmentUnitChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PasswordToken_tokenHash_key" ON "PasswordToken"("tokenHash");

-- CreateIndex
CREATE INDEX "PasswordToken_userId_usedAt_idx" ON "PasswordToken"("userId", "usedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_centreId_createdAt_idx" ON "ApiToken"("centreId", "createdAt");

-- CreateIndex
CREATE INDEX "LearnerImport_centreId_createdAt_idx" ON "LearnerImport"("centreId", "createdAt");

-- CreateIndex
CREATE INDEX "EnrolmentAssignment_enrolmentId_role_startedAt_idx" ON "EnrolmentAssignment"("enrolmentId", "role", "startedAt");

-- CreateIndex
CREATE INDEX "EnrolmentUnitChange_enrolmentId_at_idx" ON "EnrolmentUnitChange"("enrolmentId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_centreId_kind_at_idx" ON "AuditEvent"("centreId", "kind", "at");

-- AddForeignKey
ALTER TABLE "CentreClosure" ADD CONSTRAINT "CentreClosure_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PasswordToken" ADD CONSTRAINT "PasswordToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearnerImport" ADD CONSTRAINT "LearnerImport_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnrolmentAssignment" ADD CONSTRAINT "EnrolmentAssignment_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnrolmentUnitChange" ADD CONSTRAINT "EnrolmentUnitChange_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: the assignments enrolments already have start their history.
INSERT INTO "EnrolmentAssignment" ("id", "enrolmentId", "role", "userId", "startedAt")
SELECT gen_random_uuid(), "id", 'ASSESSOR', "assessorId", "createdAt" FROM "Enrolment" WHERE "assessorId" IS NOT NULL;
INSERT INTO "EnrolmentAssignment" ("id", "enrolmentId", "role", "userId", "startedAt")
SELECT gen_random_uuid(), "id", 'IQA', "iqaId", "createdAt" FROM "Enrolment" WHERE "iqaId" IS NOT NULL;
