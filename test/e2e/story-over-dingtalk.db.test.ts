// The project issue's "Done when" for DingTalk: the story of project-story.db.test.ts (register →
// dispatch → one unit late → escalation once → finish → the enterprise sees progress) through the
// real DingTalk transport, twice — in HTTP mode (signed POSTs to /dingtalk/callback of the real
// server) and in Stream mode (pushes from a local fake gateway) — with a roster that has only
// 钉钉账号 and no change to any handler. Everything the bot says is a call the fake DingTalk API
// (nock on DINGTALK_API_BASE) received. A FakeClock and explicit processInbound/escalate/deliver
// calls stand in for the loops, so 30 office minutes pass without sleeping.
import { DD, DINGTALK_ONLY_ROSTER } from './dingtalk-only-roster.js';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../bot/app.js';
import { loadConfig, platformSettings } from '../../bot/config.js';
import type { DingtalkConfig } from '../../bot/dingtalk/load-dingtalk-config.js';
import { CALLBACK_PATH } from '../../bot/dingtalk/create-dingtalk-router.js';
import { createDingtalkTransport } from '../../bot/dingtalk/create-dingtalk-transport.js';
import { TOPIC_ROBOT } from '../../bot/dingtalk/receive-push.js';
import { signCallback } from '../support/sign-dingtalk-callback.js';
import { createLogger } from '../../core/logger.js';
import { importRoster } from '../../bot/roster/import-roster.js';
import { readRosterFile } from '../../bot/roster/read-roster-file.js';
import { createServer } from '../../bot/server.js';
import type { Transport } from '../../bot/transport/transport.js';
import type { Database } from '../../prisma/open-database.js';
import { API_BASE, config, errors, jsonFixture, OAPI_BASE } from '../bot/dingtalk/dingtalk-fixtures.js';
import { startFakeGateway } from '../bot/dingtalk/fake-stream-gateway.js';
import { REGISTER } from '../handlers/story-steps.js';
import { FakeClock } from '../support/fake-clock.js';
import { openTestDatabase } from '../support/test-database.js';

/** The DINGTALK_* variables of a deployment, with the API on the fake DingTalk and no card template. */
const dingtalkEnv = (mode: 'http' | 'stream') => ({
  DINGTALK_CLIENT_ID: config.clientId,
  DINGTALK_CLIENT_SECRET: config.clientSecret,
  DINGTALK_ROBOT_CODE: config.robotCode,
  DINGTALK_MODE: mode,
  DINGTALK_API_BASE: API_BASE,
  DINGTALK_OAPI_BASE: OAPI_BASE,
});

const ACCESS_TOKEN = jsonFixture<{ accessToken: string }>('access-token.json').accessToken;

/** One message the fake DingTalk API was asked to show. */
interface DingtalkCall {
  api: 'batchSend' | 'groupMessages/send';
  /** The userId (batchSend) or openConversationId (group). */
  to: string;
  msgKey: string;
  /** sampleText's content or sampleMarkdown's text. */
  text: string;
  title?: string;
  robotCode: string;
  token: string | undefined;
}

interface BatchSendBody {
  robotCode: string;
  userIds?: string[];
  openConversationId?: string;
  msgKey: string;
  msgParam: string;
}

/**
 * Fakes the DingTalk API the bot uses: the token, 1:1 robot messages (batchSend, one user each
 * as the bot sends them) and group messages. Like DingTalk, it refuses a group message to an
 * openConversationId it never issued (400 invalidParameter.openConversationId): nothing in the
 * story creates a DingTalk group. Every message is recorded; any other call goes unanswered and
 * is recorded in `unexpected`.
 */
