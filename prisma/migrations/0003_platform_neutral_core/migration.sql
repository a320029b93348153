-- The platform-neutral core (docs/architecture.md): a person's platform accounts, outbox rows
-- addressed to a person or a project chat, card handles kept by the adapters, jobs run after a
-- commit, and one sender's events processed in order. Existing rows are carried over.

-- CreateTable
CREATE TABLE "Account" (
    "platform" TEXT NOT NULL,
    "account" TEXT NOT NULL,
    "personId" INTEGER NOT NULL,
    "lastSeenAt" TIMESTAMP(3),

    CONSTRAINT "Account_pkey" PRIMARY KEY ("platform","account")
);
CREATE UNIQUE INDEX "Account_personId_platform_key" ON "Account"("personId", "platform");
ALTER TABLE "Account" ADD CONSTRAINT "Account_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A WeCom userid served both WeCom and the local chat; an enterprise contact bound from DingTalk had `dingtalk:<id>`.
INSERT INTO "Account" ("platform", "account", "personId") SELECT 'wecom', "userid", "id" FROM "Person" WHERE "userid" NOT LIKE 'dingtalk:%';
INSERT INTO "Account" ("platform", "account", "personId") SELECT 'local', "userid", "id" FROM "Person" WHERE "userid" NOT LIKE 'dingtalk:%';
INSERT INTO "Account" ("platform", "account", "personId") SELECT 'dingtalk', "dingtalkId", "id" FROM "Person" WHERE "dingtalkId" IS NOT NULL;

-- Outbox: addressed to a person or a chat; the platform is chosen at delivery.
ALTER TABLE "Outbox" ADD COLUMN "account" TEXT,
ADD COLUMN "chatId" TEXT,
ADD COLUMN "personId" INTEGER,
ADD COLUMN "platform" TEXT,
ADD COLUMN "reply" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "splitFromId" BIGINT;
UPDATE "Outbox" SET "chatId" = "recipient" WHERE "toChat";
UPDATE "Outbox" AS o SET "personId" = p."id" FROM "Person" AS p WHERE NOT o."toChat" AND p."userid" = o."recipient";
-- Old card updates named WeCom response codes, which now live in CardHandle: nothing left to update.
UPDATE "Outbox" SET "status" = 'failed', "lastError" = 'not carried over to the platform-neutral outbox'
WHERE "status" IN ('pending', 'sending') AND ("kind" IN ('card', 'card_update') OR ("personId" IS NULL AND "chatId" IS NULL));
UPDATE "Outbox" SET "payload" = "payload" || '{"title": "项目管家"}'::jsonb WHERE "kind" = 'markdown';
DROP INDEX "Outbox_recipient_taskId_idx";
ALTER TABLE "Outbox" DROP COLUMN "recipient",
DROP COLUMN "responseCode",
DROP COLUMN "taskId",
DROP COLUMN "toChat";
CREATE INDEX "Outbox_platform_account_sentAt_idx" ON "Outbox"("platform", "account", "sentAt");

-- GroupChat: persons instead of WeCom userids, one per project.
ALTER TABLE "GroupChat" ADD COLUMN "memberIds" INTEGER[] NOT NULL DEFAULT '{}',
ADD COLUMN "ownerId" INTEGER,
ADD COLUMN "platform" TEXT,
ADD COLUMN "projectId" INTEGER,
ADD COLUMN "syncedMembers" TEXT[] NOT NULL DEFAULT '{}';
UPDATE "GroupChat" AS g SET
  "ownerId" = (SELECT p."id" FROM "Person" AS p WHERE p."userid" = g."owner"),
  "memberIds" = ARRAY(SELECT p."id" FROM "Person" AS p WHERE p."userid" = ANY(g."members")),
  "projectId" = NULLIF(regexp_replace(g."id", '^project', ''), '')::INTEGER,
  "platform" = CASE WHEN g."direct" THEN NULL ELSE 'wecom' END,
  "syncedMembers" = CASE WHEN g."openedAt" IS NULL THEN '{}' ELSE g."members" END
WHERE g."id" ~ '^project[0-9]+$';
DELETE FROM "GroupChat" WHERE "projectId" IS NULL OR "ownerId" IS NULL;
ALTER TABLE "GroupChat" ALTER COLUMN "ownerId" SET NOT NULL, ALTER COLUMN "projectId" SET NOT NULL,
ALTER COLUMN "memberIds" DROP DEFAULT, ALTER COLUMN "syncedMembers" DROP DEFAULT;
ALTER TABLE "GroupChat" DROP COLUMN "members", DROP COLUMN "owner";
CREATE UNIQUE INDEX "GroupChat_projectId_key" ON "GroupChat"("projectId");

-- Inbound: the sender's key, and events in the new neutral shape.
ALTER TABLE "Inbound" ADD COLUMN "error" TEXT,
ADD COLUMN "failedAt" TIMESTAMP(3),
ADD COLUMN "senderKey" TEXT;
UPDATE "Inbound" SET "senderKey" = "platform" || ':' || ("event"->>'sender'),
  "event" = ("event" - 'sender') || jsonb_build_object('account', "event"->'sender');
UPDATE "Inbound" SET "event" = ("event" - 'taskId' - 'action' - 'responseCode')
  || jsonb_build_object('cardKey', 'task:' || ("event"->>'taskId'), 'buttonId', "event"->'action')
WHERE "event"->>'type' = 'card_action';
ALTER TABLE "Inbound" ALTER COLUMN "senderKey" SET NOT NULL;
CREATE INDEX "Inbound_senderKey_id_idx" ON "Inbound"("senderKey", "id");

-- Person and Project lose their platform ids.
DROP INDEX "Person_userid_key";
DROP INDEX "Person_dingtalkId_key";
ALTER TABLE "Person" DROP COLUMN "dingtalkId", DROP COLUMN "userid";
ALTER TABLE "Project" DROP COLUMN "chatId";

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
CREATE INDEX "CardHandle_platform_cardKey_account_issuedAt_idx" ON "CardHandle"("platform", "cardKey", "account", "issuedAt");

-- CreateTable
CREATE TABLE "Job" (
    "id" BIGSERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "runAt" TIMESTAMP(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "doneAt" TIMESTAMP(3),
    "lastError" TEXT,

    CONSTRAINT "Job_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "Job_doneAt_runAt_idx" ON "Job"("doneAt", "runAt");
