// The bot without its transports (like probot's `receive`): record an incoming event once,
// process it in one transaction (handler changes, event log and outbox together), deliver the
// outbox through each platform's messenger. Transports call `receive`; tests call it directly.
// Safe with several instances on one PostgreSQL: events, outbox rows, timers and jobs are claimed
// with SKIP LOCKED, one sender's events are processed in order, and handlers lock what they change;
// on PostgreSQL one instance also handles several senders' events at once (inboundWorkers).
import type { Db } from '../prisma/open-database.js';
import type { Policy, PolicySources } from '../domain/policy.js';
import type { Clock } from '../core/clock.js';
import type { ContextOptions } from './inbound/build-context.js';
import { createBatchProcessor } from './inbound/process-batch.js';
import { recordInbound } from './inbound/record-inbound.js';
import { sanitizeIncomingEvent } from './inbound/sanitize-incoming-event.js';
import type { JobRunners } from './jobs/job-runners.js';
import { runDueJobs } from './jobs/run-due-jobs.js';
import type { Logger } from '../core/logger.js';
import { incomingEventSchema, type Platform } from '../core/messages.js';
import { sendPending } from './outbox/send-pending.js';
import { runEvery, type Loop } from './run-every.js';
import type { Messenger } from './transport/messenger.js';
import type { Receive } from './transport/transport.js';
import { ESCALATION_CYCLE_MS, runEscalationCycle } from '../cron/run-escalation-cycle.js';
import { PRUNE_CYCLE_MS, pruneOldRows } from '../cron/prune-old-rows.js';
import { MAX_SKEW_MS } from './dingtalk/verify-callback-sign.js';
import { warnCalendarGap } from '../cron/warn-calendar-gap.js';
import { HEALTH_CYCLE_MS, warnHealth } from '../cron/warn-health.js';
import { RANKING_REFRESH_CYCLE_MS, keepRankingSoFarYoung } from '../cron/refresh-ranking-so-far.js';
import type { MetricsRecorder } from './metrics/create-metrics.js';
import { SCHEDULE_CYCLE_MS, runSchedules } from '../cron/schedules/run-schedules.js';

export interface AppDeps {
  prisma: Db;
  policy: Policy;
  /** Where the policy's values came from, for `设置` (bot/config.ts); unset, every value is the default. */
  policySources?: PolicySources;
  clock: Clock;
  logger: Logger;
  /** The configured platforms' messengers, in order of preference. */
  messengers: Messenger[];
  /** Work run after a handler's transaction (e.g. 同步通讯录's directory read). */
  jobs?: JobRunners;
  /**
   * Events handled at once, each in its own transaction (default 1). Worth more than one only on
   * PostgreSQL, where each takes its own connection; PGlite has one connection for everything.
   */
  inboundWorkers?: number;
  /** Events of different senders claimed and handled in one transaction (default INBOUND_BATCH). */
  inboundBatch?: number;
  /** Counts callbacks, sends, escalations and schedule runs for `/metrics` (bot/metrics/create-metrics.ts). */
  metrics?: MetricsRecorder;
  /** The embedded database's nightly backup, checked each minute (bot/backup/run-nightly-backup.ts); unset, none. */
  nightlyBackup?: (now: Date) => Promise<unknown>;
  /** Where the 看板 is and which platforms sign people in to it (bot/main.ts); unset, `看板` says it is not served. */
  kanban?: ContextOptions['kanban'];
}

