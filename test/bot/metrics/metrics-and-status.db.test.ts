// `/metrics` and the admin's `状态` read the same database at the same moment: after some traffic, a
// message failing and retried, another set aside, a duplicate callback and a backup, both say the same.
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createLogger } from '../../../core/logger.js';
import { takeBackup } from '../../../bot/backup/take-backup.js';
import { createServer } from '../../../bot/server.js';
import type { Delivery, DeliveryResult } from '../../../bot/transport/messenger.js';
import { warnHealth } from '../../../cron/warn-health.js';
import { createHarness, type Harness } from '../../support/harness.js';
import { RecordingMessenger } from '../../support/recording-messenger.js';
import { REGISTER } from '../../handlers/story-steps.js';

/** 发改委's agent cannot be reached for now (retried); 生态环境局's account is refused for good (set aside). */
class FailingMessenger extends RecordingMessenger {
  override async deliver(delivery: Delivery): Promise<DeliveryResult> {
    const account = 'account' in delivery.to ? delivery.to.account : '';
    if (account === 'fgw.agent') return { ok: false, retry: true, error: 'HTTP 502' };
    if (account === 'sthj.agent') return { ok: false, retry: false, error: 'errcode 40003 invalid userid' };
    return super.deliver(delivery);
  }
}

let h: Harness;
let dir: string;
beforeEach(async () => {
  h = await createHarness({ metrics: true, messenger: new FailingMessenger() });
  dir = mkdtempSync(join(tmpdir(), 'xmgj-metrics-'));
});
afterEach(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

async function scrape(): Promise<string> {
  const app = createServer(h.prisma, createLogger('silent'), [], false, () => [], h.metrics);
  const server = createHttpServer(app.callback()).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`);
    expect(response.headers.get('content-type')).toContain('text/plain');
    return await response.text();
  } finally {
    server.close();
  }
}

function value(text: string, series: string): number | undefined {
  const line = text.split('\n').find((row) => row.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

it('says in 状态 what /metrics serves', async () => {
  await h.say('window', `${REGISTER}\n责任单位：自然资源局`);
  await h.say('window', '受理 P1');
  await h.say('window', '组建团队 P1');
  await h.say('window', '方案 P1');
  await h.say('window', '派单 P1 全部');
  // The rows' createdAt is the database's clock: set it to the test's.
  await h.prisma.outbox.updateMany({ data: { createdAt: h.clock.now() } });
  // A platform's retry of a callback already recorded.
  const event = { platform: 'local' as const, type: 'text' as const, account: 'window', text: '进度 P1', dedupKey: 'same', at: h.clock.now().toISOString() };
  expect(await h.app.receive(event)).toBe('accepted');
  expect(await h.app.receive(event)).toBe('duplicate');
  await h.app.processInbound();
  await h.app.deliver();
  // On PostgreSQL (the db project) the backup is pg_dump's, recorded the same way; its row stands in for it here.
  const backup = h.database.dump
    ? await takeBackup(h.prisma, { kind: 'pglite', dump: h.database.dump }, { dir, kept: 14, now: h.clock.now() })
    : { ok: true as const, file: join(dir, 'xiangmu-guanjia-2026-11-23T02-00-00Z.pgdump') };
  if (!backup.ok) throw new Error(backup.detail);
  if (!h.database.dump)
    await h.prisma.scheduleRun.create({ data: { job: 'backup', slot: backup.file.split('/').pop()!, startedAt: h.clock.now(), finishedAt: h.clock.now() } });
  h.clock.advanceMinutes(90);

  const [status] = await h.say('admin', '状态');
  const metrics = await scrape();

  const pending = value(metrics, 'xmgj_outbox_messages{platform="local",status="pending"}');
  const failed = value(metrics, 'xmgj_outbox_messages{platform="local",status="failed"}');
  expect([pending, failed]).toEqual([1, 1]);
  expect(status!.text).toContain(`本地聊天：待发 ${pending} 条，发送失败 ${failed} 条`);
  expect(status!.text).toContain('仍在重试的消息：最早一条自 2026-11-23 10:00 起发送失败（1 小时）');
  expect(value(metrics, 'xmgj_outbox_oldest_failing_seconds')).toBe(90 * 60);
  expect(status!.text).toContain(`待处理的来信：最早一条已等 ${value(metrics, 'xmgj_inbound_lag_seconds')} 秒`);
  const file = backup.file.split('/').pop()!;
  // 90 minutes from the backup's start, less the seconds the dump took.
  expect(value(metrics, `xmgj_last_backup_age_seconds{file="${file}"}`)).toBeGreaterThan(89 * 60);
  expect(status!.text).toContain(`最近备份：2026-11-23 10:00（1 小时前），${file}`);
  // This process's counters.
  expect(value(metrics, 'xmgj_callbacks_total{outcome="accepted",reason=""}')).toBe(7);
  expect(value(metrics, 'xmgj_callbacks_total{outcome="refused",reason="duplicate"}')).toBe(1);
  // 发改委's card failed at 10:00 and again when the outbox was next due, at 11:30.
  expect(value(metrics, 'xmgj_sends_total{platform="local",outcome="retry"}')).toBe(2);
  expect(value(metrics, 'xmgj_sends_total{platform="local",outcome="failed"}')).toBe(1);
});

it('tells the admin once when a message has failed for an hour', async () => {
  await h.say('window', `${REGISTER}\n责任单位：自然资源局`);
  await h.say('window', '受理 P1');
  await h.say('window', '组建团队 P1');
  await h.say('window', '方案 P1');
  await h.say('window', '派单 P1 全部');
  // The rows' createdAt is the database's clock: set it to the test's.
  await h.prisma.outbox.updateMany({ data: { createdAt: h.clock.now() } });
  h.messenger.clear();
  expect(await warnHealth(h.prisma, { now: h.clock.now(), backupsExpected: false })).toEqual([]);
  h.clock.advanceMinutes(60);
  await warnHealth(h.prisma, { now: h.clock.now(), backupsExpected: false });
  await warnHealth(h.prisma, { now: h.clock.now(), backupsExpected: false });
  await h.app.deliver();
  // Bundled with the notice that 生态环境局's message was set aside (bot/outbox/report-failure.ts).
  const told = h.textsTo('admin').join('\n');
  expect(told.split('有消息发送失败已超过 1 小时').length - 1).toBe(1);
  expect(told).toContain('有消息发送失败已超过 1 小时（2026-11-23 10:00 起），仍在重试。发「状态」查看待发和失败的消息。');
});

it('tells the admin once when the nightly backup has not succeeded for two days', async () => {
  const hoursAgo = (hours: number) => new Date(h.clock.now().getTime() - hours * 3_600_000);
  await h.prisma.scheduleRun.create({ data: { job: 'backup-nightly', slot: '2026-11-20', startedAt: hoursAgo(79) } });
  expect(await warnHealth(h.prisma, { now: h.clock.now(), backupsExpected: true })).toEqual(['health:backup-stale:none']);
  await h.prisma.scheduleRun.create({
    data: { job: 'backup', slot: 'xiangmu-guanjia-2026-11-21T19-00-00Z.tar.gz', startedAt: hoursAgo(47), finishedAt: hoursAgo(47) },
  });
  expect(await warnHealth(h.prisma, { now: h.clock.now(), backupsExpected: true })).toEqual([]);
  h.clock.advanceMinutes(60);
  await warnHealth(h.prisma, { now: h.clock.now(), backupsExpected: true });
  await warnHealth(h.prisma, { now: h.clock.now(), backupsExpected: true });
  await h.app.deliver();
  expect(h.textsTo('admin')).toEqual([
    '每晚备份至今没有成功过。请查看日志和磁盘空间，或运行 npm run backup。\n\n已超过两天没有新的备份（最近一次 2026-11-21 11:00）。请查看日志和磁盘空间，或运行 npm run backup。',
  ]);
});
