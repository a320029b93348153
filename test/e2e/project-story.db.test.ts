// The whole story through the local chat (POST /local/say, as `npm run chat` does): register
// → bind the enterprise contact → accept → team → plan → dispatch five items, four of them to
// 自然资源局, which gets one card (one call) → 生态环境局 reports in time, 自然资源局 does not →
// exactly the right people are told once at each step for the call → one 报到 takes all four →
// the items finish one by one → the enterprise sees them in 进度 and rates the service → 档案.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FakeClock } from '../support/fake-clock.js';
import { startLocalChat, type LocalChat, type TimedDelivery } from './local-chat.js';

const clock = new FakeClock(new Date('2026-11-23T09:00:00+08:00'));
let chat: LocalChat;

beforeAll(async () => {
  chat = await startLocalChat(clock);
});
afterAll(async () => {
  await chat.close();
});

/** Sends a line through the local chat, lets the bot process it, and returns what it delivered. */
async function say(userid: string, text: string): Promise<TimedDelivery[]> {
  const before = chat.deliveries.length;
  await chat.post(userid, text);
  await chat.app.processInbound();
  await chat.app.deliver();
  return chat.deliveries.slice(before);
}

async function escalate(): Promise<TimedDelivery[]> {
  const before = chat.deliveries.length;
  await chat.app.escalate();
  await chat.app.deliver();
  return chat.deliveries.slice(before);
}

const to = (userid: string, deliveries: TimedDelivery[]) => deliveries.filter((item) => item.recipient === userid).map((item) => item.text);

