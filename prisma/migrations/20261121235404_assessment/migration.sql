-- CreateEnum
CREATE TYPE "ClaimStatus" AS ENUM ('CLAIMED', 'CONFIRMED', 'REJECTED');

-- AlterTable
ALTER TABLE "EvidenceLink" ADD COLUMN     "claim" "ClaimStatus" NOT NULL DEFAULT 'CLAIMED',
ADD COLUMN     "reviewedAt" TIMESTAMP(3),
ADD COLUMN     "reviewedById" UUID;

-- AlterTable
ALTER TABLE "CriterionJudgement" ADD COLUMN     "decisionId" UUID,
ADD COLUMN     "queuedAt" TIMESTAMP(3),
ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "stale" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Decision" ADD COLUMN     "centreId" UUID NOT NULL,
ADD COLUMN     "judgementRevision" INTEGER NOT NULL,
ALTER COLUMN "decidedAt" DROP DEFAULT;

-- CreateTable
CREATE TABLE "UnitSignOff" (
    "id" UUID NOT NULL,
    "enrolmentId" UUID NOT NULL,
    "assessorId" UUID NOT NULL,
    "assessorTypedName" TEXT NOT NULL,
    "summativeComment" TEXT NOT NULL,
    "assessorSignedAt" TIMESTAMP(3) NOT NULL,
    "contentHash" TEXT NOT NULL,
    "learnerTypedName" TEXT,
    "learnerSignedAt" TIMESTAMP(3),

    CONSTRAINT "UnitSignOff_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "UnitSignOff_enrolmentId_key" ON "UnitSignOff"("enrolmentId");

-- CreateIndex
CREATE INDEX "CriterionJudgement_enrolmentId_state_idx" ON "CriterionJudgement"("enrolmentId", "state");

-- CreateIndex
CREATE INDEX "Decision_centreId_assessorId_decidedAt_idx" ON "Decision"("centreId", "assessorId", "decidedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Decision_enrolmentId_criterionId_judgementRevision_key" ON "Decision"("enrolmentId", "criterionId", "judgementRevision");

-- AddForeignKey
ALTER TABLE "CriterionJudgement" ADD CONSTRAINT "CriterionJudgement_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_assessorId_fkey" FOREIGN KEY ("assessorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitSignOff" ADD CONSTRAINT "UnitSignOff_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written. Decisions are an append-only log: rows are never updated or deleted. (Semicolons in bodies are \073.)
CREATE FUNCTION attest_append_only() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN RAISE EXCEPTION ''% is append-only: % is not allowed'', TG_TABLE_NAME, TG_OP\073 END\073';
CREATE TRIGGER "Decision_append_only" BEFORE UPDATE OR DELETE ON "Decision" FOR EACH ROW EXECUTE FUNCTION attest_append_only();
CREATE TRIGGER "DecisionEvidence_append_only" BEFORE UPDATE OR DELETE ON "DecisionEvidence" FOR EACH ROW EXECUTE FUNCTION attest_append_only();
