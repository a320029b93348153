// What an operator's log collector receives from a WeCom deployment: the real entry point in a
// child process with WECOM_* secrets (fake values), a roster with a full mobile number, a fake
// WeCom (nock, preloaded) handing out an access token and failing now and then, and requests
// that succeed and fail. None of the secrets, the token or the mobile number may appear in
// anything it prints.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encrypt, getSignature } from '@wecom/crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtFile } from '../support/bot-command.js';
import { startBotProcess, type BotProcess } from './start-bot-process.js';

const dir = mkdtempSync(join(tmpdir(), 'xmgj-secrets-'));
const MOBILE = '13912345678';
const secrets = {
  WECOM_CORP_ID: 'wwcanarycorp01',
  WECOM_AGENT_ID: '1000002',
  WECOM_SECRET: 'SecretCanary-9f8e7d6c5b4a3f2e1d',
  WECOM_TOKEN: 'TokenCanary4242',
  WECOM_ENCODING_AES_KEY: randomBytes(32).toString('base64').replace(/=+$/, ''),
};
const ACCESS_TOKEN = 'AccessTokenCanary-31337-abcdef';
const calls = join(dir, 'wecom-calls.txt');

let bot: BotProcess;

beforeAll(async () => {
  const roster = join(dir, 'roster.csv');
  writeFileSync(
    roster,
    [
      '姓名,企业微信账号,单位,角色,手机,钉钉账号',
      '王小明,admin,市政务服务中心,管理员,,',
      `专窗小李,window,市政务服务中心,专窗,${MOBILE},`,
      `坏行,bad.row,县自然资源局,不存在的角色,${MOBILE},`,
    ].join('\n'),
  );
  bot = await startBotProcess(
    {
      ...secrets,
      WECOM_API_BASE: 'http://wecom.fake',
      ROSTER_FILE: roster,
      LOG_LEVEL: 'debug',
      FAKE_WECOM_ACCESS_TOKEN: ACCESS_TOKEN,
      FAKE_WECOM_MOBILE: MOBILE,
      FAKE_WECOM_CALLS: calls,
    },
    ['--import', builtFile('test/bot/fake-wecom-preload.ts')],
  );
}, 60_000);

afterAll(async () => {
  await bot?.stop();
});

function signed(xml: string, timestamp = String(Math.floor(Date.now() / 1000))) {
  const encrypted = encrypt(secrets.WECOM_ENCODING_AES_KEY, xml, secrets.WECOM_CORP_ID);
  const nonce = String(Math.floor(Math.random() * 1e9));
  const query = new URLSearchParams({ msg_signature: getSignature(secrets.WECOM_TOKEN, timestamp, nonce, encrypted), timestamp, nonce });
  const body = `<xml><ToUserName><![CDATA[${secrets.WECOM_CORP_ID}]]></ToUserName><Encrypt><![CDATA[${encrypted}]]></Encrypt><AgentID>1000002</AgentID></xml>`;
  return { query, body, encrypted };
}

let serial = 0;
function text(from: string, content: string): string {
  serial += 1;
  return `<xml><ToUserName><![CDATA[${secrets.WECOM_CORP_ID}]]></ToUserName><FromUserName><![CDATA[${from}]]></FromUserName><CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${content}]]></Content><MsgId>${7_000_000_000 + serial}</MsgId><AgentID>1000002</AgentID></xml>`;
}

async function callback({ query, body }: { query: URLSearchParams; body: string }): Promise<number> {
  return (await fetch(`${bot.url}/wecom/callback?${query}`, { method: 'POST', body })).status;
}

const callsMade = (): string[] => (existsSync(calls) ? readFileSync(calls, 'utf8').trim().split('\n') : []);

async function until(done: () => boolean, ms: number): Promise<void> {
  for (const end = Date.now() + ms; !done() && Date.now() < end;) await new Promise((resolve) => setTimeout(resolve, 200));
}

describe('a WeCom deployment’s logs', () => {
  it('name no secret, access token or mobile number, through successes and failures', async () => {
    expect(bot.url).toMatch(/^http:\/\/0\.0\.0\.0:\d+$/);
    bot.url = bot.url.replace('0.0.0.0', '127.0.0.1');

    const echo = signed('');
    const echostr = encrypt(secrets.WECOM_ENCODING_AES_KEY, '8675309', secrets.WECOM_CORP_ID);
    const timestamp = echo.query.get('timestamp')!;
    const verification = new URLSearchParams({ msg_signature: getSignature(secrets.WECOM_TOKEN, timestamp, '1', echostr), timestamp, nonce: '1', echostr });
    expect(await (await fetch(`${bot.url}/wecom/callback?${verification}`)).text()).toBe('8675309');

    expect(await callback(signed(text('window', `帮助 ${MOBILE}`)))).toBe(200);
    expect(await callback(signed(text('admin', '同步通讯录')))).toBe(200);
    expect(await callback(signed(text('admin', '同步通讯录')))).toBe(200);
    const refused = signed(text('window', '帮助'));
    expect(await callback({ ...refused, query: new URLSearchParams({ ...Object.fromEntries(refused.query), msg_signature: '0'.repeat(40) }) })).toBe(401);
    expect(await callback(signed(text('window', '帮助'), '0'))).toBe(401);
    expect(
      await callback({
        query: new URLSearchParams({ access_token: ACCESS_TOKEN, corpsecret: secrets.WECOM_SECRET }),
        body: `<xml><Encrypt>${secrets.WECOM_TOKEN}</Encrypt></xml>`,
      }),
    ).toBeGreaterThanOrEqual(400);
    await new Promise<void>((resolve) => {
      const req = request(`${bot.url}/wecom/callback?${refused.query}`, { method: 'POST', headers: { 'content-length': '5000' } });
      req.on('error', () => resolve());
      req.write(refused.body);
      setTimeout(() => (req.destroy(), setTimeout(resolve, 200)), 100);
    });

    // The bot's loops: the replies go out (one token refresh, one HTTP 500 retried), the
    // directory is read (one failure, then a person with the mobile number).
    await until(
      () => callsMade().filter((call) => call === 'message/send').length >= 4 && callsMade().filter((call) => call === 'user/list').length >= 2,
      30_000,
    );
    expect(callsMade()).toEqual(expect.arrayContaining(['gettoken', 'message/send', 'department/list', 'user/list']));
    expect(callsMade().filter((call) => call === 'gettoken').length).toBeGreaterThanOrEqual(2);
    await bot.stop();

    const printed = `${bot.stdout()}\n${bot.stderr()}`;
    expect(printed).toContain('wecom callback refused');
    for (const [name, value] of Object.entries({ ...secrets, ACCESS_TOKEN, MOBILE })) {
      if (name === 'WECOM_CORP_ID' || name === 'WECOM_AGENT_ID') continue;
      expect(printed.includes(value), `${name} appears in the logs`).toBe(false);
    }
  }, 90_000);
});
