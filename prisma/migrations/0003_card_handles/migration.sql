-- CreateTable
CREATE TABLE "CardHandle" (
    "id" BIGSERIAL NOT NULL,
    "platform" TEXT NOT NULL,
    "cardKey" TEXT NOT NULL,
    "account" TEXT NOT NULL,
    "handle" TEXT NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL,
    "spentAt" TIMESTAMP(3),

    CONSTRAINT "CardHandle_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CardHandle_platform_cardKey_account_issuedAt_idx" ON "CardHandle"("platform", "cardKey", "account", "issuedAt");

