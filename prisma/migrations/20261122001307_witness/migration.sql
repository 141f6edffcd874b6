-- CreateEnum
CREATE TYPE "WitnessOutcome" AS ENUM ('CONFIRMED', 'DECLINED');

-- CreateTable
CREATE TABLE "WitnessRequest" (
    "id" UUID NOT NULL,
    "centreId" UUID NOT NULL,
    "evidenceId" UUID NOT NULL,
    "requestedById" UUID NOT NULL,
    "witnessName" TEXT NOT NULL,
    "witnessEmail" TEXT NOT NULL,
    "jobRole" TEXT NOT NULL,
    "relationship" TEXT NOT NULL,
    "statement" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "respondedAt" TIMESTAMP(3),
    "outcome" "WitnessOutcome",
    "confirmedName" TEXT,
    "responseIp" TEXT,

    CONSTRAINT "WitnessRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxEmail" (
    "id" UUID NOT NULL,
    "centreId" UUID,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxEmail_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "WitnessRequest_tokenHash_key" ON "WitnessRequest"("tokenHash");

-- CreateIndex
CREATE INDEX "WitnessRequest_evidenceId_idx" ON "WitnessRequest"("evidenceId");

-- CreateIndex
CREATE INDEX "OutboxEmail_centreId_createdAt_idx" ON "OutboxEmail"("centreId", "createdAt");
