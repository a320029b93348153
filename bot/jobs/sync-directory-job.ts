// 同步通讯录, after the command's transaction: read the platform directory (network, no transaction
// open), then match it to the roster (domain/directory/match-directory.ts) in a transaction of its
// own that saves the linked accounts, logs the change and queues the summary for the admin who asked.
import type { Db } from '../../prisma/open-database.js';
import { formatDirectorySummary } from '../../domain/directory/format-directory-summary.js';
import { matchDirectory } from '../../domain/directory/match-directory.js';
import type { Logger } from '../../core/logger.js';
import type { Platform } from '../../core/messages.js';
import { enqueueMessage } from '../../core/enqueue-message.js';
import { platformNames } from '../platforms.js';
import type { DirectoryPerson } from '../transport/transport.js';
import type { JobRunners } from './job-runners.js';

export async function syncDirectoryJob(
  prisma: Db,
  runners: JobRunners,
  { platform, requesterId }: { platform: Platform; requesterId: number },
  { now, logger, lastTry }: { now: Date; logger: Logger; lastTry: boolean },
): Promise<void> {
  const read = runners.directory?.[platform];
  let directory: DirectoryPerson[];
  try {
    if (!read) throw new Error(`no directory for ${platform}`);
    directory = await read();
  } catch (error) {
    if (!lastTry) throw error;
    logger.warn({ err: error, platform }, 'directory sync: reading the platform directory failed');
    await prisma.$transaction((tx) =>
      enqueueMessage(tx, {
        to: { personId: requesterId },
        message: { kind: 'text', text: `同步通讯录失败：读取${platformNames().nameOf(platform)}通讯录出错，请稍后再试。` },
      }),
    );
    return;
  }
  await prisma.$transaction(async (tx) => {
    const people = await tx.person.findMany({
      where: { active: true, NOT: { roles: { has: 'enterprise' } } },
      include: { accounts: { where: { platform } } },
      orderBy: { id: 'asc' },
    });
    const match = matchDirectory(
      people.map((person) => ({ personId: person.id, name: person.name, mobile: person.mobile, account: person.accounts[0]?.account ?? null })),
      directory,
    );
    for (const link of match.linked) {
      await tx.account.deleteMany({
        where: {
          OR: [
            { personId: link.personId, platform },
            { platform, account: link.to },
          ],
        },
      });
      await tx.account.create({ data: { platform, account: link.to, personId: link.personId } });
    }
    await tx.event.create({
      data: { at: now, actorId: requesterId, actorRole: 'admin', channel: platform, kind: 'directory.synced', after: { ...match, platform } },
    });
    await enqueueMessage(tx, {
      to: { personId: requesterId },
      message: { kind: 'text', text: formatDirectorySummary(platformNames().nameOf(platform), match) },
    });
  });
}
