// The project issue's "Done when" for DingTalk: the story of project-story.db.test.ts (register →
// dispatch → one unit late → escalation once → finish → the enterprise sees progress) through the
// real DingTalk transport, twice — in HTTP mode (signed POSTs to /dingtalk/callback of the real
// server) and in Stream mode (pushes from a local fake gateway) — with a roster that has only
// 钉钉账号 and no change to any handler. Everything the bot says is a call the fake DingTalk API
// (nock on DINGTALK_API_BASE) received. A FakeClock and explicit processInbound/escalate/deliver
// calls stand in for the loops, so 30 office minutes pass without sleeping.
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../bot/app.js';
import { loadConfig } from '../../bot/config.js';
import { CALLBACK_PATH } from '../../bot/dingtalk/create-dingtalk-router.js';
import { createDingtalkTransport } from '../../bot/dingtalk/create-dingtalk-transport.js';
import { TOPIC_ROBOT } from '../../bot/dingtalk/receive-push.js';
import { signCallback } from '../../bot/dingtalk/verify-callback-sign.js';
import { createLogger } from '../../bot/logger.js';
import { importRoster } from '../../bot/roster/import-roster.js';
import { readRosterFile } from '../../bot/roster/read-roster-file.js';
import { createServer } from '../../bot/server.js';
import type { Transport } from '../../bot/transport/transport.js';
import type { Database } from '../../prisma/open-database.js';
import { API_BASE, config, jsonFixture, OAPI_BASE } from '../bot/dingtalk/dingtalk-fixtures.js';
import { startFakeGateway } from '../bot/dingtalk/fake-stream-gateway.js';
import { REGISTER } from '../handlers/story-steps.js';
import { FakeClock } from '../support/fake-clock.js';
import { openTestDatabase } from '../support/test-database.js';

/** DingTalk userIds of the people the story needs. */
const DD = {
  admin: 'dd0001admin',
  window: 'dd0002window',
  office: 'dd0003office',
  leader: 'dd0004leader',
  sthjLeader: 'dd0101sthj',
  sthjAgent: 'dd0102sthj',
  zjjLeader: 'dd0201zjj',
  zjjAgent: 'dd0202zjj',
  /** The enterprise contact: a member of the organisation's DingTalk, not in the roster; binds with the code. */
  enterprise: 'dd9001zhang',
};

/** A roster with only 钉钉账号: no 企业微信账号 column at all. */
const ROSTER = [
  '姓名,钉钉账号,单位,角色,手机',
  `王小明,${DD.admin},市政务服务中心,管理员,`,
  `专窗小李,${DD.window},市政务服务中心,专窗,13800000001`,
  `重点项目办小赵,${DD.office},重点项目办,重点项目办,`,
  `县领导甲,${DD.leader},县政府,县领导,13800000002`,
  `生态环境局责任领导,${DD.sthjLeader},市生态环境局,责任领导,`,
  `生态环境局代办员,${DD.sthjAgent},市生态环境局,代办员,13800000108`,
  `住房和城乡建设局责任领导,${DD.zjjLeader},市住房和城乡建设局,责任领导,`,
  `住房和城乡建设局代办员,${DD.zjjAgent},市住房和城乡建设局,代办员,13800000112`,
].join('\n');

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
 * as the bot sends them) and group messages. Any other call goes unanswered and is recorded in
 * `unexpected`.
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
        calls.push({ api, to, msgKey: body.msgKey, text: param.content ?? param.text ?? '', title: param.title, robotCode: body.robotCode, token: Array.isArray(token) ? token[0] : token });
      }
      return answer;
    };
  scope.post('/v1.0/robot/oToMessages/batchSend').reply(200, record('batchSend', jsonFixture('batch-send-ok.json')));
  scope.post('/v1.0/robot/groupMessages/send').reply(200, record('groupMessages/send', jsonFixture('group-send-ok.json')));
  const onNoMatch = (request: { method?: string; path?: string; host?: string; hostname?: string }) => {
    const host = request.hostname ?? request.host ?? '';
    if (host !== '127.0.0.1') unexpected.push(`${request.method} ${host}${request.path}`);
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
  writeFileSync(rosterFile, `${ROSTER}\n`);
  const { dingtalk, policy } = loadConfig(dingtalkEnv(mode));
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
      const timestamp = String(clock.now().getTime() - 1500);
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
const show = (calls: DingtalkCall[]) => calls.map((c) => `${c.api} ${c.to} ${c.msgKey}${c.title ? ' [' + c.title + ']' : ''}: ${c.text}`).join('\n---\n');

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
    const registered = await story.say(DD.window, REGISTER);
    console.log(mode, 'registered', '\n' + show(registered));
    const code = /绑定码：(\d{6})/.exec(only(DD.window, registered))?.[1];
    expect(code).toBeDefined();

    const bound = await story.say(DD.enterprise, `绑定 ${code}`);
    console.log(mode, 'bound', '\n' + show(bound));
    expect(only(DD.enterprise, bound)).toBe('绑定成功：你是 P1 光伏组件项目 的企业联络员。发送「进度」查看办理情况。');

    console.log(mode, 'accept', '\n' + show(await story.say(DD.window, '受理 P1')));
    console.log(mode, 'team', '\n' + show(await story.say(DD.window, '组建团队 P1')));
    console.log(mode, 'plan', '\n' + show(await story.say(DD.window, '方案 P1')));
    const posted = await story.say(DD.window, '派单 P1 环评 施工许可');
    console.log(mode, 'posted', '\n' + show(posted));

    clock.advanceMinutes(10);
    console.log(mode, 'take1', '\n' + show(await story.say(DD.sthjAgent, '报到 T1')));
    clock.advanceMinutes(19);
    console.log(mode, 'esc0', '\n' + show(await story.escalate()));
    clock.advanceMinutes(1);
    console.log(mode, 'esc1', '\n' + show(await story.escalate()));
    clock.advanceMinutes(5);
    console.log(mode, 'esc1b', '\n' + show(await story.escalate()));
    clock.advanceMinutes(25);
    console.log(mode, 'esc2', '\n' + show(await story.escalate()));
    clock.advanceMinutes(60);
    console.log(mode, 'esc3', '\n' + show(await story.escalate()));
    console.log(mode, 'take2', '\n' + show(await story.say(DD.zjjAgent, '报到 T2')));
    console.log(mode, 'done1', '\n' + show(await story.say(DD.sthjAgent, '办结 T1 已出具环评批复')));
    console.log(mode, 'done2', '\n' + show(await story.say(DD.zjjAgent, '办结 T2 已核发施工许可证')));
    console.log(mode, 'progress', '\n' + show(await story.say(DD.enterprise, '进度')));
    console.log(mode, 'unexpected', story.unexpected, 'tokens', story.tokens(), 'acks', story.acks());
  });
});
