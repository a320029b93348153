// What a handler gets for one event (handlers/context.ts): the sender found by the account they
// wrote from (find-senders.ts, for the whole batch), the transaction, and capabilities that write
// to the outbox and the event log.
import { Prisma } from '../../generated/prisma/client.js';
import type { Tx } from '../../prisma/open-database.js';
import type { Policy, PolicySources } from '../../domain/policy.js';
import type { HandlerContext, Sender } from '../../handlers/context.js';
import type { IncomingEvent, OutgoingMessage, Platform } from '../../core/messages.js';
import { enqueueMessage, type Enqueue } from '../../core/enqueue-message.js';
import { openGroupChat } from '../outbox/open-group-chat.js';
import { queueJob } from '../jobs/queue-job.js';
import { platformNames } from '../platforms.js';

export interface ContextOptions {
  now: Date;
  policy: Policy;
  policySources: PolicySources;
  /** Configured platforms that have group chats, in order of preference. */
  groupPlatforms: readonly Platform[];
  /** Configured platforms whose directory can be read (同步通讯录). */
  directoryPlatforms: ReadonlySet<Platform>;
  /** Configured platforms whose files can be read (a ledger to import). */
  filePlatforms: ReadonlySet<Platform>;
  /** The 看板's address and the platforms whose app signs people in to it (web/login); unset, no 看板 link. */
  kanban?: {
    baseUrl(): string | null;
    /** Each platform with a web sign-in and the 看板 path that starts it (web/login/sign-in-path.ts). */ signInPaths: ReadonlyMap<Platform, string>;
  };
}

const toMessage = (message: string | OutgoingMessage): OutgoingMessage => (typeof message === 'string' ? { kind: 'text', text: message } : message);

/**
 * `enqueue` queues the handler's messages; by default each is inserted at once, bot/inbound/process-batch.ts
 * collects a batch's into one INSERT.
 */
export function buildContext(
  tx: Tx,
  event: IncomingEvent,
  sender: Sender | null,
  options: ContextOptions,
  enqueue: (item: Enqueue) => Promise<void> = (item) => enqueueMessage(tx, item),
): HandlerContext {
  const { now } = options;
  return {
    tx,
    event,
    channel: event.platform,
    platforms: platformNames(),
    now,
    policy: options.policy,
    policySources: options.policySources,
    sender,
    args: '',
    reply: (message) => enqueue({ to: { platform: event.platform, account: event.account }, message: toMessage(message), reply: true }),
    send: (to, message, sendOptions) => enqueue({ to: typeof to === 'number' ? { personId: to } : to, message: toMessage(message), ...sendOptions }),
    openProjectChat: (spec) => openGroupChat(tx, spec, options.groupPlatforms),
    requestDirectorySync:
      sender && options.directoryPlatforms.has(event.platform)
        ? () => queueJob(tx, 'directory-sync', { platform: event.platform, requesterId: sender.id }, now)
        : null,
    readFileLater:
      sender && options.filePlatforms.has(event.platform)
        ? (file) => queueJob(tx, 'import-file', { platform: event.platform, ...file, personId: sender.id }, now)
        : null,
    kanban: kanbanFor(options, event.platform),
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

function kanbanFor(options: ContextOptions, platform: Platform): HandlerContext['kanban'] {
  const baseUrl = options.kanban?.baseUrl() ?? null;
  if (!options.kanban || baseUrl === null) return null;
  return { baseUrl, signInPath: options.kanban.signInPaths.get(platform) ?? null };
}
