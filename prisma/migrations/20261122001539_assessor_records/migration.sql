-- AlterTable
ALTER TABLE "Evidence" ADD COLUMN     "authorId" UUID;

-- AlterTable
ALTER TABLE "EvidenceVersion" ADD COLUMN     "countersignName" TEXT,
ADD COLUMN     "record" JSONB;

-- AlterTable
ALTER TABLE "EvidenceLink" ADD COLUMN     "atSeconds" INTEGER;
