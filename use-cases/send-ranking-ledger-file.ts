// The 22nd's 台账 file as a job of its own (issue 20): the ranking's transaction queues only the ranking, its
// chart and this job (cron/schedules/run-schedules.ts); one instance claims the job (bot/jobs/run-due-jobs.ts,
// SKIP LOCKED), reads the ledger, lets exceljs write the workbook with no transaction open, stores the bytes
// once (prisma/outbox-file-store.ts) and queues one message per reader naming them. A reader's file row is
// queued after that reader's ranking and chart, and one person's rows are sent in queue order.
import type { Db, Tx } from '../prisma/open-database.js';
import type { Logger } from '../core/logger.js';
import type { Policy } from '../domain/policy.js';
import { enqueueMessages } from '../core/enqueue-message.js';
import { loadSnapshot } from '../prisma/load-snapshot.js';
import { loadWorkingCalendar } from '../prisma/load-working-calendar.js';
import { storeOutboxFile } from '../prisma/outbox-file-store.js';
import { ledgerFileOf } from './build-ledger-file.js';

export const RANKING_LEDGER_FILE_JOB = 'ranking-ledger-file';

export interface RankingLedgerFileJob {
  /** The ranking's occurrence key, e.g. `ranking:2026-12`: the readers' dedup keys derive from it. */
  occurrenceKey: string;
  /** The ranking's readers, in the order they get it. */
  personIds: number[];
  /** The ranking's instant (ISO), which names the file and dates its columns. */
  at: string;
}

/** Inside the ranking's transaction: the file is built once it has committed. */
export async function queueRankingLedgerFile(tx: Tx, job: RankingLedgerFileJob): Promise<void> {
  if (job.personIds.length === 0) return;
  await tx.job.create({ data: { kind: RANKING_LEDGER_FILE_JOB, payload: { ...job }, runAt: new Date(job.at) } });
}

/** Builds, stores and queues the file; a failure is thrown to be retried, and on the last try the readers are told. */
export async function sendRankingLedgerFile(
  prisma: Db,
  job: RankingLedgerFileJob,
  { policy, logger, lastTry }: { policy: Policy; logger: Logger; lastTry: boolean },
): Promise<void> {
  const now = new Date(job.at);
  const key = (personId: number) => `schedule:${job.occurrenceKey}:file:${personId}`;
  let file: { name: string; content: Buffer };
  try {
    const { calendar, stored } = await prisma.$transaction(
      async (tx) => ({ calendar: await loadWorkingCalendar(tx), stored: await loadSnapshot(tx, now, { closedProblems: true }) }),
      { timeout: TIMEOUT_MS },
    );
    ({ file } = await ledgerFileOf(stored, { now, policy, calendar }));
  } catch (error) {
    if (!lastTry) throw error;
    logger.warn({ err: error, occurrence: job.occurrenceKey }, 'ranking ledger file: building it failed');
    await prisma.$transaction(async (tx) =>
      enqueueMessages(
        tx,
        (await activeReaders(tx, job.personIds)).map((personId) => ({
          to: { personId },
          message: { kind: 'text', text: '本月台账文件生成失败，请发送「台账」获取。' },
          dedupKey: `${key(personId)}:failed`,
        })),
      ),
    );
    return;
  }
  await prisma.$transaction(
    async (tx) => {
      const readers = await activeReaders(tx, job.personIds);
      // An instance that died after this commit and before marking the job done leaves it due again: queued once.
      const queued = await tx.outbox.count({ where: { dedupKey: { in: readers.map(key) } } });
      if (readers.length === 0 || queued > 0) return;
      const fileId = await storeOutboxFile(tx, { name: file.name, mediaType: XLSX, bytes: file.content });
      await enqueueMessages(
        tx,
        readers.map((personId) => ({ to: { personId }, message: { kind: 'file', name: file.name, fileId }, dedupKey: key(personId) })),
      );
    },
    { timeout: TIMEOUT_MS },
  );
}

/** A county's whole ledger read (10,000 projects) outlasts Prisma's default 5 s on a busy machine. */
const TIMEOUT_MS = 60_000;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function activeReaders(tx: Tx, personIds: readonly number[]): Promise<number[]> {
  const active = new Set((await tx.person.findMany({ where: { id: { in: [...personIds] }, active: true }, select: { id: true } })).map((person) => person.id));
  return personIds.filter((id) => active.has(id));
}