export interface App {
  receive: Receive;
  /** Processes every recorded, unprocessed event (also those left by a crash or restart). */
  processInbound(): Promise<number>;
  /** Delivers the outbox rows that are due. */
  deliver(): Promise<number>;
  /** Fires the report-to-window escalation steps that are due; returns how many. */
  escalate(): Promise<number>;
  /** Runs the jobs that are due; returns how many. */
  runJobs(): Promise<number>;
  /** Sends the scheduled digests and reminders that are due (cron/schedules); returns how many occurrences ran. */
  runSchedules(): Promise<number>;
  /** Deletes Inbound, Outbox and DingTalk sign rows past retention (cron/prune-old-rows.ts); returns how many. */
  prune(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

/**
 * Events per transaction, whatever the backlog: enough to spread its fixed cost (claim, senders,
 * outbox insert, commit) over many events, few enough to keep it short (docs/architecture.md "One
 * transaction per batch"). A claim that shrank under a backlog paid that cost per 2.2 events (issue 20).
 */
const INBOUND_BATCH = 20;

export function createApp(deps: AppDeps): App {
  const { prisma, clock, logger } = deps;
  const messengers = new Map(deps.messengers.map((messenger) => [messenger.platform, messenger]));
  const groupPlatforms = deps.messengers.filter((messenger) => messenger.limits.groupChats).map((messenger) => messenger.platform);
  const directoryPlatforms = new Set(Object.keys(deps.jobs?.directory ?? {}) as Platform[]);
  const filePlatforms = new Set(Object.keys(deps.jobs?.files ?? {}) as Platform[]);
  let loops: Record<'inbound' | 'outbox' | 'escalation' | 'jobs' | 'calendar' | 'schedules' | 'prune' | 'health' | 'ranking', Loop> | null = null;
  let backupLoop: Loop | null = null;
  /** Aborted by stop(): a send pass under way releases what it has not started (bot/outbox/send-pending.ts). */
  let stopping = new AbortController();

  const record = recordInbound(prisma);
  const processBatch = createBatchProcessor({
    prisma,
    clock,
    logger,
    context: {
      policy: deps.policy,
      policySources: deps.policySources ?? {},
      groupPlatforms,
      directoryPlatforms,
      filePlatforms,
      ...(deps.kanban && { kanban: deps.kanban }),
    },
    batch: deps.inboundBatch ?? INBOUND_BATCH,
  });

  return {
    async receive(event) {
      // One sanitation for every platform (sanitize-incoming-event.ts): what a platform signed is stored or refused, never a 5xx.
      const sanitized = sanitizeIncomingEvent(event);
      if (!sanitized.ok) {
        logger.warn({ platform: event.platform, reason: sanitized.reason }, 'incoming event refused: invalid');
        deps.metrics?.callback('refused', 'invalid');
        return 'invalid';
      }
      const parsed = incomingEventSchema.safeParse(sanitized.event);
      if (!parsed.success) {
        logger.warn(
          { platform: event.platform, issue: parsed.error.issues[0]?.message, path: parsed.error.issues[0]?.path.join('.') },
          'incoming event refused: invalid',
        );
        deps.metrics?.callback('refused', 'invalid');
        return 'invalid';
      }
      if (!(await record(parsed.data))) {
        deps.metrics?.callback('refused', 'duplicate');
        return 'duplicate';
      }
      deps.metrics?.callback('accepted', '');
      loops?.inbound.kick();
      return 'accepted';
    },
    async processInbound() {
      // Workers claim like separate instances (prisma/inbound-store.ts): one sender's events in order.
      let processed = 0;
      const worker = async (): Promise<void> => {
        for (let done = await processBatch(); done > 0; done = await processBatch()) {
          processed += done;
          // Lets the callbacks that arrived meanwhile queue their inserts before the next transaction.
          await new Promise((resolve) => setImmediate(resolve));
        }
      };
      await Promise.all(Array.from({ length: deps.inboundWorkers ?? 1 }, worker));
      if (processed > 0) {
        loops?.outbox.kick();
        loops?.jobs.kick();
      }
      return processed;
    },
    deliver: () => sendPending(prisma, messengers, { now: clock.now(), logger, stopping: stopping.signal, observe: deps.metrics?.send }),
    async escalate() {
      const fired = await runEscalationCycle(prisma, { now: clock.now(), policy: deps.policy, logger });
      deps.metrics?.escalations(fired);
      if (fired > 0) loops?.outbox.kick();
      return fired;
    },
    async runJobs() {
      const ran = await runDueJobs(prisma, deps.jobs ?? {}, { now: clock.now(), logger, policy: deps.policy });
      if (ran > 0) loops?.outbox.kick();
      return ran;
    },
    async runSchedules() {
      const ran = (await runSchedules(prisma, { now: clock.now(), policy: deps.policy, logger })).length;
      deps.metrics?.scheduleRuns(ran);
      if (ran > 0) loops?.outbox.kick();
      return ran;
    },
    async prune() {
      const { inbound, outbox, signs } = await pruneOldRows(prisma, { now: clock.now(), policy: deps.policy, logger, signsKeptMs: 2 * MAX_SKEW_MS });
      return inbound + outbox + signs;
    },
    start() {
      stopping = new AbortController();
      loops = {
        inbound: runEvery('inbound', 2000, () => this.processInbound(), logger),
        outbox: runEvery('outbox', 1000, () => this.deliver(), logger),
        escalation: runEvery('escalation', ESCALATION_CYCLE_MS, () => this.escalate(), logger),
        jobs: runEvery('jobs', 5000, () => this.runJobs(), logger),
        calendar: runEvery('calendar', 60 * 60 * 1000, () => warnCalendarGap(prisma, clock.now()), logger),
        schedules: runEvery('schedules', SCHEDULE_CYCLE_MS, () => this.runSchedules(), logger),
        prune: runEvery('prune', PRUNE_CYCLE_MS, () => this.prune(), logger),
        health: runEvery('health', HEALTH_CYCLE_MS, () => warnHealth(prisma, { now: clock.now(), backupsExpected: deps.nightlyBackup !== undefined }), logger),
        ranking: runEvery('ranking', RANKING_REFRESH_CYCLE_MS, () => keepRankingSoFarYoung(prisma, clock.now(), deps.policy), logger),
      };
      const { nightlyBackup } = deps;
      if (nightlyBackup) backupLoop = runEvery('backup', 60_000, () => nightlyBackup(clock.now()), logger);
      loops.inbound.kick();
      // What came due while the server was down fires now, not one cycle later.
      loops.escalation.kick();
      loops.calendar.kick();
      loops.jobs.kick();
      loops.schedules.kick();
    },
    async stop() {
      stopping.abort();
      await Promise.all([...Object.values(loops ?? {}), ...(backupLoop ? [backupLoop] : [])].map((loop) => loop.stop()));
      loops = null;
      backupLoop = null;
    },
  };
}
