-- AlterTable
ALTER TABLE "Inbound" ADD COLUMN     "tries" INTEGER NOT NULL DEFAULT 0;

