// The story of story-on-a-second-platform.db.test.ts on a third platform that the bot's code has never
// heard of: 测试平台, plugged in from test/support/fake-platform/ by one registerPlatform call. Its
// people have only a 测试平台账号 in the roster. Config picks it from its own setting, start-up builds
// its transport through the descriptor, and every reply and notice reaches a 测试平台 account.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp, type App } from '../../bot/app.js';
import { loadConfig, logSecrets } from '../../bot/config.js';
import { createLogger } from '../../core/logger.js';
import { registerPlatform } from '../../bot/platforms.js';
import { loadRosterAtStart } from '../../bot/roster/load-roster-at-start.js';
import type { Database } from '../../prisma/open-database.js';
import { FakeClock } from '../support/fake-clock.js';
import { fakePlatform } from '../support/fake-platform/index.js';
import type { FakeTransport } from '../support/fake-platform/create-fake-transport.js';
import type { Received } from '../support/recording-messenger.js';
import { openTestDatabase } from '../support/test-database.js';

registerPlatform(fakePlatform);

/** 测试平台 accounts of the people the story needs. */
const FK = {
  admin: 'fk01admin',
  window: 'fk02window',
  office: 'fk03office',
  leader: 'fk04leader',
  sthjLeader: 'fk11sthjleader',
  sthjAgent: 'fk12sthjagent',
  zjjLeader: 'fk21zjjleader',
  zjjAgent: 'fk22zjjagent',
  /** The enterprise contact: on the platform, not in the roster; binds with the code. */
  enterprise: 'fk91zhang',
};

const ROSTER = [
  '姓名,测试平台账号,单位,角色,手机',
  `王小明,${FK.admin},市政务服务中心,管理员,`,
  `专窗小李,${FK.window},市政务服务中心,专窗,13800000001`,
  `重点项目办小赵,${FK.office},重点项目办,重点项目办,`,
  `县领导甲,${FK.leader},县政府,县领导,13800000002`,
  `生态环境局责任领导,${FK.sthjLeader},市生态环境局,责任领导,`,
  `生态环境局代办员,${FK.sthjAgent},市生态环境局,代办员,13800000108`,
  `住房和城乡建设局责任领导,${FK.zjjLeader},市住房和城乡建设局,责任领导,`,
  `住房和城乡建设局代办员,${FK.zjjAgent},市住房和城乡建设局,代办员,13800000112`,
].join('\n');

const clock = new FakeClock(new Date('2026-11-23T09:00:00+08:00'));
let dir: string;
let database: Database;
let app: App;
let fake: FakeTransport;
let secrets: string[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xmgj-fake-platform-'));
  const rosterFile = join(dir, 'roster.csv');
  writeFileSync(rosterFile, `${ROSTER}\n`);
  // As bot/main.ts starts: config → roster → each configured platform's transport → app → start.
  const config = loadConfig({ FAKE_CHAT_SECRET: 'fakesecret1', ROSTER_FILE: rosterFile, DATA_DIR: dir });
  expect(config.platforms.map(({ platform }) => platform.name)).toEqual(['fake']);
  secrets = logSecrets(config);
  const logger = createLogger('silent');
  database = await openTestDatabase();
  const { prisma } = database;
  await loadRosterAtStart(prisma, config.rosterFile!, logger);
  const transports = config.platforms.map(({ platform, settings }) => platform.createTransport(settings, { prisma, clock, logger, filesDir: config.filesDir }));
  fake = transports[0] as FakeTransport;
  app = createApp({ prisma, policy: config.policy, clock, logger, messengers: transports.map((transport) => transport.messenger) });
  for (const transport of transports) await transport.start?.(app.receive);
});
afterAll(async () => {
  await fake?.stop?.();
  await database?.close();
  rmSync(dir, { recursive: true, force: true });
});

const to = (account: string, received: Received[]) => received.filter((item) => item.recipient === account).map((item) => item.text);
const who = (received: Received[]) => received.map((item) => item.recipient).sort();

/**
 * A person types on the platform; the bot processes and delivers. Returns what everyone received: the notices
 * in delivery order, then the reply to the sender (delivered first, listed last to read well), as the harness does.
 */
async function say(account: string, text: string): Promise<Received[]> {
  const before = fake.messenger.received.length;
  expect(await fake.type(account, text)).toBe('accepted');
  await app.processInbound();
  await app.deliver();
  const received = fake.messenger.received.slice(before);
  return [...received.filter((item) => !item.reply), ...received.filter((item) => item.reply)];
}

async function escalate(): Promise<Received[]> {
  const before = fake.messenger.received.length;
  await app.escalate();
  await app.deliver();
  return fake.messenger.received.slice(before);
}

