// The story of project-story.db.test.ts on
// a second, fake transport — DingTalk — with a roster that has only 钉钉账号 (no 企业微信账号 column).
// Nothing in the handlers knows the platform: people are found by their DingTalk accounts, every
// reply and notice reaches a DingTalk account, and the escalation steps fire once each.
import { DD, DINGTALK_ONLY_ROSTER } from './dingtalk-only-roster.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness.js';
import type { Received } from '../support/recording-messenger.js';

let dir: string;
let h: Harness;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xmgj-dingtalk-roster-'));
  const roster = join(dir, 'roster.csv');
  writeFileSync(roster, `${DINGTALK_ONLY_ROSTER}\n`);
  // A Monday; 09:00–11:00 lies within the default office hours, so minutes are office minutes.
  h = await createHarness({ platform: 'dingtalk', roster, now: '2026-11-23T09:00:00+08:00' });
});
afterAll(async () => {
  await h?.close();
  rmSync(dir, { recursive: true, force: true });
});

const to = (account: string, received: Received[]) => received.filter((item) => item.recipient === account).map((item) => item.text);
const who = (received: Received[]) => received.map((item) => item.recipient).sort();

/** One pass of the escalation cycle at the harness clock, then delivery. */
async function escalate(): Promise<Received[]> {
  const before = h.messenger.received.length;
  await h.app.escalate();
  await h.app.deliver();
  return h.messenger.received.slice(before);
}

