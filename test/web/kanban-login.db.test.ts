// Signing in to the 看板: the local chat's one-time link, WeCom 网页授权 and DingTalk 免登 against nock
// fakes of their endpoints. A valid code or link signs in the right person; a reused or expired link,
// a foreign or replayed state, an unknown account, a person who left the roster — all refused.
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDingtalkApi } from '../../bot/dingtalk/create-dingtalk-api.js';
import { createDingtalkWebLogin } from '../../bot/dingtalk/exchange-dingtalk-code.js';
import { createWecomApi } from '../../bot/wecom/create-wecom-api.js';
import { createWecomWebLogin } from '../../bot/wecom/exchange-wecom-code.js';
import { findPerson } from '../support/find-person.js';
import { Browser, startKanban, type Kanban } from './start-kanban.js';

const WECOM = 'https://qyapi.weixin.qq.com';
const OAPI = 'https://oapi.dingtalk.com';
const API = 'https://api.dingtalk.com';
let k: Kanban;

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  const wecom = createWecomWebLogin(createWecomApi({ apiBase: WECOM, corpId: 'ww-corp', secret: 'secret' }), 'ww-corp', 1000002);
  const dingtalk = createDingtalkWebLogin(
    createDingtalkApi({ apiBase: API, oapiBase: OAPI, clientId: 'dingapp', clientSecret: 'x'.repeat(32) }),
    'dingcorp123',
  );
  k = await startKanban([wecom, dingtalk], 'https://kanban.example.gov.cn');
  const leader = await findPerson(k.h.prisma, 'leader.main');
  await k.h.prisma.account.create({ data: { platform: 'dingtalk', account: 'dd-main', personId: leader.id } });
});
// Each test starts a fresh window of the per-IP login limit (every request here comes from 127.0.0.1).
beforeEach(() => k.h.clock.advanceMinutes(11));
afterEach(() => {
  expect(nock.pendingMocks()).toEqual([]);
  nock.cleanAll();
});
afterAll(async () => {
  nock.enableNetConnect();
  await k.close();
});

async function oneTimeLink(account: string): Promise<string> {
  const [reply] = await k.h.say(account, '看板');
  const link = /\/kanban\/login\?token=([\w-]+)/.exec(reply!.text ?? '');
  expect(link, reply!.text).not.toBeNull();
  return link![1]!;
}

async function pageText(browser: Browser, path = '/kanban'): Promise<{ status: number; text: string }> {
  const response = await browser.request(path);
  return { status: response.status, text: await response.text() };
}

describe('one-time link', () => {
  it('signs in once, with an 8-hour HttpOnly SameSite=Lax Secure cookie, then refuses the same link', async () => {
    const token = await oneTimeLink('leader.a');
    const browser = new Browser(k.base);
    const login = await browser.post('/kanban/login', { token });
    expect(login.status).toBe(302);
    expect(login.headers.get('location')).toBe('/kanban');
    expect(login.headers.getSetCookie()[0]).toMatch(/^kanban_session=.+; Path=\/kanban; Max-Age=28800; HttpOnly; SameSite=Lax; Secure$/);
    expect((await pageText(browser)).text).toContain('县领导甲');

    const again = await new Browser(k.base).post('/kanban/login', { token });
    expect(again.status).toBe(403);
    expect(await again.text()).toContain('重新发送「看板」');
  });

  it('refuses a link after 5 minutes, and a made-up token', async () => {
    const token = await oneTimeLink('office');
    k.h.clock.advanceMinutes(6);
    expect((await new Browser(k.base).post('/kanban/login', { token })).status).toBe(403);
    expect((await new Browser(k.base).post('/kanban/login', { token: 'A'.repeat(43) })).status).toBe(403);
  });

  it('ends the session when the person leaves the roster', async () => {
    const browser = new Browser(k.base);
    await browser.post('/kanban/login', { token: await oneTimeLink('inspect') });
    expect((await pageText(browser)).status).toBe(200);
    await k.h.prisma.person.update({ where: { id: (await findPerson(k.h.prisma, 'inspect')).id }, data: { active: false } });
    const after = await pageText(browser);
    expect(after.status).toBe(401);
    expect(after.text).toContain('发送「看板」');
  });

  it('shows no page without a session, and none with a forged cookie', async () => {
    expect((await pageText(new Browser(k.base), '/kanban/ledger')).status).toBe(401);
    const forged = new Browser(k.base);
    forged.cookies.set('kanban_session', `1.${Date.now() + 3600_000}.${'A'.repeat(43)}`);
    expect((await pageText(forged)).status).toBe(401);
  });
});

