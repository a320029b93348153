-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "enrolledOn" DATE,
ADD COLUMN     "expectedStartOn" DATE,
ADD COLUMN     "service" TEXT NOT NULL DEFAULT 'unaccepted',
ADD COLUMN     "targetTasks" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "timeNodes" TEXT NOT NULL DEFAULT '';


-- Existing rows (docs/domain.md "Project life cycle"): the old single "stage" held both the service and
-- the project's stage. The service is what it was (a started project keeps 审批中 if it had cards,
-- 已受理 if accepted without cards, 未受理 otherwise); the stage comes from the recorded dates.
UPDATE "Project" SET "service" = CASE
  WHEN "stage" IN ('accepted', 'approving', 'closed', 'terminated') THEN "stage"
  WHEN "acceptedAt" IS NULL THEN 'unaccepted'
  WHEN EXISTS (SELECT 1 FROM "Task" WHERE "Task"."projectId" = "Project"."id") THEN 'approving'
  ELSE 'accepted'
END;

UPDATE "Project" SET "stage" = CASE
  WHEN "producedOn" IS NOT NULL OR "stage" = 'producing' THEN 'producing'
  WHEN "startedOn" IS NOT NULL OR "stage" = 'started' THEN 'started'
  ELSE 'signed'
END;
