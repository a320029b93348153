// The story of project-story.db.test.ts through encrypted WeCom callbacks with
// a fake WeCom API. Every line and card click is an encrypted, signed POST to /wecom/callback of
// the real server; everything the bot says is a call the fake WeCom API received (nock on
// WECOM_API_BASE). A FakeClock and explicit processInbound/escalate/deliver calls stand in for
// the loops, so 30 office minutes pass without sleeping.
import nock from 'nock';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { encodeCardButtonKey } from '../../bot/wecom/card-button-key.js';
import { config } from '../bot/wecom/wecom-fixtures.js';
import { REGISTER } from '../handlers/story-steps.js';
import { FakeClock } from '../support/fake-clock.js';
import { reached, startWecomStory, textsTo, type WecomCall, type WecomStory } from './wecom-story-helpers.js';

// A Monday; 09:00–11:00 lies within the default office hours (08:30–12:00), so minutes are office minutes.
const clock = new FakeClock(new Date('2026-11-23T09:00:00+08:00'));
let story: WecomStory;

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  story = await startWecomStory(clock);
});
afterEach(() => {
  // gettoken, message/send, update_template_card, appchat/create and appchat/send were all used.
  expect(nock.pendingMocks()).toEqual([]);
});
afterAll(async () => {
  await story.close();
  nock.cleanAll();
  nock.enableNetConnect();
});

/** The one message/send to `userid` among `calls`; fails if there were none or several. */
function only(userid: string, calls: WecomCall[]): string {
  const texts = textsTo(userid, calls);
  expect(texts, `messages to ${userid}`).toHaveLength(1);
  return texts[0]!;
}

const byRecipient = (a: WecomCall, b: WecomCall) => a.to.localeCompare(b.to);