describe('WeCom 网页授权', () => {
  async function start(browser: Browser): Promise<string> {
    const response = await browser.request('/kanban/auth/wecom/start');
    expect(response.status).toBe(302);
    const target = new URL(response.headers.get('location')!);
    expect(`${target.origin}${target.pathname}`).toBe('https://open.weixin.qq.com/connect/oauth2/authorize');
    expect(target.hash).toBe('#wechat_redirect');
    expect(Object.fromEntries(target.searchParams)).toMatchObject({
      appid: 'ww-corp',
      redirect_uri: 'https://kanban.example.gov.cn/kanban/auth/wecom',
      response_type: 'code',
      scope: 'snsapi_base',
      agentid: '1000002',
    });
    return target.searchParams.get('state')!;
  }
  const wecomAnswers = (code: string, answer: object) => {
    nock(WECOM).get('/cgi-bin/gettoken').query(true).optionally().reply(200, { errcode: 0, access_token: 'token', expires_in: 7200 });
    return nock(WECOM).get('/cgi-bin/auth/getuserinfo').query({ access_token: 'token', code }).reply(200, answer);
  };

  it('answers 看板 from WeCom with the address that starts 网页授权', async () => {
    await k.h.app.receive({ platform: 'wecom', type: 'text', account: 'leader.b', text: '看板', dedupKey: 'kanban-wecom', at: k.h.clock.now().toISOString() });
    await k.h.app.processInbound();
    const reply = await k.h.prisma.outbox.findFirstOrThrow({ where: { platform: 'wecom', account: 'leader.b' }, orderBy: { id: 'desc' } });
    expect(JSON.stringify(reply.payload)).toContain('https://kanban.example.gov.cn/kanban/auth/wecom/start');
    expect(JSON.stringify(reply.payload)).not.toContain('token=');
  });

  it('signs in the member whose code WeCom vouches for; a replayed callback is refused', async () => {
    const browser = new Browser(k.base);
    const state = await start(browser);
    const cookie = browser.cookies.get('kanban_state')!;
    wecomAnswers('CODE1', { errcode: 0, userid: 'leader.b' });
    const back = await browser.request(`/kanban/auth/wecom?code=CODE1&state=${state}`);
    expect(back.status).toBe(302);
    expect((await pageText(browser)).text).toContain('县领导乙');
    expect(browser.cookies.has('kanban_state')).toBe(false);

    // The same callback again, even with the old pre-login cookie: WeCom's code works once.
    const replay = new Browser(k.base);
    replay.cookies.set('kanban_state', cookie);
    wecomAnswers('CODE1', { errcode: 40029, errmsg: 'invalid code' });
    expect((await replay.request(`/kanban/auth/wecom?code=CODE1&state=${state}`)).status).toBe(403);
    expect(replay.cookies.has('kanban_session')).toBe(false);
  });

  it('refuses a state this browser was not given, and a callback with no pre-login cookie', async () => {
    const mine = new Browser(k.base);
    await start(mine);
    const theirs = await start(new Browser(k.base));
    expect((await mine.request(`/kanban/auth/wecom?code=CODE2&state=${theirs}`)).status).toBe(403);
    expect((await new Browser(k.base).request(`/kanban/auth/wecom?code=CODE2&state=${theirs}`)).status).toBe(403);
  });

  it('refuses a WeCom member who is not in the roster', async () => {
    const browser = new Browser(k.base);
    const state = await start(browser);
    wecomAnswers('CODE3', { errcode: 0, userid: 'stranger' });
    const back = await browser.request(`/kanban/auth/wecom?code=CODE3&state=${state}`);
    expect(back.status).toBe(403);
    expect(await back.text()).toContain('没有在名册中找到你');
  });
});

describe('DingTalk 免登', () => {
  const dingtalkAnswers = (code: string, answer: object) => {
    nock(API).post('/v1.0/oauth2/accessToken').optionally().reply(200, { accessToken: 'dtoken', expireIn: 7200 });
    return nock(OAPI).post('/topapi/v2/user/getuserinfo', { code }).query({ access_token: 'dtoken' }).reply(200, answer);
  };
  async function open(browser: Browser): Promise<string> {
    const page = await browser.request('/kanban/auth/dingtalk');
    const text = await page.text();
    expect(text).toContain('data-corp-id="dingcorp123"');
    expect(text).toContain('src="/kanban/static/dingtalk-jsapi.js"');
    return /data-state="(\w+)"/.exec(text)![1]!;
  }

  it('signs in the DingTalk user the code belongs to', async () => {
    const browser = new Browser(k.base);
    const state = await open(browser);
    dingtalkAnswers('DD1', { errcode: 0, result: { userid: 'dd-main' } });
    expect((await browser.post('/kanban/auth/dingtalk', { code: 'DD1', state })).status).toBe(204);
    expect((await pageText(browser)).text).toContain('主要领导');
  });

  it('refuses a foreign state, and a code DingTalk does not know', async () => {
    const browser = new Browser(k.base);
    await open(browser);
    const theirs = await open(new Browser(k.base));
    expect((await browser.post('/kanban/auth/dingtalk', { code: 'DD2', state: theirs })).status).toBe(403);
    const state = await open(browser);
    dingtalkAnswers('DD3', { errcode: 40078, errmsg: '不存在的临时授权码' });
    expect((await browser.post('/kanban/auth/dingtalk', { code: 'DD3', state })).status).toBe(403);
  });
});

it('limits login attempts per address', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 25; i += 1) statuses.push((await new Browser(k.base).post('/kanban/login', { token: 'B'.repeat(43) })).status);
  expect(statuses.at(-1)).toBe(429);
});