function fakeDingtalkApi() {
  const calls: DingtalkCall[] = [];
  const unexpected: string[] = [];
  let tokens = 0;
  const scope = nock(API_BASE).persist();
  scope
    .post('/v1.0/oauth2/accessToken', { appKey: config.clientId, appSecret: config.clientSecret })
    .reply(200, () => (tokens++, jsonFixture('access-token.json')));
  const record = (api: DingtalkCall['api'], answer: object) =>
    function (this: { req: { headers: Record<string, string | string[] | undefined> } }, _uri: string, raw: unknown) {
      const body = (typeof raw === 'string' ? JSON.parse(raw) : raw) as BatchSendBody;
      const param = JSON.parse(body.msgParam) as { content?: string; title?: string; text?: string };
      const token = this.req.headers['x-acs-dingtalk-access-token'];
      const recipients = api === 'batchSend' ? body.userIds! : [body.openConversationId!];
      for (const to of recipients) {
        calls.push({
          api,
          to,
          msgKey: body.msgKey,
          text: param.content ?? param.text ?? '',
          title: param.title,
          robotCode: body.robotCode,
          token: Array.isArray(token) ? token[0] : token,
        });
      }
      return answer;
    };
  scope.post('/v1.0/robot/oToMessages/batchSend').reply(200, record('batchSend', jsonFixture('batch-send-ok.json')));
  scope.post('/v1.0/robot/groupMessages/send').reply(400, record('groupMessages/send', errors.badParameter));
  // Requests to hosts nock lets through (the local server and gateway) carry no hostname here.
  const onNoMatch = (request: { method?: string; path?: string; options?: { hostname?: string | null } }) => {
    const host = request.options?.hostname;
    if (host && host !== '127.0.0.1') unexpected.push(`${request.method} ${host}${request.path}`);
  };
  nock.emitter.on('no match', onNoMatch);
  return { calls, unexpected, tokens: () => tokens, stop: () => nock.emitter.removeListener('no match', onNoMatch) };
}

