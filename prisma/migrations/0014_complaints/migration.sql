-- CreateTable
CREATE TABLE "Complaint" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "replyBy" DATE NOT NULL,
    "remindAt" TIMESTAMP(3) NOT NULL,
    "escalateAt" TIMESTAMP(3) NOT NULL,
    "remindedAt" TIMESTAMP(3),
    "escalatedAt" TIMESTAMP(3),
    "answeredAt" TIMESTAMP(3),
    "answeredById" INTEGER,
    "answer" TEXT,

    CONSTRAINT "Complaint_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Complaint_answeredAt_remindAt_idx" ON "Complaint"("answeredAt", "remindAt");

-- CreateIndex
CREATE INDEX "Complaint_projectId_idx" ON "Complaint"("projectId");

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

