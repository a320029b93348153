-- CreateTable
CREATE TABLE "UnitMonthRank" (
    "month" TEXT NOT NULL,
    "unitId" INTEGER NOT NULL,
    "place" INTEGER,
    "starts" INTEGER NOT NULL,
    "completions" INTEGER NOT NULL,
    "investmentWan" DOUBLE PRECISION NOT NULL,
    "investmentPct" DOUBLE PRECISION NOT NULL,
    "itemsDone" INTEGER NOT NULL,
    "itemsOnTime" INTEGER NOT NULL,
    "overdueOpen" INTEGER NOT NULL,
    "overdueDays" INTEGER NOT NULL,
    "untaken" INTEGER NOT NULL,
    "takenLate" INTEGER NOT NULL,
    "missedReports" INTEGER NOT NULL,
    "service" INTEGER NOT NULL,
    "asOf" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UnitMonthRank_pkey" PRIMARY KEY ("month","unitId")
);

-- CreateIndex
CREATE INDEX "Task_unitId_takenAt_idx" ON "Task"("unitId", "takenAt");

-- CreateIndex
CREATE INDEX "Problem_createdAt_idx" ON "Problem"("createdAt");