it('serves a project from registration to 进度 over DingTalk, escalating the late unit once per step', async () => {
  expect(h.messenger.platform).toBe('dingtalk');
  // The roster made DingTalk accounts (and the local-chat ones named like them), and no WeCom account.
  expect(await h.prisma.account.count({ where: { platform: 'wecom' } })).toBe(0);
  expect(await h.prisma.account.count({ where: { platform: 'dingtalk' } })).toBe(8);

  const registered = await h.say(
    DD.window,
    '登记项目\n名称：光伏组件项目\n投资：3.5亿\n企业：某某新能源公司\n联系人：张三 13900001111\n包抓领导：县领导甲\n签约日期：2026-11-02',
  );
  expect(who(registered)).toEqual([DD.window]);
  const code = /绑定码：(\d{6})/.exec(to(DD.window, registered)[0] ?? '')?.[1];
  expect(code).toBeDefined();

  const bound = await h.say(DD.enterprise, `绑定 ${code}`);
  expect(to(DD.enterprise, bound)).toEqual(['绑定成功：你是 P1 光伏组件项目 的企业联络员。发送「进度」查看办理情况。']);
  expect(to(DD.window, bound)).toEqual(['张三 已绑定为 P1 光伏组件项目 的企业联络员。']);
  // The contact is reached on the platform they wrote from.
  const { contactPersonId } = await h.prisma.project.findUniqueOrThrow({ where: { id: 1 } });
  expect(await h.prisma.account.findMany({ where: { personId: contactPersonId! }, select: { platform: true, account: true } })).toEqual([
    { platform: 'dingtalk', account: DD.enterprise },
  ]);

  expect(to(DD.window, await h.say(DD.window, '受理 P1'))[0]).toMatch(/^已受理 P1/);
  const team = await h.say(DD.window, '组建团队 P1');
  expect(to(DD.window, team)[0]).toMatch(/^P1 团队已组建：包抓领导 县领导甲/);
  // The roster has only 生态环境局 and 住建局 among the item units: the plan holds their items (002 五(四)).
  expect(to(DD.window, await h.say(DD.window, '方案 P1'))[0]).toMatch(/^P1 光伏组件项目 服务方案（3 项）[\s\S]*环境影响评价审批[\s\S]*建筑工程施工许可证/);

  const posted = await h.say(DD.window, '派单 P1 环评 施工许可');
  expect(posted.map((item) => item.recipient)).toEqual([DD.sthjLeader, DD.sthjAgent, DD.zjjLeader, DD.zjjAgent, DD.enterprise, DD.window]);
  expect(posted.filter((item) => item.recipient !== DD.window).map((item) => item.message.kind)).toEqual(['card', 'card', 'card', 'card', 'text']);
  expect(to(DD.enterprise, posted)[0]).toMatch(/^【一次性告知】P1 光伏组件项目/);
  expect(to(DD.zjjAgent, posted)[0]).toContain('报到期限：11-23 09:30 前');

  // 生态环境局 reports in time.
  h.clock.advanceMinutes(10);
  const taken = await h.say(DD.sthjAgent, '报到 T1');
  expect(to(DD.sthjAgent, taken).at(-1)).toMatch(/^已报到 T1 环境影响评价审批/);
  h.clock.advanceMinutes(19);
  expect(await escalate()).toEqual([]);

  // 住建局 does not: at 09:30 its agent is reminded, its 责任领导 and the window are told — once.
  h.clock.advanceMinutes(1);
  const first = await escalate();
  expect(who(first)).toEqual([DD.window, DD.zjjLeader, DD.zjjAgent].sort());
  expect(to(DD.zjjAgent, first)).toEqual(['提醒：任务 T2 建筑工程施工许可证（P1 光伏组件项目）于 11-23 09:00 派单，已超过 30 分钟未报到，请立即报到。']);
  expect(to(DD.zjjLeader, first)).toEqual(['市住房和城乡建设局的任务 T2 建筑工程施工许可证（P1 光伏组件项目）已超过 30 分钟未报到。']);
  expect(to(DD.window, first)).toEqual(to(DD.zjjLeader, first));
  h.clock.advanceMinutes(5);
  expect(await escalate()).toEqual([]);

  // At 10:00 the project's leader and 重点项目办 are told — once.
  h.clock.advanceMinutes(25);
  const second = await escalate();
  expect(who(second)).toEqual([DD.leader, DD.office].sort());
  expect(to(DD.office, second)).toEqual(['督办：市住房和城乡建设局的任务 T2 建筑工程施工许可证（P1 光伏组件项目）派单已超过 60 分钟仍无人报到。']);
  expect(to(DD.leader, second)).toEqual(to(DD.office, second));
  h.clock.advanceMinutes(60);
  expect(await escalate()).toEqual([]);

  // The late unit reports; both units finish; the enterprise hears each result at once.
  const late = await h.say(DD.zjjAgent, '报到 T2');
  const arrived = 'T2 建筑工程施工许可证（P1）已由市住房和城乡建设局 住房和城乡建设局代办员报到，用时 2 小时（超时）。';
  expect(to(DD.window, late)).toEqual([arrived]);
  // Everyone the escalation told that nobody came now hears that someone did.
  for (const told of [DD.zjjLeader, DD.leader, DD.office]) expect(to(told, late), told).toContain(arrived);
  expect(to(DD.enterprise, await h.say(DD.sthjAgent, '办结 T1 已出具环评批复'))).toEqual([
    'T1 环境影响评价审批（P1 光伏组件项目）已办结：已出具环评批复（市生态环境局）',
  ]);
  expect(to(DD.enterprise, await h.say(DD.zjjAgent, '办结 T2 已核发施工许可证'))).toEqual([
    'T2 建筑工程施工许可证（P1 光伏组件项目）已办结：已核发施工许可证（市住房和城乡建设局）',
  ]);

  const progress = await h.say(DD.enterprise, '进度');
  expect(who(progress)).toEqual([DD.enterprise]);
  expect(to(DD.enterprise, progress)[0]).toContain('✅ T1 环境影响评价审批 · 市生态环境局 · 已办结');
  expect(to(DD.enterprise, progress)[0]).toContain('✅ T2 建筑工程施工许可证 · 市住房和城乡建设局 · 已办结');

  // Escalation notices went to exactly five people, once each, over the whole story.
  const escalations = h.messenger.received.filter((item) => /分钟未报到|仍无人报到/.test(item.text));
  expect(who(escalations)).toEqual([DD.leader, DD.office, DD.window, DD.zjjAgent, DD.zjjLeader].sort());

  // Everything went out on DingTalk: to a DingTalk account, or to the team's group chat.
  const chats = (await h.prisma.groupChat.findMany({ select: { id: true } })).map((chat) => chat.id);
  const accounts = new Set<string>([...Object.values(DD), ...chats]);
  expect(h.messenger.received.filter((item) => !accounts.has(item.recipient))).toEqual([]);
  const outbox = await h.prisma.outbox.findMany({ where: { platform: { not: null } }, select: { platform: true } });
  expect(new Set(outbox.map((row) => row.platform))).toEqual(new Set(['dingtalk']));
  expect(await h.prisma.inbound.count({ where: { platform: { not: 'dingtalk' } } })).toBe(0);
  expect(await h.prisma.inbound.count({ where: { failedAt: { not: null } } })).toBe(0);
});
