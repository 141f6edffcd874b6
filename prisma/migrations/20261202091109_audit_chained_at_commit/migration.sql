-- CreateTable
CREATE TABLE "AuditPending" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "kind" TEXT NOT NULL,
    "actorId" UUID,
    "centreId" UUID,
    "subject" TEXT,
    "ip" TEXT,
    "data" JSONB NOT NULL,
    "bodyHash" TEXT NOT NULL,

    CONSTRAINT "AuditPending_pkey" PRIMARY KEY ("id")
);

-- Hand-written (decision 0029): a pending event is chained when its transaction commits, by a trigger
-- deferred to the commit. It moves the head row and inserts the event with the head's old and new
-- hashes, then removes the pending row. The head is locked from there to the end of the commit, so
-- events are chained, and numbered, in commit order, and no round trip to the app waits inside that lock.
-- The migration runner splits statements at every semicolon, so the body writes them as \073.
CREATE FUNCTION attest_audit_chain_pending() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN
  WITH head AS (
    UPDATE "AuditChainHead" SET "prevHash" = "hash", "hash" = encode(sha256(convert_to("hash" || NEW."bodyHash", ''UTF8'')), ''hex'')
    WHERE "id" = 1 RETURNING "prevHash", "hash"
  )
  INSERT INTO "AuditEvent" ("at", "kind", "actorId", "centreId", "subject", "ip", "data", "prevHash", "hash", "scheme")
  SELECT NEW."at", NEW."kind", NEW."actorId", NEW."centreId", NEW."subject", NEW."ip", NEW."data", head."prevHash", head."hash", 2 FROM head\073
  IF NOT FOUND THEN RAISE EXCEPTION ''The audit chain has no head row: run the migrations.''\073 END IF\073
  DELETE FROM "AuditPending" WHERE "id" = NEW."id"\073
  RETURN NULL\073
END\073';
CREATE CONSTRAINT TRIGGER "AuditPending_chain" AFTER INSERT ON "AuditPending" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION attest_audit_chain_pending();