interface DingtalkStory {
  app: App;
  database: Database;
  transport: Transport;
  calls: DingtalkCall[];
  unexpected: string[];
  tokens(): number;
  /** Stream mode: the frames the fake gateway received back (acks). */
  acks(): string[];
  /** `account` writes `text` to the robot; returns the DingTalk calls the bot made because of it. */
  say(account: string, text: string): Promise<DingtalkCall[]>;
  /** One escalation cycle at the clock's time, then delivery. */
  escalate(): Promise<DingtalkCall[]>;
  close(): Promise<void>;
}

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms: ${condition.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function startDingtalkStory(mode: 'http' | 'stream', clock: FakeClock): Promise<DingtalkStory> {
  const dir = mkdtempSync(join(tmpdir(), 'xmgj-dingtalk-story-'));
  const rosterFile = join(dir, 'roster.csv');
  writeFileSync(rosterFile, `${DINGTALK_ONLY_ROSTER}\n`);
  const loaded = loadConfig(dingtalkEnv(mode));
  const { policy } = loaded;
  const dingtalk = platformSettings<DingtalkConfig>(loaded, 'dingtalk');
  expect(dingtalk).toMatchObject({ mode, cardTemplateId: undefined, apiBase: API_BASE });

  const database = await openTestDatabase();
  const { prisma } = database;
  expect(await importRoster(prisma, await readRosterFile(rosterFile))).toMatchObject({ loaded: 8, problems: [] });

  const api = fakeDingtalkApi();
  const logger = createLogger('silent');
  const transport = createDingtalkTransport(dingtalk!, { prisma, clock, logger });
  const directory = transport.fetchDirectory ? { dingtalk: transport.fetchDirectory } : {};
  const app = createApp({ prisma, policy, clock, logger, messengers: [transport.messenger], jobs: { directory } });

  let serial = 0;
  /** A robot message as DingTalk documents it (机器人接收消息), from `account` in a 1:1 chat. */
  const message = (account: string, text: string) => ({
    ...jsonFixture('robot-text-message.json'),
    msgId: `msgStory${mode}${String(serial).padStart(6, '0')}==`,
    senderStaffId: account,
    senderNick: account,
    createAt: clock.now().getTime(),
    text: { content: text },
  });

  let send: (account: string, text: string) => Promise<void>;
  let closeTransport: () => Promise<void>;
  let acks: () => string[] = () => [];
  if (mode === 'http') {
    const routes = transport.routes!(app.receive);
    const server: Server = createServer(prisma, logger, [routes], false, () => [transport.health?.() ?? null]).listen(0, '127.0.0.1');
    await once(server, 'listening');
    const callbackUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}${CALLBACK_PATH}`;
    send = async (account, text) => {
      // Signed as DingTalk signs a callback: HMAC-SHA256 of `timestamp\nAppSecret`, sent a moment later.
      // The fake clock stands still, so each callback's millisecond is its own: a pair carries one body.
      const timestamp = String(clock.now().getTime() - 1500 + serial);
      const response = await fetch(callbackUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', timestamp, sign: signCallback(config.clientSecret, timestamp) },
        body: JSON.stringify(message(account, text)),
      });
      if (response.status !== 200) throw new Error(`${CALLBACK_PATH} answered ${response.status}: ${await response.text()}`);
    };
    closeTransport = () => new Promise((resolve) => server.close(() => resolve()));
  } else {
    const gateway = await startFakeGateway();
    gateway.serveGateway();
    await transport.start!(app.receive);
    await waitUntil(async () => gateway.connections.length === 1 && transport.health!() === null);
    send = async (account, text) => {
      const before = await prisma.inbound.count();
      const messageId = `stream-push-${serial}`;
      gateway.push(TOPIC_ROBOT, messageId, message(account, text));
      // The transport acks at once, then hands the push to receive: wait until it is recorded.
      await waitUntil(async () => (await prisma.inbound.count()) > before);
      await waitUntil(async () => gateway.replies.some((reply) => reply.headers.messageId === messageId && reply.code === 200));
    };
    acks = () => gateway.replies.map((reply) => reply.headers.messageId);
    closeTransport = async () => {
      await transport.stop!();
      await gateway.close();
    };
  }

  /** What the bot's loops do after a message or a cycle: process what was received, deliver the outbox. */
  async function settle(before: number): Promise<DingtalkCall[]> {
    await app.processInbound();
    await app.runJobs();
    while ((await app.deliver()) > 0);
    return api.calls.slice(before);
  }

  return {
    app,
    database,
    transport,
    calls: api.calls,
    unexpected: api.unexpected,
    tokens: api.tokens,
    acks,
    async say(account, text) {
      const before = api.calls.length;
      serial += 1;
      await send(account, text);
      return settle(before);
    },
    async escalate() {
      const before = api.calls.length;
      await app.escalate();
      return settle(before);
    },
    async close() {
      await app.stop();
      await closeTransport();
      api.stop();
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The texts DingTalk was asked to show `account` 1:1, in order. */
const textsTo = (account: string, calls: DingtalkCall[]) => calls.filter((call) => call.api === 'batchSend' && call.to === account).map((call) => call.text);
/** Who was reached, sorted. */
const who = (calls: DingtalkCall[]) => calls.map((call) => call.to).sort();

describe.each(['http', 'stream'] as const)('the story over DingTalk in %s mode', (mode) => {
  // A Monday; 09:00–11:00 lies within the default office hours (08:30–12:00), so minutes are office minutes.
  const clock = new FakeClock(new Date('2026-11-23T09:00:00+08:00'));
  let story: DingtalkStory;

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    story = await startDingtalkStory(mode, clock);
  });
  afterAll(async () => {
    await story?.close();
    nock.cleanAll();
    nock.enableNetConnect();
  });

  /** The one message to `account` among `calls`; fails if there were none or several. */
  function only(account: string, calls: DingtalkCall[]): string {
    const texts = textsTo(account, calls);
    expect(texts, `messages to ${account}`).toHaveLength(1);
    return texts[0]!;
  }

  it('serves a project from registration to 进度, escalating the late unit exactly once per step', async () => {
    const { prisma } = story.database;
    // The roster made DingTalk accounts only.
    expect(await prisma.account.count({ where: { platform: 'wecom' } })).toBe(0);
    expect(await prisma.account.count({ where: { platform: 'dingtalk' } })).toBe(8);

    const registered = await story.say(DD.window, REGISTER);
    expect(who(registered)).toEqual([DD.window]);
    const code = /绑定码：(\d{6})/.exec(only(DD.window, registered))?.[1];
    expect(code).toBeDefined();

    // The enterprise contact writes from a DingTalk account the roster does not know.
    const bound = await story.say(DD.enterprise, `绑定 ${code}`);
    expect(who(bound)).toEqual([DD.enterprise, DD.window].sort());
    expect(only(DD.enterprise, bound)).toBe('绑定成功：你是 P1 光伏组件项目 的企业联络员。发送「进度」查看办理情况。');
    expect(only(DD.window, bound)).toBe('张三 已绑定为 P1 光伏组件项目 的企业联络员。');

    expect(only(DD.window, await story.say(DD.window, '受理 P1'))).toMatch(/^已受理 P1/);
    const team = await story.say(DD.window, '组建团队 P1');
    expect(textsTo(DD.window, team)[0]).toMatch(/^P1 团队已组建：包抓领导 县领导甲/);
    // The team's line reaches every member one to one: the bot creates no DingTalk groups
    // (bot/dingtalk/create-dingtalk-messenger.ts declares groupChats: false).
    for (const member of [DD.leader, DD.window, DD.sthjLeader, DD.sthjAgent, DD.zjjLeader, DD.zjjAgent]) {
      expect(textsTo(member, team), member).toContain('P1 光伏组件项目 项目管家团队：包抓领导 县领导甲；单位 市生态环境局、市住房和城乡建设局。');
    }
    // The plan's size follows the team's units (handlers/plans/service-plan.ts); the two items the story dispatches are in it.
    const plan = only(DD.window, await story.say(DD.window, '方案 P1'));
    expect(plan).toMatch(/^P1 光伏组件项目 服务方案（\d+ 项）/);
    expect(plan).toContain('环境影响评价审批 [HB-01] — 市生态环境局');
    expect(plan).toContain('建筑工程施工许可证 [ZJ-02] — 市住房和城乡建设局');

    // Dispatch: each unit's 责任领导 and agent get the task card — as markdown naming the commands,
    // since no card template is configured — and the window its confirmation.
    const posted = await story.say(DD.window, '派单 P1 环评 施工许可');
    expect(who(posted)).toEqual([DD.window, DD.sthjLeader, DD.sthjAgent, DD.zjjLeader, DD.zjjAgent, DD.enterprise].sort());
    // The enterprise is told every material once (一次性告知, 002 五(五)).
    expect(only(DD.enterprise, posted)).toMatch(/^【一次性告知】P1 光伏组件项目 办理以下事项需要企业提供的全部材料：/);
    expect(only(DD.window, posted)).toMatch(/^已派单 2 项，2 个单位各收到一个任务：/);
    for (const [account, task] of [
      [DD.sthjLeader, 'T1 · 环境影响评价审批'],
      [DD.sthjAgent, 'T1 · 环境影响评价审批'],
      [DD.zjjLeader, 'T2 · 建筑工程施工许可证'],
      [DD.zjjAgent, 'T2 · 建筑工程施工许可证'],
    ] as const) {
      const [card, ...more] = posted.filter((call) => call.to === account);
      expect(more, account).toEqual([]);
      expect(card, account).toMatchObject({ api: 'batchSend', msgKey: 'sampleMarkdown', title: `任务 ${task}` });
      const id = task.slice(0, 2);
      expect(card!.text).toContain('- **报到期限**：11-23 09:30 前');
      expect(card!.text).toContain(`回复「报到 ${id}」或「办结 ${id}」或「退回 ${id} 原因」`);
    }

    // 生态环境局 reports in time.
    clock.advanceMinutes(10);
    const taken = await story.say(DD.sthjAgent, '报到 T1');
    expect(textsTo(DD.sthjAgent, taken)[0]).toMatch(/^已报到 T1 环境影响评价审批（2026-12-14 前办结）。/);
    expect(only(DD.window, taken)).toBe('T1 环境影响评价审批（P1）已由市生态环境局 生态环境局代办员报到，用时 10 分钟。');
    expect(only(DD.sthjLeader, taken)).toBe('已报到 · 生态环境局代办员 · 09:10');
    expect(who(taken).filter((account) => account !== DD.sthjAgent)).toEqual([DD.sthjLeader, DD.window].sort());
    clock.advanceMinutes(19);
    expect(await story.escalate()).toEqual([]);

    // 住建局 does not: at 09:30 its agent is reminded, its 责任领导 and the window are told — once.
    clock.advanceMinutes(1);
    const first = await story.escalate();
    expect(who(first)).toEqual([DD.window, DD.zjjLeader, DD.zjjAgent].sort());
    expect(first.every((call) => call.api === 'batchSend' && call.msgKey === 'sampleText')).toBe(true);
    expect(only(DD.zjjAgent, first)).toBe('提醒：任务 T2 建筑工程施工许可证（P1 光伏组件项目）于 11-23 09:00 派单，已超过 30 分钟未报到，请立即报到。');
    expect(only(DD.zjjLeader, first)).toBe('市住房和城乡建设局的任务 T2 建筑工程施工许可证（P1 光伏组件项目）已超过 30 分钟未报到。');
    expect(only(DD.window, first)).toBe(only(DD.zjjLeader, first));
    clock.advanceMinutes(5);
    expect(await story.escalate()).toEqual([]);

    // At 10:00 the project's leader and 重点项目办 are told — once.
    clock.advanceMinutes(25);
    const second = await story.escalate();
    expect(who(second)).toEqual([DD.leader, DD.office].sort());
    expect(only(DD.office, second)).toBe('督办：市住房和城乡建设局的任务 T2 建筑工程施工许可证（P1 光伏组件项目）派单已超过 60 分钟仍无人报到。');
    expect(only(DD.leader, second)).toBe(only(DD.office, second));
    clock.advanceMinutes(60);
    expect(await story.escalate()).toEqual([]);

    // The late unit reports; both units finish; the enterprise hears each result at once.
    const late = await story.say(DD.zjjAgent, '报到 T2');
    expect(only(DD.window, late)).toBe('T2 建筑工程施工许可证（P1）已由市住房和城乡建设局 住房和城乡建设局代办员报到，用时 2 小时（超时）。');
    expect(only(DD.enterprise, await story.say(DD.sthjAgent, '办结 T1 已出具环评批复'))).toBe(
      'T1 环境影响评价审批（P1 光伏组件项目）已办结：已出具环评批复（市生态环境局）',
    );
    expect(only(DD.enterprise, await story.say(DD.zjjAgent, '办结 T2 已核发施工许可证'))).toBe(
      'T2 建筑工程施工许可证（P1 光伏组件项目）已办结：已核发施工许可证（市住房和城乡建设局）',
    );

    // The enterprise's 进度, by batchSend to the contact's userId, shows both items done.
    const progress = await story.say(DD.enterprise, '进度');
    expect(who(progress)).toEqual([DD.enterprise]);
    expect(progress[0]).toMatchObject({ api: 'batchSend', msgKey: 'sampleText' });
    expect(progress[0]!.text).toContain('✅ T1 环境影响评价审批 · 市生态环境局 · 已办结');
    expect(progress[0]!.text).toContain('✅ T2 建筑工程施工许可证 · 市住房和城乡建设局 · 已办结');

    // Escalation notices went to exactly five people, once each, over the whole story.
    const escalations = story.calls.filter((call) => /分钟未报到|仍无人报到/.test(call.text));
    expect(who(escalations)).toEqual([DD.leader, DD.office, DD.window, DD.zjjAgent, DD.zjjLeader].sort());

    // Every message went through the robot, with the cached token; nothing else was called.
    expect(story.unexpected).toEqual([]);
    expect(story.calls.every((call) => call.robotCode === config.robotCode && call.token === ACCESS_TOKEN)).toBe(true);
    // Fetched at 09:00 and again once the 2-hour token neared its end, never per message.
    expect(story.tokens()).toBeGreaterThanOrEqual(1);
    expect(story.tokens()).toBeLessThanOrEqual(2);
    // 1:1 messages reached only the story's people, no group message was tried, and the admin heard nothing.
    const people = new Set<string>(Object.values(DD).filter((account) => account !== DD.admin));
    const oneToOne = story.calls.filter((call) => call.api === 'batchSend');
    expect(oneToOne.filter((call) => !people.has(call.to))).toEqual([]);
    expect(story.calls.filter((call) => call.api !== 'batchSend')).toEqual([]);
    expect(textsTo(DD.admin, story.calls)).toEqual([]);

    // Every line arrived through this transport, was recorded once and processed without failure.
    expect(await prisma.inbound.count()).toBe(11);
    expect(await prisma.inbound.count({ where: { platform: { not: 'dingtalk' } } })).toBe(0);
    expect(await prisma.inbound.count({ where: { failedAt: { not: null } } })).toBe(0);
    // Nothing is left undelivered or failed: each row was sent, or bundled into one that was.
    expect(await prisma.outbox.count({ where: { status: { notIn: ['sent', 'bundled'] } } })).toBe(0);
    if (mode === 'stream') expect(story.acks()).toEqual(Array.from({ length: 11 }, (_, index) => `stream-push-${index + 1}`));
  });
});
