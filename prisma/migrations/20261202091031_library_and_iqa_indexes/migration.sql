-- CreateIndex
CREATE INDEX "Evidence_centreId_activityFrom_createdAt_idx" ON "Evidence"("centreId", "activityFrom" DESC, "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Decision_decidedAt_enrolmentId_assessorId_idx" ON "Decision"("decidedAt", "enrolmentId", "assessorId");

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
