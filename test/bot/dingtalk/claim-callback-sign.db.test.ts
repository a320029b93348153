// HTTP mode: DingTalk's sign covers the timestamp only, so a captured `(timestamp, sign)` pair
// must not carry another body. Two servers on one database play two instances: a forged body under
// a pair either of them has seen is refused (401, a warning, nothing recorded), DingTalk's own
// redelivery of the same body is answered and recorded once, and the pairs go after two hours.
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signCallback } from '../../support/sign-dingtalk-callback.js';
import { config, fixture } from './dingtalk-fixtures.js';
import { startDingtalkCallbackServer, type DingtalkCallbackServer } from './start-dingtalk-callback-server.js';

let first: DingtalkCallbackServer;
let second: DingtalkCallbackServer;

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  first = await startDingtalkCallbackServer();
  second = await startDingtalkCallbackServer(first.database);
});

afterAll(async () => {
  await second.close();
  await first.close();
  nock.enableNetConnect();
});

const message = (msgId: string, content: string, sender = 'zhou.zrzy') =>
  JSON.stringify({ ...JSON.parse(fixture('robot-text-message.json')), msgId, senderStaffId: sender, text: { content } });
const texts = async () => (await first.database.prisma.inbound.findMany({ orderBy: { id: 'asc' } })).map((row) => (row.event as { text: string }).text);

describe('a captured (timestamp, sign) pair', () => {
  const timestamp = String(1795485781000 - 1000);
  const pair = { timestamp, sign: signCallback(config.clientSecret, timestamp) };

  it('authorises its own body once; a redelivery to either instance is answered and recorded once', async () => {
    expect(await first.post(message('m-real', '帮助'), pair)).toBe(200);
    expect(await first.post(message('m-real', '帮助'), pair)).toBe(200);
    expect(await second.post(message('m-real', '帮助'), pair)).toBe(200);
    expect(await texts()).toEqual(['帮助']);
  });

  it('authorises no other body, on either instance: 401 and a warning without the secret', async () => {
    const statuses = [];
    for (let i = 0; i < 50; i++) {
      const server = i % 2 === 0 ? first : second;
      statuses.push(await server.post(message(`m-forged-${i}`, '日历 2027-03-01 休', 'admin'), pair));
    }
    expect(new Set(statuses)).toEqual(new Set([401]));
    expect(await texts()).toEqual(['帮助']);
    const warnings = [...first.logs, ...second.logs].filter((line) => line.msg === 'dingtalk callback refused');
    expect(warnings).toHaveLength(50);
    expect(warnings[0]).toMatchObject({ level: 40, status: 401, reason: 'timestamp and sign already used for another body' });
    expect(JSON.stringify(warnings)).not.toContain(config.clientSecret);
    expect(JSON.stringify(warnings)).not.toContain(pair.sign);
  });

  it('is forgotten two hours after it was seen, when no clock would accept its timestamp any more', async () => {
    first.clock.advanceMinutes(119);
    await first.app.prune();
    expect(await first.database.prisma.dingtalkCallbackSign.count()).toBe(1);
    first.clock.advanceMinutes(2);
    await first.app.prune();
    expect(await first.database.prisma.dingtalkCallbackSign.count()).toBe(0);
    // And the timestamp itself is refused now: the pair cannot come back.
    expect(await first.post(message('m-late', '帮助'), pair)).toBe(401);
  });
});
