-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "scheme" SMALLINT NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "AuditChainHead" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditChainHead_pkey" PRIMARY KEY ("id")
);

-- Events already written keep the hash scheme they were made with (1), the app writes scheme 2.
ALTER TABLE "AuditChainHead" ADD CONSTRAINT "AuditChainHead_one_row" CHECK ("id" = 1);

-- The head starts at the newest event, or at the genesis hash of an empty chain.
INSERT INTO "AuditChainHead" ("id", "prevHash", "hash")
SELECT 1, COALESCE(e."prevHash", repeat('0', 64)), COALESCE(e."hash", repeat('0', 64))
FROM (SELECT 1) one LEFT JOIN LATERAL (SELECT "prevHash", "hash" FROM "AuditEvent" ORDER BY "id" DESC LIMIT 1) e ON true;
