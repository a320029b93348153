-- One call per dispatch × project × unit (docs/domain.md "Calls"). The report-to-window timer moves
-- from Task to Call; every existing task gets a call of its own (same id), so old cards keep working.

-- CreateTable
CREATE TABLE "Call" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'posted',
    "dispatchedById" INTEGER,
    "postedAt" TIMESTAMP(3) NOT NULL,
    "ackDueAt" TIMESTAMP(3) NOT NULL,
    "escalationStep" INTEGER NOT NULL DEFAULT 0,
    "nextEscalationAt" TIMESTAMP(3),
    "takenAt" TIMESTAMP(3),
    "takenById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Call_pkey" PRIMARY KEY ("id")
);

-- Data: each task's own call, in the state its report-to-window timer was in.
INSERT INTO "Call" ("id", "projectId", "unitId", "state", "dispatchedById", "postedAt", "ackDueAt", "escalationStep", "nextEscalationAt", "takenAt", "takenById", "createdAt", "updatedAt")
SELECT "id", "projectId", "unitId",
       CASE WHEN "state" = 'posted' THEN 'posted' WHEN "takenAt" IS NOT NULL THEN 'taken' ELSE 'cancelled' END,
       "dispatchedById", "postedAt", "ackDueAt", "escalationStep",
       CASE WHEN "state" = 'posted' THEN "nextEscalationAt" ELSE NULL END,
       "takenAt", "takenById", "createdAt", "updatedAt"
FROM "Task";
SELECT setval(pg_get_serial_sequence('"Call"', 'id'), GREATEST((SELECT MAX("id") FROM "Call"), 1), (SELECT MAX("id") FROM "Call") IS NOT NULL);

-- Cards already delivered name their task (`task:N`); their handles now belong to call N's card.
UPDATE "CardHandle" SET "cardKey" = 'call:' || substr("cardKey", 6) WHERE "cardKey" LIKE 'task:%';

-- DropIndex
DROP INDEX "Task_nextEscalationAt_idx";

-- AlterTable
ALTER TABLE "Task" ADD COLUMN "callId" INTEGER,
ADD COLUMN     "noMoreMaterialsAt" TIMESTAMP(3);
UPDATE "Task" SET "callId" = "id";
ALTER TABLE "Task" ALTER COLUMN "callId" SET NOT NULL,
DROP COLUMN "ackDueAt",
DROP COLUMN "dispatchedById",
DROP COLUMN "escalationStep",
DROP COLUMN "nextEscalationAt",
DROP COLUMN "takenById";

-- CreateIndex
CREATE INDEX "Call_nextEscalationAt_idx" ON "Call"("nextEscalationAt");

-- CreateIndex
CREATE INDEX "Call_projectId_idx" ON "Call"("projectId");

-- CreateIndex
CREATE INDEX "Task_callId_idx" ON "Task"("callId");

-- AddForeignKey
ALTER TABLE "Call" ADD CONSTRAINT "Call_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Call" ADD CONSTRAINT "Call_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