it('serves a project from registration to rating over WeCom, escalating the late unit exactly once per step', async () => {
  const registered = await story.say('window', REGISTER);
  expect(reached(registered)).toEqual(['text window']);
  const code = /绑定码：(\d{6})/.exec(only('window', registered))?.[1];
  expect(code).toBeDefined();

  const bound = await story.say('ent.zhang', `绑定 ${code}`);
  expect(reached(bound)).toEqual(['text ent.zhang', 'text window']);
  expect(only('ent.zhang', bound)).toBe('绑定成功：你是 P1 光伏组件项目 的企业联络员。发送「进度」查看办理情况。');
  expect(only('window', await story.say('window', '受理 P1'))).toMatch(/^已受理 P1/);

  // The team's group chat is created on WeCom before its first message.
  const team = await story.say('window', '组建团队 P1');
  expect(reached(team)).toEqual(['appchat/create project1', 'appchat/send project1', 'text window']);
  const created = team.find((call) => call.api === 'appchat/create')!.body;
  expect(created).toMatchObject({ chatid: 'project1', name: '光伏组件项目项目管家', owner: 'leader.a' });
  expect(created.userlist).toEqual(expect.arrayContaining(['window', 'leader.a', 'sthj.agent', 'sthj.leader', 'zjj.agent', 'zjj.leader']));
  expect(created.userlist).not.toContain('ent.zhang');
  expect(only('window', team)).toMatch(/^P1 团队已组建：包抓领导 县领导甲/);
  expect(only('window', await story.say('window', '方案 P1'))).toMatch(/^P1 光伏组件项目 服务方案（8 项）/);

  // 派单: one template card to each agent and 责任领导 of the two units, to be taken by 09:30, and one
  // 一次性告知 of every material to the enterprise.
  const posted = await story.say('window', '派单 P1 环评 施工许可');
  expect(reached(posted)).toEqual([
    'template_card sthj.agent',
    'template_card sthj.leader',
    'template_card zjj.agent',
    'template_card zjj.leader',
    'text ent.zhang',
    'text window',
  ]);
  expect(only('ent.zhang', posted)).toMatch(/^【一次性告知】P1 光伏组件项目 办理以下事项需要企业提供的全部材料：\n「环境影响评价审批」（T1）/);
  const cardTo = (userid: string) => posted.find((call) => call.to === userid && call.msgtype === 'template_card')!;
  expect(cardTo('zjj.agent').text).toBe('任务 T2 · 建筑工程施工许可证');
  expect(cardTo('zjj.agent').body.template_card?.horizontal_content_list).toContainEqual({ keyname: '报到期限', value: '11-23 09:30 前' });
  // Each button names itself and the card's neutral key, so any copy of the card, however old, finds its task.
  expect(cardTo('sthj.agent').body.template_card?.button_list.map((button) => button.key)).toEqual(
    ['take', 'finish', 'return'].map((id) => encodeCardButtonKey(id, 'call:1')),
  );

  // 生态环境局's agent presses 报到 on the card at 09:10; WeCom delivers that callback twice.
  clock.advanceMinutes(10);
  const taken = await story.click('sthj.agent', cardTo('sthj.agent'), '报到', 2);
  expect(reached(taken)).toEqual(['message/update_template_card sthj.agent', 'message/update_template_card sthj.leader', 'text sthj.agent', 'text window']);
  const status = expect.objectContaining({ replace_text: '已报到 · 生态环境局代办员 · 09:10' });
  const takenCards = taken.filter((call) => call.api === 'message/update_template_card').sort(byRecipient);
  expect(takenCards.map((call) => call.body)).toEqual([
    // The agent's card is updated with the code the click brought, the leader's with its send's.
    expect.objectContaining({ userids: ['sthj.agent'], agentid: config.agentId, response_code: expect.stringMatching(/^click-code-/), template_card: status }),
    expect.objectContaining({
      userids: ['sthj.leader'],
      agentid: config.agentId,
      response_code: cardTo('sthj.leader').answer.response_code,
      template_card: status,
    }),
  ]);
  // The replaced cards keep working buttons for what is left to do.
  expect(takenCards.map((call) => call.body.template_card?.button_list.map((button) => button.text))).toEqual([
    ['办结', '退回'],
    ['办结', '退回'],
  ]);
  expect(only('sthj.agent', taken)).toMatch(/^已报到 T1 环境影响评价审批（2026-12-14 前办结）。/);
  expect(only('window', taken)).toBe('T1 环境影响评价审批（P1）已由市生态环境局 生态环境局代办员报到，用时 10 分钟。');
  clock.advanceMinutes(19);
  expect(await story.escalate()).toEqual([]);

  // 住建局 does not: at 09:30 its agent is reminded, its 责任领导 and the window are told — once.
  clock.advanceMinutes(1);
  const first = await story.escalate();
  expect(reached(first)).toEqual(['text window', 'text zjj.agent', 'text zjj.leader']);
  expect(only('zjj.agent', first)).toBe('提醒：任务 T2 建筑工程施工许可证（P1 光伏组件项目）于 11-23 09:00 派单，已超过 30 分钟未报到，请立即报到。');
  expect(only('zjj.leader', first)).toBe('市住房和城乡建设局的任务 T2 建筑工程施工许可证（P1 光伏组件项目）已超过 30 分钟未报到。');
  expect(only('window', first)).toBe(only('zjj.leader', first));
  clock.advanceMinutes(5);
  expect(await story.escalate()).toEqual([]);

  // At 10:00 the project's leader and 重点项目办 are told — once; nobody else, ever.
  clock.advanceMinutes(25);
  const second = await story.escalate();
  expect(reached(second)).toEqual(['text leader.a', 'text office']);
  expect(only('office', second)).toBe('督办：市住房和城乡建设局的任务 T2 建筑工程施工许可证（P1 光伏组件项目）派单已超过 60 分钟仍无人报到。');
  expect(only('leader.a', second)).toBe(only('office', second));
  clock.advanceMinutes(60);
  expect(await story.escalate()).toEqual([]);

  // The late unit reports by text: both its cards are updated with their send codes, and everyone
  // the escalation told (its 责任领导, the leader, 重点项目办, the window) hears that it came.
  const late = await story.say('zjj.agent', '报到 T2');
  expect(reached(late)).toEqual([
    'message/update_template_card zjj.agent',
    'message/update_template_card zjj.leader',
    'text leader.a',
    'text office',
    'text window',
    'text zjj.agent',
    'text zjj.leader',
  ]);
  expect(
    late
      .filter((call) => call.api === 'message/update_template_card')
      .sort(byRecipient)
      .map((call) => call.body.response_code),
  ).toEqual([cardTo('zjj.agent').answer.response_code, cardTo('zjj.leader').answer.response_code]);
  expect(only('window', late)).toBe('T2 建筑工程施工许可证（P1）已由市住房和城乡建设局 住房和城乡建设局代办员报到，用时 2 小时（超时）。');

  // Both units finish; the enterprise hears each result at once, once.
  // A material found later goes out as 补充告知.
  expect(only('ent.zhang', await story.say('sthj.agent', '告知 T1 材料：排污许可申请'))).toMatch(/^【补充告知】P1 光伏组件项目「环境影响评价审批」（T1）/);
  // 生态环境局 finishes with the 办结 button of the card that 报到 replaced.
  const clicked = await story.click('sthj.agent', takenCards[0]!, '办结');
  expect(only('ent.zhang', clicked)).toBe('T1 环境影响评价审批（P1 光伏组件项目）已办结：办理完毕（市生态环境局）');
  // The clicked card is updated with the click's code; the leader's send code went on 报到, so the
  // leader is told by text instead.
  expect(clicked.filter((call) => call.api === 'message/update_template_card').map((call) => [call.to, call.text, call.answer.errcode])).toEqual([
    ['sthj.agent', '已办结 · 生态环境局代办员 · 11:00', 0],
  ]);
  expect(only('sthj.leader', clicked)).toBe('任务 T1 · 环境影响评价审批：已办结 · 生态环境局代办员 · 11:00');
  const finished = await story.say('zjj.agent', '办结 T2 已核发施工许可证');
  expect(only('ent.zhang', finished)).toBe('T2 建筑工程施工许可证（P1 光伏组件项目）已办结：已核发施工许可证（市住房和城乡建设局）');
  // Both 住建局 cards spent their codes on 报到: no update call, each holder gets the status as text.
  expect(reached(finished.filter((call) => call.to.startsWith('zjj.')))).toEqual(['text zjj.agent', 'text zjj.agent', 'text zjj.leader']);
  expect(textsTo('zjj.agent', finished)).toEqual([
    '已办结 T2 建筑工程施工许可证，结果已送专窗和企业。',
    '任务 T2 · 建筑工程施工许可证：已办结 · 住房和城乡建设局代办员 · 11:00',
  ]);
  expect(only('zjj.leader', finished)).toBe('任务 T2 · 建筑工程施工许可证：已办结 · 住房和城乡建设局代办员 · 11:00');

  const progress = only('ent.zhang', await story.say('ent.zhang', '进度'));
  expect(progress).toContain('✅ T1 环境影响评价审批 · 市生态环境局 · 已办结');
  expect(progress).toContain('✅ T2 建筑工程施工许可证 · 市住房和城乡建设局 · 已办结');

  expect(only('ent.zhang', await story.say('window', '办结项目 P1'))).toMatch(/^P1 光伏组件项目 帮办代办服务已办结。请为本次服务评价/);
  const rated = await story.say('ent.zhang', '评价 P1 5 很满意');
  expect(reached(rated)).toEqual(['text ent.zhang', 'text window']);
  expect(only('ent.zhang', rated)).toBe('感谢评价！P1 记为 5 分。');

  // 档案 (split into several messages if it ever outgrows WeCom's 2,048 bytes) shows every step.
  const archive = textsTo('window', await story.say('window', '档案 P1'))
    .join('\n')
    .split('\n');
  expect(archive).toEqual([
    'P1 光伏组件项目 档案（24 条）',
    '11-23 09:00 专窗小李（专窗·企业微信）登记项目',
    '11-23 09:00 张三（企业联络员·企业微信）企业联络员绑定',
    '11-23 09:00 专窗小李（专窗·企业微信）受理帮办代办',
    '11-23 09:00 专窗小李（专窗·企业微信）组建团队（11 人）',
    '11-23 09:00 专窗小李（专窗·企业微信）制定方案（8 项）',
    '11-23 09:00 专窗小李（专窗·企业微信）T1 派单「环境影响评价审批」',
    '11-23 09:00 专窗小李（专窗·企业微信）T2 派单「建筑工程施工许可证」',
    '11-23 09:00 专窗小李（专窗·企业微信）服务改为审批中',
    '11-23 09:00 专窗小李（专窗·企业微信）进入立项用地规划许可阶段',
    '11-23 09:00 专窗小李（专窗·企业微信）一次性告知企业 2 个事项的材料',
    '11-23 09:00 张三（企业联络员·企业微信）送达企业：【一次性告知】P1 光伏组件项目 办理以下事项需要企业提供的全部材料： 「环境影响评价审批」（T1） 1. 环评审批申请…',
    '11-23 09:10 生态环境局代办员（代办员·企业微信）T1 报到（派单后 10 分钟）',
    '11-23 09:30 系统（系统）T2 超时未报到，第 1 级提醒，已提醒 市住房和城乡建设局 代办员 住房和城乡建设局代办员、市住房和城乡建设局 责任领导 住房和城乡建设局责任领导、市政务服务中心 专窗 专窗小李',
    '11-23 10:00 系统（系统）T2 超时未报到，第 2 级提醒，已提醒 县政府 县领导 县领导甲、重点项目办 重点项目办小赵',
    '11-23 11:00 住房和城乡建设局代办员（代办员·企业微信）T2 报到（派单后 120 分钟，超时）',
    '11-23 11:00 生态环境局代办员（代办员·企业微信）T1 补充告知，共 4 项材料',
    '11-23 11:00 生态环境局代办员（代办员·企业微信）T1 办结：办理完毕',
    '11-23 11:00 住房和城乡建设局代办员（代办员·企业微信）T2 办结：已核发施工许可证',
    '11-23 11:00 专窗小李（专窗·企业微信）帮办代办服务办结',
    '11-23 11:00 张三（企业联络员·企业微信）企业评价 5 分：很满意',
    // What reached the enterprise (送达): on this frozen clock, after the events of the same minute.
    '11-23 11:00 张三（企业联络员·企业微信）送达企业：【补充告知】P1 光伏组件项目「环境影响评价审批」（T1）在一次性告知的材料之外，还需要（市生态环境局 生态环境局代办员…',
    '11-23 11:00 张三（企业联络员·企业微信）送达企业：T1 环境影响评价审批（P1 光伏组件项目）已办结：办理完毕（市生态环境局）',
    '11-23 11:00 张三（企业联络员·企业微信）送达企业：T2 建筑工程施工许可证（P1 光伏组件项目）已办结：已核发施工许可证（市住房和城乡建设局）',
    '11-23 11:00 张三（企业联络员·企业微信）送达企业：P1 光伏组件项目 帮办代办服务已办结。请为本次服务评价：评价 P1 5 意见（1–5 分）',
  ]);

  // Over the whole story: the escalation notices reached five people once each; four cards went
  // out; nobody got the same text twice (WeCom's duplicate check would drop it); each response_code
  // was spent once (WeCom refuses a second use); nothing failed.
  const escalations = story.calls.filter((call) => /分钟未报到|仍无人报到/.test(call.text));
  expect(reached(escalations)).toEqual(['text leader.a', 'text office', 'text window', 'text zjj.agent', 'text zjj.leader']);
  expect(story.calls.filter((call) => call.msgtype === 'template_card')).toHaveLength(4);
  const sends = story.calls.filter((call) => call.api === 'message/send').map((call) => `${call.to}: ${call.text}`);
  expect(sends.filter((send, index) => sends.indexOf(send) !== index)).toEqual([]);
  const codes = story.calls.filter((call) => call.api === 'message/update_template_card').map((call) => call.body.response_code);
  expect(codes.filter((code, index) => codes.indexOf(code) !== index)).toEqual([]);
  expect(story.calls.filter((call) => call.answer.errcode !== 0)).toEqual([]);
  expect(story.calls.filter((call) => /出错|抱歉/.test(call.text))).toEqual([]);
  expect(await story.database.prisma.outbox.count({ where: { status: { notIn: ['sent', 'bundled', 'split'] } } })).toBe(0);
});
