// The bot without its transports (like probot's `receive`): record an incoming event once,
// process it in one transaction (handler changes, event log and outbox together), deliver
// the outbox. Transports call `receive`; tests call it directly.
import { Prisma } from '../generated/prisma/client.js';
import type { Db, Tx } from '../prisma/open-database.js';
import type { Policy } from '../domain/policy.js';
import type { Role } from '../domain/roles.js';
import { dispatch } from '../handlers/dispatch.js';
import type { HandlerContext, Sender } from '../handlers/context.js';
import type { Clock } from './clock.js';
import { incomingEventSchema, type IncomingEvent } from './incoming-event.js';
import type { Logger } from './logger.js';
import type { OutgoingMessage } from './outgoing-message.js';
import { enqueueMessage } from './outbox/enqueue-message.js';
import type { Messenger } from './outbox/messenger.js';
import { sendPending } from './outbox/send-pending.js';
import { runEvery, type Loop } from './run-every.js';
import { syncDirectoryNow, type DirectorySource } from './sync-directory-now.js';
import { ESCALATION_CYCLE_MS, escalateDueTasks } from '../cron/escalate-due-tasks.js';
import { warnCalendarGap } from '../cron/warn-calendar-gap.js';
import { SCHEDULE_CYCLE_MS, runSchedules } from '../cron/schedules/run-schedules.js';

export interface AppDeps {
  prisma: Db;
  policy: Policy;
  clock: Clock;
  logger: Logger;
  messenger: Messenger;
  /** The platform's directory, where the platform has one (同步通讯录). */
  directory?: DirectorySource;
}

export interface App {
  /** Records the event once; a platform retry of the same event is a 'duplicate'. */
  receive(event: IncomingEvent): Promise<'accepted' | 'duplicate'>;
  /** Processes every recorded, unprocessed event (also those left by a crash or restart). */
  processInbound(): Promise<number>;
  /** Delivers the outbox rows that are due. */
  deliver(): Promise<number>;
  /** Fires the report-to-window escalation steps that are due; returns how many. */
  escalate(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

export function createApp(deps: AppDeps): App {
  const { prisma, clock, logger, messenger } = deps;
  let loops: { inbound: Loop; outbox: Loop; escalation: Loop; calendar: Loop; schedules: Loop } | null = null;

  async function processOne(): Promise<boolean> {
    let claimed: { id: bigint; event: IncomingEvent } | null = null;
    const afterCommit: (() => Promise<void>)[] = [];
    try {
      const done = await prisma.$transaction(async (tx) => {
        const rows = await tx.$queryRaw<{ id: bigint; event: unknown }[]>`
          SELECT id, event FROM "Inbound" WHERE "processedAt" IS NULL ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED`;
        const row = rows[0];
        if (!row) return false;
        claimed = { id: row.id, event: incomingEventSchema.parse(row.event) };
        await dispatch(await buildContext(tx, claimed.event, afterCommit));
        await tx.inbound.update({ where: { id: row.id }, data: { processedAt: clock.now() } });
        return true;
      });
      for (const job of afterCommit.splice(0)) await job();
      return done;
    } catch (error) {
      if (!claimed) throw error;
      const { id, event } = claimed as { id: bigint; event: IncomingEvent };
      logger.error({ err: error, inboundId: String(id), type: event.type, platform: event.platform }, 'handler failed');
      await prisma.$transaction(async (tx) => {
        await tx.inbound.update({ where: { id }, data: { processedAt: clock.now() } });
        await enqueueMessage(tx, { recipient: event.sender, message: { kind: 'text', text: '抱歉，处理这条消息时出错了，已记录。请稍后再试或联系管理员。' } });
      });
      return true;
    }
  }

  async function buildContext(tx: Tx, event: IncomingEvent, afterCommit: (() => Promise<void>)[]): Promise<HandlerContext> {
    const idField = event.platform === 'dingtalk' ? 'dingtalkId' : 'userid';
    const person = await tx.person.findFirst({ where: { [idField]: event.sender, active: true } });
    const sender: Sender | null = person && { id: person.id, userid: person.userid, name: person.name, unitId: person.unitId, roles: person.roles as Role[] };
    const now = clock.now();
    const toMessage = (message: string | OutgoingMessage): OutgoingMessage => (typeof message === 'string' ? { kind: 'text', text: message } : message);
    return {
      tx,
      event,
      channel: event.platform,
      now,
      policy: deps.policy,
      sender,
      args: '',
      requestDirectorySync:
        deps.directory && sender
          ? () => void afterCommit.push(() => syncDirectoryNow({ prisma, directory: deps.directory!, clock, logger }, sender, event.platform))
          : null,
      reply: (message) => enqueueMessage(tx, { recipient: sender?.userid ?? event.sender, message: toMessage(message) }),
      send: (userid, message, options) => enqueueMessage(tx, { recipient: userid, message: toMessage(message), ...options }),
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

  return {
    async receive(event) {
      const { count } = await prisma.inbound.createMany({
        data: [{ platform: event.platform, dedupKey: event.dedupKey, event }],
        skipDuplicates: true,
      });
      if (count === 0) return 'duplicate';
      loops?.inbound.kick();
      return 'accepted';
    },
    async processInbound() {
      let processed = 0;
      while (await processOne()) processed += 1;
      if (processed > 0) loops?.outbox.kick();
      return processed;
    },
    deliver: () => sendPending(prisma, messenger, { now: clock.now(), logger }),
    async escalate() {
      const fired = await escalateDueTasks(prisma, { now: clock.now(), policy: deps.policy, logger });
      if (fired > 0) loops?.outbox.kick();
      return fired;
    },
    start() {
      loops = {
        inbound: runEvery('inbound', 2000, () => this.processInbound(), logger),
        outbox: runEvery('outbox', 1000, () => this.deliver(), logger),
        escalation: runEvery('escalation', ESCALATION_CYCLE_MS, () => this.escalate(), logger),
        calendar: runEvery('calendar', 60 * 60 * 1000, () => warnCalendarGap(prisma, clock.now()), logger),
        schedules: runEvery('schedules', SCHEDULE_CYCLE_MS, async () => (await runSchedules(prisma, { now: clock.now(), policy: deps.policy, logger })).length > 0 && loops?.outbox.kick(), logger),
      };
      loops.inbound.kick();
      // What came due while the server was down fires now, not one cycle later.
      loops.escalation.kick();
      loops.calendar.kick();
      loops.schedules.kick();
    },
    async stop() {
      await Promise.all(Object.values(loops ?? {}).map((loop) => loop.stop()));
      loops = null;
    },
  };
}
