-- AlterTable
ALTER TABLE "Outbox" ADD COLUMN     "unknownOutcomes" INTEGER NOT NULL DEFAULT 0;

