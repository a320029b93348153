// The whole story through the local chat (POST /local/say, as `npm run chat` does): register
// → bind the enterprise contact → accept → team → plan → dispatch two items → one unit reports
// in time, the other does not → exactly the right people are told once at each step → the late
// unit finishes → the enterprise sees both items in 进度 and rates the service → 档案 shows it all.
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

  const posted = await say('window', '派单 P1 环评 施工许可');
  expect(posted.map((item) => item.recipient)).toEqual(['window', 'sthj.leader', 'sthj.agent', 'zjj.leader', 'zjj.agent']);
  expect(to('zjj.agent', posted)[0]).toContain('报到期限：11-23 09:30 前');

  // 生态环境局 reports in time.
  clock.advanceMinutes(10);
  await say('sthj.agent', '报到 T1');
  clock.advanceMinutes(19);
  expect(await escalate()).toEqual([]);

  // 住建局 does not: at 09:30 its agent is reminded, its 责任领导 and the window are told — once.
  clock.advanceMinutes(1);
  const first = await escalate();
  expect(first.map((item) => item.recipient).sort()).toEqual(['window', 'zjj.agent', 'zjj.leader']);
  expect(to('zjj.agent', first)[0]).toMatch(/^提醒：任务 T2（P1 光伏组件项目 · 建筑工程施工许可证）于 11-23 09:00 派单，已超过 30 分钟未报到/);
  clock.advanceMinutes(5);
  expect(await escalate()).toEqual([]);

  // At 10:00 the project's leader and 重点项目办 are told — once; nobody else, ever.
  clock.advanceMinutes(25);
  const second = await escalate();
  expect(second.map((item) => item.recipient).sort()).toEqual(['leader.a', 'office']);
  expect(to('office', second)[0]).toMatch(/^督办：市住房和城乡建设局的任务 T2/);
  clock.advanceMinutes(60);
  expect(await escalate()).toEqual([]);

  // The late unit reports, then both units finish; results reach the enterprise at once.
  await say('zjj.agent', '报到 T2');
  await say('sthj.agent', '告知 T1');
  expect(to('ent.zhang', await say('sthj.agent', '办结 T1 已出具环评批复'))).toEqual([
    'T1 环境影响评价审批（P1 光伏组件项目）已办结：已出具环评批复（市生态环境局）',
  ]);
  expect(to('ent.zhang', await say('zjj.agent', '办结 T2 已核发施工许可证'))).toHaveLength(1);

  const progress = to('ent.zhang', await say('ent.zhang', '进度'))[0] ?? '';
  expect(progress).toContain('✅ T1 环境影响评价审批 · 市生态环境局 · 已办结');
  expect(progress).toContain('✅ T2 建筑工程施工许可证 · 市住房和城乡建设局 · 已办结');

  await say('window', '办结项目 P1');
  expect(to('ent.zhang', await say('ent.zhang', '评价 P1 5 很满意'))).toEqual(['感谢评价！P1 记为 5 分。']);

  const archive = (to('window', await say('window', '档案 P1'))[0] ?? '')
    .split('\n')
    .slice(1)
    .map((line) => line.replace(/^\d\d-\d\d \d\d:\d\d /, ''));
  expect(archive).toEqual([
    '专窗小李（专窗·本地）登记项目',
    '张三（企业联络员·本地）企业联络员绑定',
    '专窗小李（专窗·本地）受理帮办代办',
    '专窗小李（专窗·本地）组建团队（11 人）',
    '专窗小李（专窗·本地）制定方案（8 项）',
    '专窗小李（专窗·本地）T1 派单「环境影响评价审批」',
    '专窗小李（专窗·本地）T2 派单「建筑工程施工许可证」',
    '专窗小李（专窗·本地）服务改为审批中',
    '专窗小李（专窗·本地）进入立项用地规划许可阶段',
    '生态环境局代办员（代办员·本地）T1 报到（派单后 10 分钟）',
    '系统（系统）T2 超时未报到，第 1 级提醒，已提醒 市住房和城乡建设局 代办员 住房和城乡建设局代办员、市住房和城乡建设局 责任领导 住房和城乡建设局责任领导、市政务服务中心 专窗 专窗小李',
    '系统（系统）T2 超时未报到，第 2 级提醒，已提醒 县政府 县领导 县领导甲、重点项目办 重点项目办小赵',
    '住房和城乡建设局代办员（代办员·本地）T2 报到（派单后 120 分钟，超时）',
    '生态环境局代办员（代办员·本地）T1 一次性告知 3 项材料',
    '生态环境局代办员（代办员·本地）T1 办结：已出具环评批复',
    '住房和城乡建设局代办员（代办员·本地）T2 办结：已核发施工许可证',
    '专窗小李（专窗·本地）帮办代办服务办结',
    '张三（企业联络员·本地）企业评价 5 分：很满意',
    // What reached the enterprise (送达): on this frozen clock, after the events of the same minute.
    '张三（企业联络员·本地）送达企业：【一次性告知】P1 光伏组件项目「环境影响评价审批」需要以下材料（市生态环境局 生态环境局代办员）： 1. 环评审批申请…',
    '张三（企业联络员·本地）送达企业：T1 环境影响评价审批（P1 光伏组件项目）已办结：已出具环评批复（市生态环境局）',
    '张三（企业联络员·本地）送达企业：T2 建筑工程施工许可证（P1 光伏组件项目）已办结：已核发施工许可证（市住房和城乡建设局）',
    '张三（企业联络员·本地）送达企业：P1 光伏组件项目 帮办代办服务已办结。请为本次服务评价：评价 P1 5 意见（1–5 分）',
  ]);

  // Escalation notices went to exactly five people, once each, over the whole story.
  const escalations = chat.deliveries.filter((item) => /分钟未报到|仍无人报到/.test(item.text));
  expect(escalations.map((item) => item.recipient).sort()).toEqual(['leader.a', 'office', 'window', 'zjj.agent', 'zjj.leader']);
});
