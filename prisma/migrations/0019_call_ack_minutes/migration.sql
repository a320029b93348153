-- 报到 office minutes kept on the call when it is taken (issue 19 "Speed": the 单位 pages counted them per
-- card in JavaScript on every request). Calls taken before this migration are not filled here: office
-- minutes need the working calendar (chinese-days and its overrides), which SQL cannot read; the 单位
-- pages fill the ones they read once (prisma/fill-ack-minutes.ts).
-- AlterTable
ALTER TABLE "Call" ADD COLUMN     "ackMinutes" INTEGER;

-- What the fill looks for: taken calls still without minutes. Partial, which prisma/schema.prisma cannot
-- express: it lives in this migration only (docs/architecture.md "Toolchain notes"); empty once filled.
CREATE INDEX "Call_unfilled_unitId_takenAt_idx" ON "Call"("unitId", "takenAt") WHERE "ackMinutes" IS NULL AND "takenAt" IS NOT NULL;
