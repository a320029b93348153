// The bot configured for WeCom (WECOM_* set, WECOM_API_BASE pointing at a
// fake WeCom), served over HTTP, answering encrypted callbacks through the outbox.
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../bot/app.js';
import { loadConfig, platformSettings } from '../../../bot/config.js';
import type { WecomConfig } from '../../../bot/wecom/load-wecom-config.js';
import { createLogger } from '../../../core/logger.js';
import { enqueueMessage } from '../../../core/enqueue-message.js';
import { createServer } from '../../../bot/server.js';
import { findCardHandle } from '../../../bot/transport/card-handles.js';
import { createWecomTransport } from '../../../bot/wecom/create-wecom-transport.js';
import type { Database } from '../../../prisma/open-database.js';
import { createPeople } from '../../support/create-people.js';
import { FakeClock } from '../../support/fake-clock.js';
import { openTestDatabase } from '../../support/test-database.js';
import { API_BASE, cardClickXml, encryptCallback, fixture, jsonFixture, readMark, sample } from './wecom-fixtures.js';

const env = {
  WECOM_CORP_ID: sample.corpId,
  WECOM_AGENT_ID: '1000002',
  WECOM_SECRET: 'test-secret-not-real',
  WECOM_TOKEN: sample.token,
  WECOM_ENCODING_AES_KEY: sample.encodingAesKey,
  WECOM_API_BASE: API_BASE,
};