it('knows the plugged-in platform everywhere a platform is named: config, secrets, roster, inbound check', async () => {
  expect(secrets).toContain('fakesecret1');
  expect(() => loadConfig({ FAKE_CHAT_SECRET: 'SHORT' })).toThrow(/^FAKE_CHAT_SECRET: expected 8 or more/);
  const { prisma } = database;
  // The roster made 测试平台 accounts (and local-chat ones named like them), and none on WeCom or DingTalk.
  expect(await prisma.account.count({ where: { platform: 'fake' } })).toBe(8);
  expect(await prisma.account.count({ where: { platform: { in: ['wecom', 'dingtalk'] } } })).toBe(0);
  // An account of a shape the platform never gives is refused on the way in.
  await expect(
    app.receive({ platform: 'fake', type: 'text', account: 'zhangsan', text: '帮助', dedupKey: 'bad-shape', at: clock.now().toISOString() }),
  ).resolves.toBe('invalid');
});

it('serves a project from registration to 进度 on the plugged-in platform, escalating the late unit once per step', async () => {
  const registered = await say(
    FK.window,
    '登记项目\n名称：光伏组件项目\n投资：3.5亿\n企业：某某新能源公司\n联系人：张三 13900001111\n包抓领导：县领导甲\n签约日期：2026-11-02',
  );
  expect(who(registered)).toEqual([FK.window]);
  const code = /绑定码：(\d{6})/.exec(to(FK.window, registered)[0] ?? '')?.[1];
  expect(code).toBeDefined();

  const bound = await say(FK.enterprise, `绑定 ${code}`);
  expect(to(FK.enterprise, bound)).toEqual(['绑定成功：你是 P1 光伏组件项目 的企业联络员。发送「进度」查看办理情况。']);
  expect(to(FK.window, await say(FK.window, '受理 P1'))[0]).toMatch(/^已受理 P1/);
  expect(to(FK.window, await say(FK.window, '组建团队 P1'))[0]).toMatch(/^P1 团队已组建：包抓领导 县领导甲/);

  expect(to(FK.window, await say(FK.window, '方案 P1'))[0]).toMatch(/^P1 光伏组件项目 服务方案（3 项）/);
  const posted = await say(FK.window, '派单 P1 环评 施工许可');
  expect(posted.map((item) => item.recipient)).toEqual([FK.sthjLeader, FK.sthjAgent, FK.zjjLeader, FK.zjjAgent, FK.enterprise, FK.window]);
  expect(to(FK.zjjAgent, posted)[0]).toContain('报到期限：11-23 09:30 前');

  // 生态环境局 reports in time; 住建局 does not, and is chased once per step.
  clock.advanceMinutes(10);
  expect(to(FK.sthjAgent, await say(FK.sthjAgent, '报到 T1')).at(-1)).toMatch(/^已报到 T1 环境影响评价审批/);
  clock.advanceMinutes(20);
  const first = await escalate();
  expect(who(first)).toEqual([FK.window, FK.zjjLeader, FK.zjjAgent].sort());
  expect(to(FK.zjjAgent, first)[0]).toMatch(/^提醒：任务 T2 建筑工程施工许可证（P1 光伏组件项目）/);
  clock.advanceMinutes(30);
  expect(who(await escalate())).toEqual([FK.leader, FK.office].sort());
  expect(await escalate()).toEqual([]);

  await say(FK.zjjAgent, '报到 T2');
  expect(to(FK.enterprise, await say(FK.sthjAgent, '办结 T1 已出具环评批复'))).toEqual([
    'T1 环境影响评价审批（P1 光伏组件项目）已办结：已出具环评批复（市生态环境局）',
  ]);
  await say(FK.zjjAgent, '办结 T2 已核发施工许可证');
  const progress = to(FK.enterprise, await say(FK.enterprise, '进度'))[0];
  expect(progress).toContain('✅ T1 环境影响评价审批 · 市生态环境局 · 已办结');
  expect(progress).toContain('✅ T2 建筑工程施工许可证 · 市住房和城乡建设局 · 已办结');

  // Replies name the platform by its descriptor's display name.
  expect(to(FK.window, await say(FK.window, '档案 P1'))[0]).toContain('专窗小李（专窗·测试平台）登记项目');
  expect(to(FK.admin, await say(FK.admin, '同步通讯录'))).toEqual(['测试平台没有可同步的通讯录：请在企业微信或钉钉中发送「同步通讯录」。']);

  // Everything went out on the plugged-in platform, to one of its accounts or to the team's group chat.
  const chats = (await database.prisma.groupChat.findMany({ select: { id: true } })).map((chat) => chat.id);
  const accounts = new Set<string>([...Object.values(FK), ...chats]);
  expect(fake.messenger.received.filter((item) => !accounts.has(item.recipient))).toEqual([]);
  const outbox = await database.prisma.outbox.findMany({ where: { platform: { not: null } }, select: { platform: true } });
  expect(new Set(outbox.map((row) => row.platform))).toEqual(new Set(['fake']));
  expect(await database.prisma.inbound.count({ where: { failedAt: { not: null } } })).toBe(0);
});
