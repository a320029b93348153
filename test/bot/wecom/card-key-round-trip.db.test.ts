// A call card's buttons name the card (`take|call:1`), so a click on any copy, however old, finds
// its call and task, whatever became of WeCom's single-use response codes (72 hours, once each —
// 更新模版卡片消息). The whole bot over encrypted callbacks against a fake WeCom that refuses
// spent, unknown and expired codes with 60140, as WeCom does.
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { enqueueMessage } from '../../../core/enqueue-message.js';
import { formatShanghai } from '../../../domain/calendar/shanghai-time.js';
import { buildCallCard } from '../../../handlers/shared/build-call-card.js';
import { FakeClock } from '../../support/fake-clock.js';
import { findPerson } from '../../support/find-person.js';
import { reached, startWecomStory, textsTo, type WecomCall, type WecomStory } from '../../e2e/wecom-story-helpers.js';

// A Monday, 09:00 in Asia/Shanghai: office time.
const START = '2026-11-23T09:00:00+08:00';
let clock: FakeClock;
let story: WecomStory;
/** The task card as WeCom showed it to 自然资源局's agent. */
let card: WecomCall;
let taskId: number;

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
beforeEach(async () => {
  clock = new FakeClock(new Date(START));
  story = await startWecomStory(clock);
  const { prisma } = story.database;
  const agent = await findPerson(prisma, 'zrzy.agent', 'wecom');
  const window = await findPerson(prisma, 'window', 'wecom');
  const project = await prisma.project.create({ data: { name: '年产5万吨饲料加工项目', investmentWan: 12000, service: 'approving' } });
  const call = await prisma.call.create({
    data: {
      projectId: project.id,
      unitId: agent.unitId!,
      dispatchedById: window.id,
      postedAt: clock.now(),
      ackDueAt: new Date(clock.now().getTime() + 30 * 60_000),
    },
  });
  const task = await prisma.task.create({
    data: {
      projectId: project.id,
      unitId: agent.unitId!,
      callId: call.id,
      itemCode: 'ZR-03',
      itemName: '建设用地规划许可证',
      phase: 1,
      postedAt: clock.now(),
      promisedDays: 5,
      // Told at 派单 (一次性告知), so 办结 is not held back.
      noticeMaterials: ['建设用地规划许可申请表'],
      noticedAt: clock.now(),
    },
  });
  taskId = task.id;
  const sent = buildCallCard({ call, project, unitName: '市自然资源局', tasks: [task], dispatcher: window.name, ackDue: formatShanghai(call.ackDueAt) });
  await prisma.$transaction((tx) => enqueueMessage(tx, { to: { personId: agent.id }, message: { kind: 'card', card: sent } }));
  card = (await story.deliver())[0]!;
  expect(card).toMatchObject({ api: 'message/send', to: 'zrzy.agent', msgtype: 'template_card', answer: { response_code: 'sent-code-1' } });
});
afterEach(async () => {
  await story.close();
  nock.cleanAll();
});
afterAll(() => {
  nock.enableNetConnect();
});

const updatesIn = (calls: WecomCall[]) =>
  calls.filter((call) => call.api === 'message/update_template_card').map((call) => [call.to, call.body.response_code, call.answer.errcode]);
const state = async () => (await story.database.prisma.task.findUniqueOrThrow({ where: { id: taskId } })).state;

it('takes the task from a click whose response code WeCom no longer accepts, and updates the card with the code left', async () => {
  clock.advanceMinutes(10);
  // The code the click brings is one WeCom already counts as used; the card's send code still works.
  const taken = await story.click('zrzy.agent', card, '报到', 1, { responseCode: 'already-used-code' });
  expect(await state()).toBe('taken');
  expect(updatesIn(taken)).toEqual([
    ['zrzy.agent', 'already-used-code', 60140],
    ['zrzy.agent', 'sent-code-1', 0],
  ]);
  expect(textsTo('zrzy.agent', taken)).toEqual([expect.stringMatching(/^已报到 T\d+ 建设用地规划许可证（\d{4}-\d{2}-\d{2} 前办结）。/)]);
  expect(await story.database.prisma.outbox.count({ where: { status: 'failed' } })).toBe(0);
});

it('finishes the task from a click on the original card after its send code was spent and 72 hours passed', async () => {
  // 报到 by text spends the card's send code on the update.
  clock.advanceMinutes(10);
  const taken = await story.say('zrzy.agent', `报到 T${taskId}`);
  expect(updatesIn(taken)).toEqual([['zrzy.agent', 'sent-code-1', 0]]);

  // Four days later the agent presses 办结 on the first copy of the card; WeCom sends no usable code.
  clock.set(new Date('2026-11-27T09:00:00+08:00'));
  const finished = await story.click('zrzy.agent', card, '办结', 1, { responseCode: null });
  expect(await state()).toBe('done');
  // Nothing left to update the card with: no update call, the status as text — not silence.
  expect(updatesIn(finished)).toEqual([]);
  expect(textsTo('zrzy.agent', finished)).toEqual([
    expect.stringMatching(new RegExp(`^已办结 T${taskId} 建设用地规划许可证`)),
    `任务 T${taskId} · 建设用地规划许可证：已办结 · 自然资源局代办员 · 09:00`,
  ]);
  expect(reached(finished)).toContain('text window');
});

it('updates a card with a click’s code once, even when WeCom delivers the click twice; a later update uses the send code', async () => {
  clock.advanceMinutes(10);
  const taken = await story.click('zrzy.agent', card, '报到', 2);
  expect(await state()).toBe('taken');
  expect(updatesIn(taken)).toEqual([['zrzy.agent', expect.stringMatching(/^click-code-/), 0]]);

  // 办结 by text: the send code, never used, still updates the card.
  clock.advanceMinutes(10);
  const finished = await story.say('zrzy.agent', `办结 T${taskId} 已核发`);
  expect(await state()).toBe('done');
  expect(updatesIn(finished)).toEqual([['zrzy.agent', 'sent-code-1', 0]]);
});
