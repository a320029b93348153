// What the wiring gives the jobs to reach a platform: its own file, below run-due-jobs.ts and the
// jobs it runs, so the jobs and their runner do not import each other (issue 17: no import cycle).
import type { Platform } from '../../core/messages.js';
import type { DirectoryPerson, FetchFile } from '../transport/transport.js';

export interface JobRunners {
  /** Each platform's directory reader, for 同步通讯录. */
  directory?: Partial<Record<Platform, () => Promise<DirectoryPerson[]>>>;
  /** Each platform's file reader, for a ledger to import. */
  files?: Partial<Record<Platform, FetchFile>>;
}
