-- CreateTable
CREATE TABLE "DingtalkCallbackSign" (
    "timestamp" TEXT NOT NULL,
    "sign" TEXT NOT NULL,
    "bodyHash" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DingtalkCallbackSign_pkey" PRIMARY KEY ("timestamp","sign")
);

-- CreateIndex
CREATE INDEX "DingtalkCallbackSign_receivedAt_idx" ON "DingtalkCallbackSign"("receivedAt");

