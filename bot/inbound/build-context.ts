// What a handler gets for one event (handlers/context.ts): the sender found by the account they
// wrote from, the transaction, and capabilities that write to the outbox and the event log.
import { Prisma } from '../../generated/prisma/client.js';
import type { Tx } from '../../prisma/open-database.js';
import type { Policy } from '../../domain/policy.js';
import type { Role } from '../../domain/roles.js';
import type { HandlerContext, Sender } from '../../handlers/context.js';
import type { IncomingEvent, OutgoingMessage, Platform } from '../messages.js';
import { enqueueMessage } from '../outbox/enqueue-message.js';
import { openGroupChat } from '../outbox/open-group-chat.js';
import { queueJob } from '../jobs/queue-job.js';

export interface ContextOptions {
  now: Date;
  policy: Policy;
  /** Configured platforms that have group chats, in order of preference. */
  groupPlatforms: readonly Platform[];
  /** Configured platforms whose directory can be read (同步通讯录). */
  directoryPlatforms: ReadonlySet<Platform>;
}

const toMessage = (message: string | OutgoingMessage): OutgoingMessage => (typeof message === 'string' ? { kind: 'text', text: message } : message);

export async function buildContext(tx: Tx, event: IncomingEvent, options: ContextOptions): Promise<HandlerContext> {
  const { now } = options;
  const account = await tx.account.findUnique({ where: { platform_account: { platform: event.platform, account: event.account } }, include: { person: true } });
  const person = account?.person.active ? account.person : null;
  // The platform a person last wrote from is where their messages go next (bot/outbox/choose-account.ts).
  if (account && person)
    await tx.account.update({ where: { platform_account: { platform: event.platform, account: event.account } }, data: { lastSeenAt: now } });
  const sender: Sender | null = person && { id: person.id, name: person.name, unitId: person.unitId, roles: person.roles as Role[] };
  return {
    tx,
    event,
    channel: event.platform,
    now,
    policy: options.policy,
    sender,
    args: '',
    reply: (message) => enqueueMessage(tx, { to: { platform: event.platform, account: event.account }, message: toMessage(message), reply: true }),
    send: (to, message, sendOptions) => enqueueMessage(tx, { to: typeof to === 'number' ? { personId: to } : to, message: toMessage(message), ...sendOptions }),
    openProjectChat: (spec) => openGroupChat(tx, spec, options.groupPlatforms),
    requestDirectorySync:
      sender && options.directoryPlatforms.has(event.platform)
        ? () => queueJob(tx, 'directory-sync', { platform: event.platform, requesterId: sender.id }, now)
        : null,
    record: async (record) => {
      await tx.event.create({
        data: {
          at: now,
          actorId: sender?.id ?? null,
          actorRole: sender?.roles.join(',') ?? null,
          channel: event.platform,
          kind: record.kind,
          projectId: record.projectId ?? null,
          taskId: record.taskId ?? null,
          before: record.before ?? Prisma.DbNull,
          after: record.after ?? Prisma.DbNull,
        },
      });
    },
  };
}
