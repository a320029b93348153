-- CreateTable
CREATE TABLE "WebLoginToken" (
    "tokenHash" TEXT NOT NULL,
    "personId" INTEGER NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WebLoginToken_pkey" PRIMARY KEY ("tokenHash")
);

-- CreateTable
CREATE TABLE "SharedSecret" (
    "name" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SharedSecret_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "WebLoginToken_expiresAt_idx" ON "WebLoginToken"("expiresAt");

