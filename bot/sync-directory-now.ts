// 同步通讯录, after the command's transaction: fetch the platform directory (network, no
// transaction open), then match it to the roster in a transaction of its own that also logs
// the change and queues the summary for the admin who asked.
import type { Db, Tx } from '../prisma/open-database.js';
import type { Sender } from '../handlers/context.js';
import { formatDirectorySummary } from '../handlers/admin/sync-directory.js';
import type { Clock } from './clock.js';
import type { Platform } from './incoming-event.js';
import type { Logger } from './logger.js';
import { enqueueMessage } from './outbox/enqueue-message.js';
import type { DirectorySummary } from './wecom/sync-directory.js';

export interface DirectorySource {
  /** Reads the directory and returns how to apply it inside a transaction. */
  load(): Promise<(tx: Tx) => Promise<DirectorySummary>>;
}

export async function syncDirectoryNow(
  deps: { prisma: Db; directory: DirectorySource; clock: Clock; logger: Logger },
  requester: Sender,
  channel: Platform,
): Promise<void> {
  let apply: (tx: Tx) => Promise<DirectorySummary>;
  try {
    apply = await deps.directory.load();
  } catch (error) {
    deps.logger.warn({ err: error }, 'directory sync: reading the platform directory failed');
    await deps.prisma.$transaction((tx) =>
      enqueueMessage(tx, { recipient: requester.userid, message: { kind: 'text', text: '同步通讯录失败：读取企业微信通讯录出错，请稍后再试。' } }),
    );
    return;
  }
  await deps.prisma.$transaction(async (tx) => {
    const summary = await apply(tx);
    await tx.event.create({
      data: { at: deps.clock.now(), actorId: requester.id, actorRole: requester.roles.join(','), channel, kind: 'directory.synced', after: { ...summary } },
    });
    await enqueueMessage(tx, { recipient: requester.userid, message: { kind: 'text', text: formatDirectorySummary(summary) } });
  });
}
