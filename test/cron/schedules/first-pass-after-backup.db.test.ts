// A backup taken before the bot's first start (`npm run backup` records itself in ScheduleRun) leaves the
// first pass a new installation's: what is open is marked, not sent as a catch-up.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { runSchedules } from '../../../cron/schedules/run-schedules.js';
import { createHarness, type Harness } from '../../support/harness.js';

let h: Harness;
beforeEach(async () => {
  // A Wednesday at 09:00, the 2nd: the leaders' digest and the 1st's signed list are open.
  h = await createHarness({ now: '2026-12-02T09:30:00+08:00' });
});
afterEach(async () => {
  await h.close();
});

it('sends nothing at the first pass after a backup', async () => {
  await h.prisma.scheduleRun.create({ data: { job: 'backup', slot: 'xiangmu-guanjia-2026-12-01T19-00-00Z.tar.gz', finishedAt: h.clock.now() } });
  expect(await runSchedules(h.prisma, { now: h.clock.now(), policy: h.policy })).toEqual([]);
  await h.app.deliver();
  expect(h.messenger.received).toEqual([]);
});
