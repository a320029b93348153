-- CreateTable
CREATE TABLE "OutboxFile" (
    "id" BIGSERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "sha256" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxFile_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OutboxFile_createdAt_idx" ON "OutboxFile"("createdAt");

