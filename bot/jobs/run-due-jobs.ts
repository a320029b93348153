// Runs the jobs that are due (Job rows): one instance claims a job with SKIP LOCKED and a lease,
// runs it outside any transaction (it may call a platform), then marks it done. A job that throws
// is retried after a wait, up to a few times; an instance that dies mid-job leaves it due again
// when the lease ends.
import type { Db } from '../../prisma/open-database.js';
import type { Policy } from '../../domain/policy.js';
import type { Logger } from '../../core/logger.js';
import type { Platform } from '../../core/messages.js';
import type { JobRunners } from './job-runners.js';
import { importFileJob, type ImportFileJob } from './import-file-job.js';
import { syncDirectoryJob } from './sync-directory-job.js';
import { RANKING_LEDGER_FILE_JOB, sendRankingLedgerFile, type RankingLedgerFileJob } from '../../use-cases/send-ranking-ledger-file.js';

const LEASE_MS = 2 * 60_000;
const MAX_ATTEMPTS = 3;

export async function runDueJobs(prisma: Db, runners: JobRunners, { now, logger, policy }: { now: Date; logger: Logger; policy: Policy }): Promise<number> {
  let ran = 0;
  for (;;) {
    const [job] = await prisma.$queryRaw<{ id: bigint; kind: string; payload: unknown; attempts: number }[]>`
      UPDATE "Job" SET "runAt" = ${new Date(now.getTime() + LEASE_MS)}, attempts = attempts + 1
      WHERE id = (SELECT id FROM "Job" WHERE "doneAt" IS NULL AND "runAt" <= ${now} ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
      RETURNING id, kind, payload, attempts`;
    if (!job) return ran;
    try {
      const lastTry = job.attempts >= MAX_ATTEMPTS;
      if (job.kind === 'directory-sync')
        await syncDirectoryJob(prisma, runners, job.payload as { platform: Platform; requesterId: number }, { now, logger, lastTry });
      else if (job.kind === 'import-file') await importFileJob(prisma, runners, job.payload as ImportFileJob, { now, logger, lastTry, policy });
      else if (job.kind === RANKING_LEDGER_FILE_JOB) await sendRankingLedgerFile(prisma, job.payload as RankingLedgerFileJob, { policy, logger, lastTry });
      else throw new Error(`unknown job kind ${job.kind}`);
      await prisma.job.update({ where: { id: job.id }, data: { doneAt: now } });
    } catch (error) {
      logger.warn({ err: error, jobId: String(job.id), kind: job.kind, attempts: job.attempts }, 'job failed');
      const last = job.attempts >= MAX_ATTEMPTS;
      await prisma.job.update({
        where: { id: job.id },
        data: {
          lastError: String((error as Error).message).slice(0, 500),
          ...(last ? { doneAt: now } : { runAt: new Date(now.getTime() + 30_000 * job.attempts) }),
        },
      });
    }
    ran += 1;
  }
}
