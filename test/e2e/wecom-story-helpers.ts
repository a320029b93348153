// The bot as `npm start` runs it with WeCom configured (WECOM_* set, WECOM_API_BASE pointing at a
// fake WeCom): the real HTTP server and callback router, the WeCom messenger, the demo roster.
// People's lines and clicks go in as encrypted, signed callbacks built from the real-shaped
// fixtures; what the bot sends is whatever the fake WeCom API (nock) receives.
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { createApp, type App } from '../../bot/app.js';
import { loadConfig, platformSettings } from '../../bot/config.js';
import type { WecomConfig } from '../../bot/wecom/load-wecom-config.js';
import { createLogger } from '../../core/logger.js';
import { importRoster } from '../../bot/roster/import-roster.js';
import { readRosterFile } from '../../bot/roster/read-roster-file.js';
import { createServer } from '../../bot/server.js';
import { CALLBACK_PATH } from '../../bot/wecom/create-wecom-router.js';
import { createWecomTransport } from '../../bot/wecom/create-wecom-transport.js';
import type { Database } from '../../prisma/open-database.js';
import { API_BASE, config, encryptCallback, fixture, jsonFixture, readMark, sample } from '../bot/wecom/wecom-fixtures.js';
import type { FakeClock } from '../support/fake-clock.js';
import { DEMO_ROSTER } from '../support/harness.js';
import { openTestDatabase } from '../support/test-database.js';

/** One call the fake WeCom API received. */
export interface WecomCall {
  api: 'message/send' | 'message/update_template_card' | 'appchat/create' | 'appchat/send';
  /** touser, the updated card's userid, or the chatid. */
  to: string;
  msgtype: string | undefined;
  /** The text or markdown content (without its invisible mark), the card's title, the button's new name, or the chat's name. */
  text: string;
  body: WecomBody;
  /** What the fake WeCom answered, e.g. a template card's response_code, or 60140 for a spent one. */
  answer: { errcode: number; response_code?: string };
}

/** The fields of the request bodies (WeCom docs: 发送应用消息, 更新模版卡片消息, 群聊会话) the story reads. */
export interface WecomBody {
  touser?: string;
  userids?: string[];
  chatid?: string;
  name?: string;
  owner?: string;
  userlist?: string[];
  msgtype?: string;
  text?: { content: string };
  markdown?: { content: string };
  template_card?: {
    task_id: string;
    main_title: { title: string };
    horizontal_content_list: { keyname: string; value: string }[];
    button_list: { text: string; key: string }[];
    /** On update_template_card: the status shown on the replaced card. */
    replace_text?: string;
  };
  response_code?: string;
  button?: { replace_name: string };
}

export interface WecomStory {
  app: App;
  database: Database;
  /** Every call the fake WeCom API received, oldest first. */
  calls: WecomCall[];
  /** `userid` types `text` in the app; returns the WeCom calls the bot made because of it. */
  say(userid: string, text: string): Promise<WecomCall[]>;
  /**
   * `userid` presses `button` on a card the bot sent them; `deliveries` > 1 plays WeCom's retries.
   * The click brings a fresh response code unless `responseCode` names one (or null: none).
   */
  click(userid: string, card: WecomCall, button: string, deliveries?: number, options?: { responseCode?: string | null }): Promise<WecomCall[]>;
  /** Delivers what is due in the outbox; returns the WeCom calls made. */
  deliver(): Promise<WecomCall[]>;
  /** One escalation cycle at the clock's time, then delivery. */
  escalate(): Promise<WecomCall[]>;
  close(): Promise<void>;
}

const ACCESS_TOKEN = jsonFixture<{ access_token: string }>('gettoken.json').access_token;

/** The WECOM_* variables of a deployment, with the API base on the fake WeCom. */
export const WECOM_ENV = {
  WECOM_CORP_ID: sample.corpId,
  WECOM_AGENT_ID: String(config.agentId),
  WECOM_SECRET: config.secret,
  WECOM_TOKEN: sample.token,
  WECOM_ENCODING_AES_KEY: sample.encodingAesKey,
  WECOM_API_BASE: API_BASE,
};

/**
 * Fakes the WeCom API the bot uses; every call is pushed to `calls`. Like WeCom (更新模版卡片消息),
 * it answers 60140 to an update whose response_code it never issued, was used before, or is
 * over 72 hours old, and errcode 0 to everything else. `issueCode` registers a click's code.
 */
export function fakeWecomApi(calls: WecomCall[], clock: FakeClock): { issueCode(code: string): void } {
  let cards = 0;
  const issued = new Map<string, number>();
  const spent = new Set<string>();
  const content = (body: WecomBody): string => {
    const shown = body.text?.content ?? body.markdown?.content;
    return shown !== undefined ? readMark(shown).text : (body.template_card?.main_title.title ?? '');
  };
  const answering = (api: WecomCall['api'], read: (body: WecomBody) => { to: string; text: string; answer?: object }) => (_uri: string, raw: unknown) => {
    const body = (typeof raw === 'string' ? JSON.parse(raw) : raw) as WecomBody;
    const { to, text, answer } = read(body);
    const answered = { errcode: 0, errmsg: 'ok', ...answer };
    calls.push({ api, to, msgtype: body.msgtype, text, body, answer: answered });
    return answered;
  };
  const issue = (code: string): void => void issued.set(code, clock.now().getTime());
  const scope = nock(API_BASE).persist();
  scope.get('/cgi-bin/gettoken').query({ corpid: sample.corpId, corpsecret: config.secret }).reply(200, jsonFixture('gettoken.json'));
  const post = (path: WecomCall['api']) => scope.post(`/cgi-bin/${path}`).query({ access_token: ACCESS_TOKEN });
  post('message/send').reply(
    200,
    answering('message/send', (body) => {
      // A template card's answer carries the response_code a later update_template_card spends.
      const code = body.msgtype === 'template_card' ? `sent-code-${++cards}` : undefined;
      if (code) issue(code);
      return { to: body.touser!, text: content(body), answer: { msgid: `msg-${calls.length + 1}`, ...(code && { response_code: code }) } };
    }),
  );
  post('message/update_template_card').reply(
    200,
    answering('message/update_template_card', (body) => {
      const code = body.response_code!;
      const at = issued.get(code);
      const usable = at !== undefined && !spent.has(code) && clock.now().getTime() - at <= 72 * 3600_000;
      spent.add(code);
      return {
        to: body.userids!.join('|'),
        text: body.button?.replace_name ?? body.template_card!.replace_text!,
        ...(!usable && { answer: { errcode: 60140, errmsg: 'response_code has been used or expired' } }),
      };
    }),
  );
  post('appchat/create').reply(
    200,
    answering('appchat/create', (body) => ({ to: body.chatid!, text: body.name! })),
  );
  post('appchat/send').reply(
    200,
    answering('appchat/send', (body) => ({ to: body.chatid!, text: content(body) })),
  );
  return { issueCode: issue };
}

