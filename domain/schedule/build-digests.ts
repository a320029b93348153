// One occurrence → its messages, a pure function of the snapshot: the table from purpose to
// builder, with one message per person (someone who is both 重点项目办 and 主要领导 gets one copy).
import type { DueOccurrence } from './due-occurrences.js';
import type { Digest } from './schedule-snapshot.js';
import type { DigestContext } from './digests/describe-project.js';
import type { ChartSpec } from '../charts/chart-spec.js';
import { buildLeaderDigest } from './digests/build-leader-digest.js';
import { buildMeetingAgenda } from './digests/build-meeting-agenda.js';
import { buildAssignment, buildProgressAsk, buildSignedList, buildSigningReminder, buildStartLedger } from './digests/build-monthly-lists.js';
import { buildProblemAsk } from './digests/build-problem-ask.js';
import { buildRanking } from './digests/build-ranking.js';
import { buildDeadlineReminder } from './digests/build-deadline-reminder.js';
import { buildTaskDueReminder } from './digests/build-task-due-reminder.js';

export interface BuiltDigests {
  digests: Digest[];
  /** Problems this digest carries to the leaders (Wednesday), to mark in the same transaction. */
  problemIds: number[];
  /**
   * The picture sent right after the text to each of its readers (the Wednesday digest, the 22nd's ranking):
   * the same for all of them, so drawn once per run (cron/schedules/run-schedules.ts).
   */
  chart: ChartSpec | null;
}

/**
 * `previousSlot`: the same job's last run before this one (a daily job's date), so a day the bot was
 * down is caught up by the next run (build-deadline-reminder.ts); absent, only today's rules fire.
 */
export function buildDigests(
  occurrence: Pick<DueOccurrence, 'purpose' | 'slot' | 'late'> & { previousSlot?: string | null },
  context: DigestContext,
): BuiltDigests {
  const { slot, late } = occurrence;
  let problemIds: number[] = [];
  let chart: ChartSpec | null = null;
  let digests: Digest[];
  switch (occurrence.purpose) {
    case 'problemsAsk':
      digests = buildProblemAsk(context, slot, { reminder: false, late });
      break;
    case 'problemsReminder':
      digests = buildProblemAsk(context, slot, { reminder: true, late });
      break;
    case 'leaderDigest':
      ({ digests, problemIds, chart } = buildLeaderDigest(context, slot, late));
      break;
    case 'meeting':
      digests = buildMeetingAgenda(context, slot, late);
      break;
    case 'signedList':
      digests = buildSignedList(context, slot, late);
      break;
    case 'startLedger':
      digests = buildStartLedger(context, slot, late);
      break;
    case 'assignment':
      digests = buildAssignment(context, slot, late);
      break;
    case 'progressAsk':
      digests = buildProgressAsk(context, slot, late);
      break;
    case 'ranking':
      ({ digests, chart } = buildRanking(context, slot, late));
      break;
    case 'signing':
      digests = buildSigningReminder(context, slot, late);
      break;
    case 'deadlines':
      digests = buildDeadlineReminder(context, late, occurrence.previousSlot ?? null);
      break;
    case 'taskDeadlines':
      digests = buildTaskDueReminder(context, late);
      break;
  }
  const seen = new Set<number>();
  return { digests: digests.filter((digest) => !seen.has(digest.personId) && Boolean(seen.add(digest.personId))), problemIds, chart };
}
