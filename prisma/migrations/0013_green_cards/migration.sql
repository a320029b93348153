-- CreateTable
CREATE TABLE "GreenCard" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "state" TEXT NOT NULL,
    "appliedAt" TIMESTAMP(3) NOT NULL,
    "renewalAppliedAt" TIMESTAMP(3),
    "issuedOn" DATE,
    "validUntil" DATE,
    "renewalRemindAt" TIMESTAMP(3),
    "remindedAt" TIMESTAMP(3),
    "revokedOn" DATE,
    "revokeReason" TEXT,

    CONSTRAINT "GreenCard_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "GreenCard_projectId_key" ON "GreenCard"("projectId");

-- CreateIndex
CREATE INDEX "GreenCard_renewalRemindAt_idx" ON "GreenCard"("renewalRemindAt");

-- AddForeignKey
ALTER TABLE "GreenCard" ADD CONSTRAINT "GreenCard_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