/** Puts `values` into the named elements of a fixture message. */
function fill(xml: string, values: Record<string, string | number>): string {
  return Object.entries(values).reduce(
    (filled, [tag, value]) => filled.replace(new RegExp(`<${tag}>[\\s\\S]*?</${tag}>`), () => `<${tag}><![CDATA[${value}]]></${tag}>`),
    xml,
  );
}

export async function startWecomStory(clock: FakeClock): Promise<WecomStory> {
  const config = loadConfig(WECOM_ENV);
  const { policy } = config;
  const wecom = platformSettings<WecomConfig>(config, 'wecom');
  const database = await openTestDatabase();
  const { prisma } = database;
  await importRoster(prisma, await readRosterFile(DEMO_ROSTER));
  const logger = createLogger('silent');
  const transport = createWecomTransport(wecom!, { prisma, clock, logger });
  const directory = transport.fetchDirectory ? { wecom: transport.fetchDirectory } : {};
  const app = createApp({ prisma, policy, clock, logger, messengers: [transport.messenger], jobs: { directory } });
  const server: Server = createServer(prisma, logger, [transport.routes!(app.receive)]).listen(0, '127.0.0.1');
  await once(server, 'listening');
  const callbackUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}${CALLBACK_PATH}`;
  const calls: WecomCall[] = [];
  const wecomApi = fakeWecomApi(calls, clock);
  let serial = 0;
  const createTime = () => Math.floor(clock.now().getTime() / 1000);

  /** POSTs the message encrypted and signed as WeCom does, `deliveries` times (WeCom retries a callback). */
  async function post(plainXml: string, deliveries = 1): Promise<void> {
    const { query, body } = encryptCallback(plainXml, { timestamp: String(createTime()), nonce: String(100_000 + serial) });
    for (let delivery = 0; delivery < deliveries; delivery += 1) {
      const response = await fetch(`${callbackUrl}?${new URLSearchParams(query)}`, { method: 'POST', body });
      if (response.status !== 200) throw new Error(`${CALLBACK_PATH} answered ${response.status}: ${await response.text()}`);
    }
  }
  /** What the bot's loops do after a callback or a cycle: process what was received, deliver the outbox. */
  async function settle(before: number): Promise<WecomCall[]> {
    await app.processInbound();
    while ((await app.deliver()) > 0);
    return calls.slice(before);
  }

  return {
    app,
    database,
    calls,
    async say(userid, text) {
      const before = calls.length;
      serial += 1;
      await post(
        fill(fixture('text-message.xml'), {
          FromUserName: userid,
          CreateTime: createTime(),
          Content: text,
          MsgId: `74123456789${String(serial).padStart(8, '0')}`,
        }),
      );
      return settle(before);
    },
    async click(userid, card, button, deliveries = 1, options = {}) {
      const sent = card.body.template_card;
      const key = sent?.button_list.find((candidate) => candidate.text === button)?.key;
      if (!sent || !key) throw new Error(`no ${button} button on ${card.text}`);
      const before = calls.length;
      serial += 1;
      const responseCode = options.responseCode === undefined ? `click-code-${serial}` : options.responseCode;
      if (options.responseCode === undefined) wecomApi.issueCode(responseCode!);
      const values = {
        FromUserName: userid,
        CreateTime: createTime(),
        EventKey: key,
        TaskId: sent.task_id,
        ...(responseCode !== null && { ResponseCode: responseCode }),
      };
      let xml = fill(fixture('template-card-event.xml'), values);
      if (responseCode === null) xml = xml.replace(/\s*<ResponseCode>[\s\S]*?<\/ResponseCode>/, '');
      await post(xml, deliveries);
      return settle(before);
    },
    deliver: () => settle(calls.length),
    async escalate() {
      const before = calls.length;
      await app.escalate();
      return settle(before);
    },
    async close() {
      await app.stop();
      await new Promise((resolve) => server.close(resolve));
      await database.close();
    },
  };
}

/** The texts WeCom was asked to show `userid` (message/send), in order. */
export function textsTo(userid: string, calls: WecomCall[]): string[] {
  return calls.filter((call) => call.api === 'message/send' && call.to === userid).map((call) => call.text);
}

/** "api to" for each call, sorted: who was reached, and how, regardless of delivery order. */
export function reached(calls: WecomCall[]): string[] {
  return calls.map((call) => `${call.api === 'message/send' ? call.msgtype : call.api} ${call.to}`).sort();
}
