// Handles up to `batch` events of different senders in one transaction (docs/architecture.md "One
// transaction per batch"). A savepoint per handler costs two statements, so a batch first runs
// without them, and a transient error reruns it whole (with-retries.ts). An error that repeats past
// those retries is not transient: when the batch still fails — a handler failed, the same unique key
// was hit every time, the commit itself was refused — it runs carefully: a try is counted on each of
// its rows and committed first, then the batch runs again with a savepoint around each handler, so a
// failing handler rolls back only its own writes, its event is set aside and its sender told once,
// and the others commit. An event whose careful run never commits (a refused commit, a lost
// connection, a crash) is run alone the next time, and set aside after INBOUND_TRIES such runs: no
// event can block its sender's later events, or the queue, even across restarts.
// A fast run claims and marks its events in one statement (prisma/inbound-store.ts
// claimAndMarkInbound), always up to `batch` of them, and queues its handlers' messages in one
// INSERT at its end; a careful run queues each handler's inside that handler's savepoint. So a
// handler does not see, in the Outbox table, what an earlier handler of its batch queued (issue 20).
import type { Db, Tx } from '../../prisma/open-database.js';
import { dispatch } from '../../handlers/dispatch.js';
import type { Clock } from '../../core/clock.js';
import type { Logger } from '../../core/logger.js';
import { incomingEventSchema, type IncomingEvent } from '../../core/messages.js';
import { buildContext, type ContextOptions } from './build-context.js';
import {
  claimAndMarkInbound,
  claimInboundBatch,
  countInboundTries,
  lockInboundRows,
  markInboundProcessed,
  type InboundRow,
} from '../../prisma/inbound-store.js';
import { enqueueMessages, type Enqueue } from '../../core/enqueue-message.js';
import { findSenders, senderKey } from './find-senders.js';
import { isTransientError } from './is-transient-error.js';
import { setAsideInbound } from './set-aside-inbound.js';
import { withRetries } from './with-retries.js';

/** Careful runs an event gets before it is set aside without running again. */
export const INBOUND_TRIES = 3;
/** Tries of one handler inside its savepoint: a transient error (another instance in the way) gets one more. */
const SAVEPOINT_TRIES = 2;

export interface BatchDeps {
  prisma: Db;
  clock: Clock;
  logger: Logger;
  context: Omit<ContextOptions, 'now'>;
  /** Most events per transaction. */
  batch: number;
}

/** A handler failed in a run without savepoints; the cause says whether another try may pass. */
class HandlerFailed extends Error {
  constructor(cause: unknown) {
    super('a handler failed', { cause });
  }
}
/** The fast run claimed an event whose careful run never committed. */
class NeedsCare extends Error {}

