// The 服务绿卡 renewal reminder (000 第四条(五)) on two instances of one database: both run the pass at
// the same moment, as each instance's schedule loop does every minute; each holder is reminded once
// and the archive records it once (cron/remind-green-card-renewals.ts).
import { afterEach, expect, it } from 'vitest';
import { remindGreenCardRenewals } from '../../cron/remind-green-card-renewals.js';
import { resolvePolicy } from '../../domain/policy.js';
import { startRaceCluster, type RaceCluster } from '../support/race-cluster.js';

let cluster: RaceCluster;
afterEach(async () => {
  await cluster.close();
});

it('reminds each holder once when two instances reach the reminder together', { timeout: 90_000 }, async () => {
  const resolved = resolvePolicy(undefined, '绵阳');
  if (!resolved.ok) throw new Error(resolved.problems.join('; '));
  cluster = await startRaceCluster(resolved.policy);
  for (const [account, text] of [
    ['window', '登记项目 名称：智能终端产业园 投资：6亿 行业：电子信息 包抓领导：县领导甲'],
    ['window', '申请绿卡 P1'],
    ['invest', '发放绿卡 P1'],
  ] as const) {
    await cluster.send(0, account, text);
    await cluster.runOne();
  }
  for (let round = 0; round < 3; round++) {
    const at = new Date(Date.parse('2028-09-24T09:00:00+08:00') + round * 60_000);
    const reminded = await Promise.all(cluster.instancePrismas.map((prisma) => remindGreenCardRenewals(prisma, at)));
    expect(reminded.reduce((sum, count) => sum + count, 0)).toBe(round === 0 ? 1 : 0);
  }
  const delivered = (await cluster.runOne()).filter((item) => item.text.startsWith('【绿卡续用提醒】'));
  expect(delivered.map((item) => item.recipient).sort()).toEqual(['invest', 'leader.a']);
  expect(await cluster.prisma.event.count({ where: { kind: 'green_card.renewal_reminded' } })).toBe(1);
});

it('tells the admins when no 招商服务中心 is in the roster to issue the renewal', { timeout: 90_000 }, async () => {
  const resolved = resolvePolicy(undefined, '绵阳');
  if (!resolved.ok) throw new Error(resolved.problems.join('; '));
  cluster = await startRaceCluster(resolved.policy);
  for (const [account, text] of [
    ['window', '登记项目 名称：智能终端产业园 投资：6亿 行业：电子信息 包抓领导：县领导甲'],
    ['window', '申请绿卡 P1'],
    ['invest', '发放绿卡 P1'],
  ] as const) {
    await cluster.send(0, account, text);
    await cluster.runOne();
  }
  // 招商服务中心 left the roster after issuing the card.
  await cluster.prisma.person.updateMany({ where: { roles: { has: 'investment_center' } }, data: { active: false } });
  expect(await remindGreenCardRenewals(cluster.instancePrismas[0]!, new Date('2028-09-24T09:00:00+08:00'))).toBe(1);
  const delivered = (await cluster.runOne()).filter((item) => item.text.startsWith('【绿卡续用提醒】'));
  expect(delivered.map((item) => item.recipient).sort()).toEqual(['admin', 'leader.a']);
});
