-- CreateIndex
CREATE INDEX "IqaVerdict_decisionId_idx" ON "IqaVerdict"("decisionId");

-- CreateIndex
CREATE INDEX "IqaVerdict_signOffId_idx" ON "IqaVerdict"("signOffId");
