-- CreateTable
CREATE TABLE "Problem" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "reporterId" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "suggestion" TEXT NOT NULL DEFAULT '',
    "category" TEXT NOT NULL,
    "unitId" INTEGER,
    "leaderId" INTEGER,
    "state" TEXT NOT NULL DEFAULT 'open',
    "leaderOpinion" TEXT,
    "escalatedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "digestedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Problem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProblemAnswer" (
    "id" SERIAL NOT NULL,
    "problemId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProblemAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WeeklyAnswer" (
    "projectId" INTEGER NOT NULL,
    "week" TEXT NOT NULL,
    "personId" INTEGER NOT NULL,
    "none" BOOLEAN NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WeeklyAnswer_pkey" PRIMARY KEY ("projectId","week")
);

-- CreateTable
CREATE TABLE "MonthlyReport" (
    "projectId" INTEGER NOT NULL,
    "month" TEXT NOT NULL,
    "investmentWan" DECIMAL(14,2) NOT NULL,
    "progress" TEXT NOT NULL,
    "personId" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MonthlyReport_pkey" PRIMARY KEY ("projectId","month")
);

-- CreateIndex
CREATE INDEX "Problem_state_idx" ON "Problem"("state");

-- CreateIndex
CREATE INDEX "Problem_projectId_idx" ON "Problem"("projectId");

-- CreateIndex
CREATE INDEX "ProblemAnswer_problemId_idx" ON "ProblemAnswer"("problemId");

-- AddForeignKey
ALTER TABLE "ProblemAnswer" ADD CONSTRAINT "ProblemAnswer_problemId_fkey" FOREIGN KEY ("problemId") REFERENCES "Problem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

