// The enterprise's commands under the concurrency rule (docs/architecture.md "Handlers lock what they
// change"), on two instances: a 绑定码 is consumed by exactly one of two people binding with it at once,
// however the contact's 评价 arrive, a service keeps one rating, the last one sent; and a 投诉 gets one answer.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { findPerson } from '../support/find-person.js';
import { repliesByAccount, startRaceCluster, type RaceCluster } from '../support/race-cluster.js';
import { REGISTER } from './story-steps.js';

const PAIRS = 50;
let cluster: RaceCluster;
let code: string;
beforeEach(async () => {
  cluster = await startRaceCluster();
  await cluster.send(0, 'window', `${REGISTER}\n责任单位：自然资源局`);
  code = /绑定码：(\d{6})/.exec((await cluster.runOne())[0]!.text)![1]!;
});
afterEach(async () => {
  await cluster.close();
});

it('binds exactly one of two people sending one 绑定码 at once on two instances, 50 times', { timeout: 180_000 }, async () => {
  const { prisma } = cluster;
  for (let round = 1; round <= PAIRS; round += 1) {
    if (round > 1) {
      await cluster.send(0, 'window', '绑定码 P1');
      code = /绑定码：(\d{6})/.exec((await cluster.runOne()).find((item) => item.recipient === 'window')!.text)![1]!;
    }
    const [first, second] = [`ent.a${round}`, `ent.b${round}`];
    await cluster.send(0, first, `绑定 ${code}`);
    await cluster.send(1, second, `绑定 ${code}`);
    const replies = repliesByAccount(await cluster.runBoth());
    const told = [first, second].map((account) => replies.get(account) ?? []);
    const won = told.map((texts) => texts.length === 1 && texts[0]!.startsWith('绑定成功'));
    // One success told, the other told the code is used and how to get a new one.
    expect(won.filter(Boolean), `round ${round}`).toHaveLength(1);
    const loser = told[won[0] ? 1 : 0]!;
    expect(loser, `round ${round}`).toEqual([expect.stringMatching(/^这个绑定码已经用过了/)]);
    const winner = await findPerson(prisma, won[0] ? first : second);
    expect((await prisma.project.findUniqueOrThrow({ where: { id: 1 } })).contactPersonId, `round ${round}`).toBe(winner.id);
  }
  expect(await prisma.event.count({ where: { kind: 'project.contact_bound' } })).toBe(PAIRS);
  expect(await prisma.bindCode.count({ where: { usedAt: { not: null } } })).toBe(PAIRS);
});

it('keeps one rating per service, the last one sent, when 评价 arrive on two instances, 50 times', { timeout: 180_000 }, async () => {
  const { prisma } = cluster;
  await cluster.send(0, 'ent.zhang', `绑定 ${code}`);
  await cluster.send(0, 'window', '终止 P1 企业调整投资计划');
  await cluster.runOne();
  for (let round = 1; round <= PAIRS; round += 1) {
    // One contact: the per-sender claim keeps the two in the order sent, whichever instance takes each.
    await cluster.send(0, 'ent.zhang', `评价 5 第${round}轮`);
    await cluster.send(1, 'ent.zhang', `评价 4 第${round}轮 审批慢`);
    const replies = repliesByAccount(await cluster.runBoth());
    expect(replies.get('ent.zhang'), `round ${round}`).toEqual(['感谢评价！P1 记为 5 分。', '感谢评价！P1 记为 4 分。']);
    expect(await prisma.rating.findMany({ select: { score: true, comment: true } }), `round ${round}`).toEqual([{ score: 4, comment: `第${round}轮 审批慢` }]);
  }
  // Each rating was recorded from the one before it: no update lost, none applied twice.
  const events = await prisma.event.findMany({ where: { kind: 'project.rated' }, orderBy: { id: 'asc' } });
  expect(events).toHaveLength(2 * PAIRS);
  events.forEach((event, index) => {
    if (index > 0) expect(event.before).toEqual(events[index - 1]!.after);
  });
});

it('sends one answer to a complaint when 重点项目办 and the 包抓领导 answer it at once on two instances, 20 times', { timeout: 180_000 }, async () => {
  const { prisma } = cluster;
  await cluster.send(0, 'ent.zhang', `绑定 ${code}`);
  await cluster.runOne();
  const ROUNDS = 20;
  for (let round = 1; round <= ROUNDS; round += 1) {
    await cluster.send(0, 'ent.zhang', `投诉 第${round}次 审批拖延`);
    await cluster.runOne();
    await cluster.send(0, 'office', `答复投诉 C${round} 重点项目办已协调`);
    await cluster.send(1, 'leader.a', `答复投诉 C${round} 包抓领导已协调`);
    const received = await cluster.runBoth();
    const answers = received.filter((item) => item.recipient === 'ent.zhang' && item.text.startsWith('【投诉答复】'));
    expect(answers, `round ${round}`).toHaveLength(1);
    // The other is told who answered first, and nothing reaches the enterprise from him.
    const replies = repliesByAccount(received);
    const lost = [...(replies.get('office') ?? []), ...(replies.get('leader.a') ?? [])].filter((text) => text.includes('无需再答复'));
    expect(lost, `round ${round}`).toHaveLength(1);
  }
  expect(await prisma.event.count({ where: { kind: 'complaint.answered' } })).toBe(ROUNDS);
  expect(await prisma.complaint.count({ where: { answeredAt: null } })).toBe(0);
});