it('serves a project from registration to rating, escalating the late unit exactly once per step', async () => {
  const registered = await say(
    'window',
    '登记项目\n名称：光伏组件项目\n投资：3.5亿\n企业：某某新能源公司\n联系人：张三 13900001111\n包抓领导：县领导甲\n签约日期：2026-11-02',
  );
  const code = /绑定码：(\d{6})/.exec(to('window', registered)[0] ?? '')?.[1];
  expect(code).toBeDefined();

  expect(to('ent.zhang', await say('ent.zhang', `绑定 ${code}`))).toEqual(['绑定成功：你是 P1 光伏组件项目 的企业联络员。发送「进度」查看办理情况。']);
  expect(to('window', await say('window', '受理 P1'))[0]).toMatch(/^已受理 P1/);
  expect(to('window', await say('window', '组建团队 P1'))[0]).toMatch(/^P1 团队已组建：包抓领导 县领导甲/);
  expect(to('window', await say('window', '方案 P1'))[0]).toMatch(/^P1 光伏组件项目 服务方案（8 项）/);
  expect(to('window', await say('window', '方案 P1 增加 土地出让'))[0]).toMatch(/^P1 光伏组件项目 服务方案（9 项）/);

  // 派单: 自然资源局 has four items and gets one call — one card to its agent and one to its 责任领导 —
  // and the enterprise is told every material once.
  const posted = await say('window', '派单 P1 环评 用地预审 用地规划 土地出让 工程规划');
  expect(posted.map((item) => item.recipient)).toEqual(['window', 'sthj.leader', 'sthj.agent', 'zrzy.leader', 'zrzy.agent', 'ent.zhang']);
  const zrzyCard = to('zrzy.agent', posted)[0] ?? '';
  expect(zrzyCard).toMatch(/^【任务 T2 T3 T4 T5 · 4 项】/);
  expect(zrzyCard).toContain('报到期限：11-23 09:30 前');
  for (const item of ['T2：建设项目用地预审与选址意见书', 'T3：建设用地规划许可证', 'T4：国有土地使用权出让审核', 'T5：建设工程规划许可证'])
    expect(zrzyCard).toContain(item);
  expect(to('ent.zhang', posted)).toHaveLength(1);
  expect(to('ent.zhang', posted)[0]).toMatch(/^【一次性告知】P1 光伏组件项目 办理以下事项需要企业提供的全部材料：/);

  // 生态环境局 reports in time.
  clock.advanceMinutes(10);
  await say('sthj.agent', '报到 T1');
  clock.advanceMinutes(19);
  expect(await escalate()).toEqual([]);

  // 自然资源局 does not: at 09:30 its agent is reminded, its 责任领导 and the window are told — once for
  // the call, naming its four items.
  clock.advanceMinutes(1);
  const first = await escalate();
  expect(first.map((item) => item.recipient).sort()).toEqual(['window', 'zrzy.agent', 'zrzy.leader']);
  expect(to('zrzy.agent', first)).toEqual([
    '提醒：任务 T2 建设项目用地预审与选址意见书、T3 建设用地规划许可证、T4 国有土地使用权出让审核、T5 建设工程规划许可证（P1 光伏组件项目）于 11-23 09:00 派单，已超过 30 分钟未报到，请立即报到。',
  ]);
  clock.advanceMinutes(5);
  expect(await escalate()).toEqual([]);

  // At 10:00 the project's leader and 重点项目办 are told — once; nobody else, ever.
  clock.advanceMinutes(25);
  const second = await escalate();
  expect(second.map((item) => item.recipient).sort()).toEqual(['leader.a', 'office']);
  expect(to('office', second)[0]).toMatch(/^督办：市自然资源局的任务 T2 .*、T5 建设工程规划许可证（P1 光伏组件项目）派单已超过 60 分钟仍无人报到。$/);
  clock.advanceMinutes(60);
  expect(await escalate()).toEqual([]);

  // The late unit reports once, with any of its items' numbers: the whole call is taken, and everyone the
  // escalation told hears it once.
  const taken = await say('zrzy.agent', '报到 T4');
  expect(to('zrzy.agent', taken)[0]).toMatch(/^已报到 T2 .*、T3 .*、T4 .*、T5 .*。/);
  expect(to('window', taken)).toEqual([
    'T2 建设项目用地预审与选址意见书、T3 建设用地规划许可证、T4 国有土地使用权出让审核、T5 建设工程规划许可证（P1）已由市自然资源局 自然资源局代办员报到，用时 2 小时（超时）。',
  ]);
  for (const person of ['zrzy.leader', 'leader.a', 'office']) expect(to(person, taken).filter((text) => text.includes('报到，用时'))).toHaveLength(1);
  expect((await say('zrzy.leader', '报到 T2')).map((item) => item.text)).toEqual(['这个任务已由自然资源局代办员于 11-23 11:00 报到。']);

  // Then the items finish one by one; results reach the enterprise at once.
  expect(to('ent.zhang', await say('sthj.agent', '办结 T1 已出具环评批复'))).toEqual([
    'T1 环境影响评价审批（P1 光伏组件项目）已办结：已出具环评批复（市生态环境局）',
  ]);
  for (const id of [2, 3, 4, 5]) expect(to('ent.zhang', await say('zrzy.agent', `办结 T${id} 已核发`))).toHaveLength(1);

  const progress = to('ent.zhang', await say('ent.zhang', '进度'))[0] ?? '';
  expect(progress).toContain('✅ T1 环境影响评价审批 · 市生态环境局 · 已办结');
  expect(progress).toContain('✅ T4 国有土地使用权出让审核 · 市自然资源局 · 已办结');

  await say('window', '办结项目 P1');
  expect(to('ent.zhang', await say('ent.zhang', '评价 P1 5 很满意'))).toEqual(['感谢评价！P1 记为 5 分。']);

  const archive = (to('window', await say('window', '档案 P1'))[0] ?? '')
    .split('\n')
    .slice(1)
    .map((line) => line.replace(/^\d\d-\d\d \d\d:\d\d /, ''));
  expect(archive).toEqual([
    '专窗小李（专窗·本地聊天）登记项目',
    '张三（企业联络员·本地聊天）企业联络员绑定',
    '专窗小李（专窗·本地聊天）受理帮办代办',
    '专窗小李（专窗·本地聊天）组建团队（11 人）',
    '专窗小李（专窗·本地聊天）制定方案（8 项）',
    '专窗小李（专窗·本地聊天）方案增加 「国有土地使用权出让审核」',
    '专窗小李（专窗·本地聊天）T1 派单「环境影响评价审批」',
    '专窗小李（专窗·本地聊天）T2 派单「建设项目用地预审与选址意见书」',
    '专窗小李（专窗·本地聊天）T3 派单「建设用地规划许可证」',
    '专窗小李（专窗·本地聊天）T4 派单「国有土地使用权出让审核」',
    '专窗小李（专窗·本地聊天）T5 派单「建设工程规划许可证」',
    '专窗小李（专窗·本地聊天）服务改为审批中',
    '专窗小李（专窗·本地聊天）进入立项用地规划许可阶段',
    '专窗小李（专窗·本地聊天）一次性告知企业 5 个事项的材料',
    '张三（企业联络员·本地聊天）送达企业：【一次性告知】P1 光伏组件项目 办理以下事项需要企业提供的全部材料： 「环境影响评价审批」（T1） 1. 环评审批申请…',
    '生态环境局代办员（代办员·本地聊天）T1 报到（派单后 10 分钟）',
    '系统（系统）T2 超时未报到，第 1 级提醒，已提醒 市自然资源局 代办员 自然资源局代办员、市自然资源局 责任领导 自然资源局责任领导、市政务服务中心 专窗 专窗小李',
    '系统（系统）T2 超时未报到，第 2 级提醒，已提醒 县政府 县领导 县领导甲、重点项目办 重点项目办小赵',
    '自然资源局代办员（代办员·本地聊天）T2 报到（派单后 120 分钟，超时）',
    '自然资源局代办员（代办员·本地聊天）T3 报到（派单后 120 分钟，超时）',
    '自然资源局代办员（代办员·本地聊天）T4 报到（派单后 120 分钟，超时）',
    '自然资源局代办员（代办员·本地聊天）T5 报到（派单后 120 分钟，超时）',
    '生态环境局代办员（代办员·本地聊天）T1 办结：已出具环评批复',
    '自然资源局代办员（代办员·本地聊天）T2 办结：已核发',
    '自然资源局代办员（代办员·本地聊天）T3 办结：已核发',
    '自然资源局代办员（代办员·本地聊天）T4 办结：已核发',
    '自然资源局代办员（代办员·本地聊天）T5 办结：已核发',
    '专窗小李（专窗·本地聊天）帮办代办服务办结',
    '张三（企业联络员·本地聊天）企业评价 5 分：很满意',
    // What reached the enterprise (送达): on this frozen clock, after the events of the same minute.
    '张三（企业联络员·本地聊天）送达企业：T1 环境影响评价审批（P1 光伏组件项目）已办结：已出具环评批复（市生态环境局）',
    '张三（企业联络员·本地聊天）送达企业：T2 建设项目用地预审与选址意见书（P1 光伏组件项目）已办结：已核发（市自然资源局）',
    '张三（企业联络员·本地聊天）送达企业：T3 建设用地规划许可证（P1 光伏组件项目）已办结：已核发（市自然资源局）',
    '张三（企业联络员·本地聊天）送达企业：T4 国有土地使用权出让审核（P1 光伏组件项目）已办结：已核发（市自然资源局）',
    '张三（企业联络员·本地聊天）送达企业：T5 建设工程规划许可证（P1 光伏组件项目）已办结：已核发（市自然资源局）',
    '张三（企业联络员·本地聊天）送达企业：P1 光伏组件项目 帮办代办服务已办结。请为本次服务评价：评价 P1 5 意见（1–5 分）',
  ]);

  // Escalation notices went to exactly five people, once each, over the whole story.
  const escalations = chat.deliveries.filter((item) => /分钟未报到|仍无人报到/.test(item.text));
  expect(escalations.map((item) => item.recipient).sort()).toEqual(['leader.a', 'office', 'window', 'zrzy.agent', 'zrzy.leader']);
});