/** Returns the batch processor: each call handles one batch and returns how many events it handled or set aside. */
export function createBatchProcessor(deps: BatchDeps): () => Promise<number> {
  const { prisma, clock, logger } = deps;
  /** The first run after start is careful: a process that died in a batch has left no count on its rows. */
  let fresh = true;

  async function handle(tx: Tx, rows: InboundRow[], careful: boolean): Promise<number> {
    let done = 0;
    const events: { id: bigint; event: IncomingEvent }[] = [];
    for (const row of rows) {
      const parsed = incomingEventSchema.safeParse(row.event);
      if (parsed.success) events.push({ id: row.id, event: parsed.data });
      else {
        done += 1;
        // Validated before it was stored, so this is a bug or an old row: set aside, never retried.
        logger.error({ inboundId: String(row.id), issue: parsed.error.issues[0]?.message }, 'stored event does not parse, set aside');
        await setAsideInbound(tx, row.id, 'does not parse', clock.now());
      }
    }
    const senders = await findSenders(
      tx,
      events.map(({ event }) => event),
      clock.now(),
    );
    const handled: bigint[] = [];
    let queued: Enqueue[] = [];
    const enqueue = async (item: Enqueue): Promise<void> => void queued.push(item);
    const flush = async (): Promise<void> => {
      const items = queued;
      queued = [];
      await enqueueMessages(tx, items);
    };
    for (const { id, event } of events) {
      done += 1;
      const run = async () => {
        // A careful run's failed try left its messages here; its savepoint took back its other writes.
        if (careful) queued = [];
        await dispatch(buildContext(tx, event, senders.get(senderKey(event)) ?? null, { ...deps.context, now: clock.now() }, enqueue));
        if (careful) await flush();
      };
      if (!careful) {
        try {
          await run();
        } catch (error) {
          throw new HandlerFailed(error);
        }
        handled.push(id);
        continue;
      }
      const failure = await runInSavepoint(tx, run);
      if (failure === undefined) handled.push(id);
      else {
        logger.error({ err: failure, inboundId: String(id), type: event.type, platform: event.platform }, 'handler failed');
        await setAsideInbound(tx, id, String((failure as Error)?.message ?? failure), clock.now(), event);
      }
    }
    if (careful) {
      await markInboundProcessed(tx, handled, clock.now());
      return done;
    }
    try {
      await flush();
    } catch (error) {
      // A message that cannot be queued (a project chat gone) is its handler's failure: the careful run finds which.
      throw new HandlerFailed(error);
    }
    return done;
  }

  async function processCarefully(): Promise<number> {
    let counted: { ids: bigint[]; setAside: number };
    try {
      // The try is counted and committed before any handler runs, so it stands whatever follows.
      counted = await prisma.$transaction(async (tx) => {
        const rows = await claimInboundBatch(tx, deps.batch);
        // An event whose careful run never committed goes alone: its tries count against it, not its batch-mates.
        const suspect = rows.find((row) => row.tries > 0);
        const chosen = suspect ? [suspect] : rows;
        const ids: bigint[] = [];
        let setAside = 0;
        for (const row of chosen) {
          if (row.tries < INBOUND_TRIES) {
            ids.push(row.id);
            continue;
          }
          setAside += 1;
          const parsed = incomingEventSchema.safeParse(row.event);
          logger.error({ inboundId: String(row.id), tries: row.tries }, 'incoming event never committed, set aside');
          await setAsideInbound(tx, row.id, `never committed in ${row.tries} tries`, clock.now(), parsed.success ? parsed.data : undefined);
        }
        await countInboundTries(tx, ids);
        return { ids, setAside };
      });
    } catch (error) {
      // The database keeps refusing: the rows stay unprocessed and are tried on the next pass.
      logger.error({ err: error }, 'processing incoming events failed');
      return 0;
    }
    if (counted.ids.length === 0) return counted.setAside;
    try {
      return counted.setAside + (await prisma.$transaction(async (tx) => handle(tx, await lockInboundRows(tx, counted.ids), true)));
    } catch (error) {
      logger.error({ err: error, inboundIds: counted.ids.map(String) }, 'incoming events failed even with savepoints; a try is counted on each');
      return counted.setAside;
    }
  }

  return async function processBatch(): Promise<number> {
    if (fresh) {
      fresh = false;
      return processCarefully();
    }
    let claimed = false;
    try {
      return await withRetries(() =>
        prisma.$transaction(async (tx) => {
          const rows = await claimAndMarkInbound(tx, deps.batch, clock.now());
          if (rows.length === 0) return 0;
          claimed = true;
          if (rows.some((row) => row.tries > 0)) throw new NeedsCare();
          return handle(tx, rows, false);
        }),
      );
    } catch (error) {
      if (!claimed) {
        // The database keeps refusing: the rows stay unprocessed and are tried on the next pass.
        logger.error({ err: error }, 'processing incoming events failed');
        return 0;
      }
      // A handler's own failure is logged by the careful run, which meets it again.
      if (!(error instanceof HandlerFailed || error instanceof NeedsCare)) logger.warn({ err: error }, 'a batch failed, running it with savepoints');
      return processCarefully();
    }
  };
}

/** Runs one handler inside a savepoint, so a failure rolls back its own writes only; returns its error, if any. */
async function runInSavepoint(tx: Tx, run: () => Promise<void>): Promise<unknown> {
  for (let attempt = 1; ; attempt += 1) {
    await tx.$executeRawUnsafe('SAVEPOINT handler');
    try {
      await run();
      await tx.$executeRawUnsafe('RELEASE SAVEPOINT handler');
      return undefined;
    } catch (error) {
      await tx.$executeRawUnsafe('ROLLBACK TO SAVEPOINT handler');
      if (attempt >= SAVEPOINT_TRIES || !isTransientError(error)) return error ?? new Error('handler threw nothing');
    }
  }
}
