// What `npm run chat -- --clock "2026-12-01 09:00"` does: move the local bot's clock, run the
// schedule at the new time and deliver what it queued, so the digests due then show up at once.
import type { Db } from '../../prisma/open-database.js';
import type { Policy } from '../../domain/policy.js';
import { runSchedules } from '../../cron/schedules/run-schedules.js';
import type { App } from '../app.js';
import type { Logger } from '../logger.js';
import type { ShiftableClock } from './shiftable-clock.js';

export function moveLocalClock(deps: { prisma: Db; policy: Policy; logger: Logger; clock: ShiftableClock; app: App }): (at: Date) => Promise<void> {
  return async (at) => {
    deps.clock.moveTo(at);
    deps.logger.info({ now: at.toISOString() }, 'local clock moved');
    await runSchedules(deps.prisma, { now: deps.clock.now(), policy: deps.policy, logger: deps.logger });
    await deps.app.deliver();
  };
}