let database: Database;
let app: App;
let server: Server;
let callbackUrl: string;
const clock = new FakeClock(new Date('2026-11-24T10:00:00+08:00'));
/** Every message/send the fake WeCom received: [touser, content or card title]. */
const sent: [string, string][] = [];
let people: Map<string, number>;

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  const config = loadConfig(env);
  database = await openTestDatabase();
  const { prisma } = database;
  const unit = await prisma.unit.create({ data: { name: '县自然资源局', key: '自然资源局' } });
  people = await createPeople(prisma, [
    { account: 'admin', name: '王小明', roles: ['admin'], platform: 'wecom' },
    { account: 'window', name: '专窗小李', roles: ['window'], platform: 'wecom' },
    { account: 'zrzy.agent', name: '沈倩', unitId: unit.id, roles: ['agent'], platform: 'wecom' },
  ]);
  const project = await prisma.project.create({ data: { name: '年产5万吨饲料加工项目', investmentWan: 12000, service: 'approving' } });
  const call = await prisma.call.create({
    data: { id: 12, projectId: project.id, unitId: unit.id, postedAt: clock.now(), ackDueAt: new Date(clock.now().getTime() + 30 * 60_000) },
  });
  await prisma.task.create({
    data: {
      id: 12,
      projectId: project.id,
      unitId: unit.id,
      callId: call.id,
      itemCode: 'ZR-03',
      itemName: '建设用地规划许可证',
      phase: 1,
      postedAt: clock.now(),
      promisedDays: 5,
    },
  });

  const logger = createLogger('silent');
  const wecom = createWecomTransport(platformSettings<WecomConfig>(config, 'wecom')!, { prisma, clock, logger });
  app = createApp({ prisma, policy: config.policy, clock, logger, messengers: [wecom.messenger] });
  server = createServer(prisma, logger, [wecom.routes!(app.receive)]).listen(0, '127.0.0.1');
  await once(server, 'listening');
  callbackUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/wecom/callback`;

  nock(API_BASE)
    .persist()
    .get('/cgi-bin/gettoken')
    .query({ corpid: sample.corpId, corpsecret: 'test-secret-not-real' })
    .reply(200, jsonFixture('gettoken.json'))
    .post('/cgi-bin/message/send', (body) =>
      Boolean(sent.push([body.touser, body.text ? readMark(body.text.content).text : body.template_card?.main_title.title])),
    )
    .query({ access_token: 'accesstoken000001' })
    .reply(200, (_uri, body) => jsonFixture((body as { msgtype: string }).msgtype === 'template_card' ? 'message-send-card-ok.json' : 'message-send-ok.json'));
});

afterAll(async () => {
  nock.cleanAll();
  nock.enableNetConnect();
  server.close();
  await database.close();
});

afterEach(() => {
  sent.length = 0;
});

async function callback(plainXml: string): Promise<number> {
  const { query, body } = encryptCallback(plainXml);
  const response = await fetch(`${callbackUrl}?${new URLSearchParams(query)}`, { method: 'POST', body });
  return response.status;
}

/** What the bot's loops do after a callback: process what was received, deliver the outbox. */
async function settle(): Promise<void> {
  await app.processInbound();
  while ((await app.deliver()) > 0);
}

describe('WeCom end to end', () => {
  it('answers an encrypted 帮助 with exactly one message/send to that person, even when WeCom retries it', async () => {
    const help = fixture('text-message.xml');
    expect([await callback(help), await callback(help), await callback(help)]).toEqual([200, 200, 200]);
    await settle();
    expect(sent).toHaveLength(1);
    expect(sent[0]![0]).toBe('window');
    expect(sent[0]![1]).toContain('专窗小李，你可以使用这些命令');
  });

  it('tells someone not in the roster whom to ask, in one line', async () => {
    await callback(fixture('text-message.xml').replace('<![CDATA[window]]>', '<![CDATA[stranger]]>').replace('7412345678901234567', '7412345678901239999'));
    await settle();
    expect(sent).toEqual([['stranger', '你还不在项目管家的名册中，请联系管理员王小明登记；企业联络员请发送「绑定 绑定码」。']]);
  });

  it('updates the task card with the click’s response code when the agent presses 报到', async () => {
    await database.prisma.$transaction((tx) =>
      enqueueMessage(tx, {
        to: { personId: people.get('zrzy.agent')! },
        message: {
          kind: 'card',
          card: {
            key: 'call:12',
            title: '任务分送单：建设用地规划许可证',
            fields: [{ label: '项目', value: '年产5万吨饲料加工项目' }],
            buttons: [{ id: 'take', text: '报到', style: 'primary', command: '报到 T12' }],
          },
        },
      }),
    );
    await settle();
    expect(sent).toEqual([['zrzy.agent', '任务分送单：建设用地规划许可证']]);
    const card = await database.prisma.outbox.findFirstOrThrow({ where: { kind: 'card' } });
    expect(card).toMatchObject({ status: 'sent', platform: 'wecom', account: 'zrzy.agent' });
    // The send's response_code is kept for updating this person's copy of the card.
    expect(await findCardHandle(database.prisma, { platform: 'wecom', cardKey: 'call:12', account: 'zrzy.agent', spend: false })).toBe(
      'VXWLnVvEZ09jHZNkTmQiKoVDmT3UP6ybV4AEvc3G4ZU',
    );
    sent.length = 0;

    const updates: { response_code: string; template_card: { replace_text: string; button_list: { key: string }[] } }[] = [];
    const update = nock(API_BASE)
      .post('/cgi-bin/message/update_template_card', (body) => Boolean(updates.push(body)))
      .query(true)
      .reply(200, { errcode: 0, errmsg: 'ok' });
    clock.advanceMinutes(3);
    const click = cardClickXml('take', 'call:12').replace('task12-o5', `call12-o${card.id}`);
    expect(await callback(click)).toBe(200);
    await settle();
    expect(update.isDone()).toBe(true);
    expect(updates).toEqual([
      expect.objectContaining({ userids: ['zrzy.agent'], agentid: 1000002, response_code: 'ZB8JAt3kB0ebcDdRjJBrkE0m8TXnP8WyR1p2UoGJaaQ' }),
    ]);
    // The card is replaced, not frozen: 办结 and 退回 stay clickable after 报到.
    expect(updates[0]!.template_card.replace_text).toBe('已报到 · 沈倩 · 10:03');
    expect(updates[0]!.template_card.button_list.map((button) => button.key)).toEqual(['finish|call:12', 'return|call:12']);
    // The reply to the click goes first, then the notice to the window.
    expect(sent).toEqual([
      ['zrzy.agent', expect.stringContaining('已报到 T12')],
      ['window', expect.stringContaining('沈倩报到')],
    ]);
    expect(await database.prisma.task.findUniqueOrThrow({ where: { id: 12 } })).toMatchObject({ state: 'taken' });
  });
});
