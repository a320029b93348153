// A ledger sent as a platform file (docs/domain.md "Importing a ledger"), after the message's transaction:
// read the file from the platform (network, no transaction open), then make the dry run in a transaction of
// its own that keeps the pending import, logs it and queues the answer for the sender. A read that keeps
// failing tells the sender to send the file again (DingTalk's downloadCode expires).
import type { Db, Tx } from '../../prisma/open-database.js';
import { Prisma } from '../../generated/prisma/client.js';
import { MAX_IMPORT_BYTES } from '../../domain/import/read-import-sheet.js';
import type { Policy } from '../../domain/policy.js';
import { previewImportFile } from '../../handlers/import/preview-import-file.js';
import type { Logger } from '../../core/logger.js';
import type { Platform } from '../../core/messages.js';
import { enqueueMessage } from '../../core/enqueue-message.js';
import type { JobRunners } from './job-runners.js';

export interface ImportFileJob {
  platform: Platform;
  download: string;
  name: string;
  personId: number;
}

export async function importFileJob(
  prisma: Db,
  runners: JobRunners,
  job: ImportFileJob,
  { now, logger, lastTry, policy }: { now: Date; logger: Logger; lastTry: boolean; policy: Policy },
): Promise<void> {
  const reply = (text: string, tx: Tx) => enqueueMessage(tx, { to: { personId: job.personId }, message: { kind: 'text', text } });
  let file: { size: number; bytes: Buffer | null };
  try {
    const fetch = runners.files?.[job.platform];
    if (!fetch) throw new Error(`no file reader for ${job.platform}`);
    file = await fetch(job.download, MAX_IMPORT_BYTES);
  } catch (error) {
    if (!lastTry) throw error;
    logger.warn({ err: error, platform: job.platform }, 'ledger import: reading the file failed');
    await prisma.$transaction((tx) => reply(`读取文件「${job.name}」失败，请重新发送。`, tx));
    return;
  }
  await prisma.$transaction(async (tx) => {
    const person = await tx.person.findUniqueOrThrow({ where: { id: job.personId }, select: { roles: true } });
    const preview = await previewImportFile(tx, { personId: job.personId, fileName: job.name, ...file }, { policy, now });
    if (preview.event)
      await tx.event.create({
        data: {
          at: now,
          actorId: job.personId,
          actorRole: person.roles.join(','),
          channel: job.platform,
          kind: preview.event.kind,
          after: preview.event.after ?? Prisma.DbNull,
        },
      });
    await reply(preview.reply, tx);
  });
}
