// The 22nd's 台账 reaches each reader after the ranking and its chart, built once by a job and stored once
// (issue 20): every reader opens the same workbook, and the database holds its bytes one time, not per reader.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { runSchedules } from '../../../cron/schedules/run-schedules.js';
import { createHarness, type Harness } from '../../support/harness.js';
import { preparePlannedProject } from '../../handlers/story-steps.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ now: '2026-12-02T09:00:00+08:00' });
});
afterEach(async () => {
  await h.close();
});

it('gives each reader the ranking, its chart and the same 台账 once, in that order, stored once', { timeout: 180_000 }, async () => {
  await runSchedules(h.prisma, { now: h.clock.now(), policy: h.policy });
  // Units with something to rank, so the ranking has its chart.
  await preparePlannedProject(h);
  await h.say('window', '派单 P1 环评 施工许可');
  await h.say('zjj.agent', '报到 T2');
  h.messenger.clear();
  h.clock.set('2026-12-22T09:00:00+08:00');
  await runSchedules(h.prisma, { now: h.clock.now(), policy: h.policy });
  // Before the job runs, the ranking and its chart are queued, the file not yet.
  expect(await h.prisma.outbox.count({ where: { kind: 'file' } })).toBe(0);
  await h.app.runJobs();
  await h.app.runJobs();
  await h.app.deliver();
  await h.app.deliver();
  const readers = [...new Set(h.messenger.received.filter((item) => item.text.includes('2026-12 重点项目排名')).map((item) => item.recipient))];
  expect(readers.length).toBeGreaterThan(1);
  const files = new Set<string>();
  for (const reader of readers) {
    const got = h.messenger.to(reader).map((item) => item.message);
    const start = got.findIndex((message) => message.kind === 'markdown' && message.title === '2026-12 重点项目排名');
    expect(got.slice(start).map((message) => message.kind)).toEqual(['markdown', 'image', 'file']);
    const file = got[start + 2]!;
    if (file.kind !== 'file') throw new Error('no file');
    expect(file.name).toBe('项目台账-2026-12-22.xlsx');
    // An xlsx is a zip: it starts with PK.
    expect(Buffer.from(file.content, 'base64').subarray(0, 2).toString()).toBe('PK');
    files.add(file.content);
  }
  expect(files.size).toBe(1);
  // One stored chart and one stored workbook, whatever the number of readers.
  const stored = await h.prisma.outboxFile.findMany({ select: { mediaType: true } });
  expect(stored.map((file) => file.mediaType).sort()).toEqual(['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'image/png']);
});
