-- DropIndex
DROP INDEX "Rating_projectId_personId_key";

-- AlterTable
ALTER TABLE "Unit" ADD COLUMN     "officePhone" TEXT;

-- AlterTable
ALTER TABLE "Rating" ADD COLUMN     "followUpDueAt" TIMESTAMP(3),
ADD COLUMN     "followedUpAt" TIMESTAMP(3),
ADD COLUMN     "remindedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "BindAttempt_at_idx" ON "BindAttempt"("at");

-- CreateIndex
CREATE INDEX "Rating_followUpDueAt_idx" ON "Rating"("followUpDueAt");

-- One rating per ended service: keep each project's latest before the key is made.
DELETE FROM "Rating" AS older USING "Rating" AS newer
WHERE older."projectId" = newer."projectId" AND (older."at", older."id") < (newer."at", newer."id");

-- CreateIndex
CREATE UNIQUE INDEX "Rating_projectId_key" ON "Rating"("projectId");

