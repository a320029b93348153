-- CreateTable
CREATE TABLE "RunningRanking" (
    "month" TEXT NOT NULL,
    "asOf" TIMESTAMP(3) NOT NULL,
    "ranking" JSONB NOT NULL,

    CONSTRAINT "RunningRanking_pkey" PRIMARY KEY ("month")
);

