import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness.js';

describe('the bot without a transport', () => {
  let bot: Harness;
  beforeEach(async () => {
    bot = await createHarness();
  });
  afterEach(async () => {
    await bot.close();
  });

  it('answers 帮助 with the commands of the sender role only', async () => {
    const received = await bot.say('window', '帮助');
    expect(received.map((item) => item.recipient)).toEqual(['window']);
    expect(received[0]!.text).toContain('专窗小李，你可以使用这些命令');
    expect(received[0]!.text).toContain('· 受理 P12 — 受理帮办代办');
    // Not a unit's commands, and not 绑定, which is for enterprise contacts.
    expect(received[0]!.text).not.toMatch(/· 报到|· 绑定 /);
  });

  it('tells an unregistered person whom to ask and nothing else', async () => {
    const received = await bot.say('stranger', '进度 1');
    expect(received).toHaveLength(1);
    expect(received[0]!.recipient).toBe('stranger');
    expect(received[0]!.text).toBe('你还不在项目管家的名册中，请联系管理员王小明登记；企业联络员请发送「绑定 绑定码」。');
  });

  it('answers an unknown command with a pointer to 帮助', async () => {
    const [reply] = await bot.say('window', '你好呀');
    expect(reply!.text).toBe('没有「你好呀」这个命令。发送「帮助」查看你能用的命令。');
  });

  it('processes a platform retry of the same message once', async () => {
    const event = { platform: 'local' as const, type: 'text' as const, account: 'window', text: '帮助', dedupKey: 'msg-1', at: bot.clock.now().toISOString() };
    expect(await bot.app.receive(event)).toBe('accepted');
    expect(await bot.app.receive(event)).toBe('duplicate');
    expect(await bot.app.receive(event)).toBe('duplicate');
    await bot.app.processInbound();
    await bot.app.deliver();
    expect(bot.textsTo('window')).toHaveLength(1);
  });

  it('records callbacks that arrive together once each, a retry among them counted once', async () => {
    const at = bot.clock.now().toISOString();
    const events = ['window', 'admin'].flatMap((account) =>
      ['帮助', '你好'].map((text) => ({ platform: 'local' as const, type: 'text' as const, account, text, dedupKey: `${account}-${text}`, at })),
    );
    // Each event sent twice at the same moment, as a platform retry racing the first delivery.
    const outcomes = await Promise.all([...events, ...events].map((event) => bot.app.receive(event)));
    // On PostgreSQL the two copies race on separate connections: either may be the one recorded.
    expect(events.map((_, index) => [outcomes[index], outcomes[index + 4]].sort())).toEqual(events.map(() => ['accepted', 'duplicate']));
    expect(await bot.prisma.inbound.count()).toBe(4);
    await bot.app.processInbound();
    await bot.app.deliver();
    expect(bot.textsTo('window')).toHaveLength(2);
    expect(bot.textsTo('admin')).toHaveLength(2);
  });

  it('refuses an event that fails validation, recording nothing', async () => {
    const at = bot.clock.now().toISOString();
    expect(await bot.app.receive({ platform: 'local', type: 'text', account: '', text: '帮助', dedupKey: 'no-account', at })).toBe('invalid');
    // A control character is stripped from text but refused in an identifier (bot/inbound/sanitize-incoming-event.ts).
    expect(await bot.app.receive({ platform: 'local', type: 'text', account: 'window', text: '帮助', dedupKey: 'n\u0000ul', at })).toBe('invalid');
    expect(await bot.prisma.inbound.count()).toBe(0);
    expect(await bot.app.processInbound()).toBe(0);
  });

  it('processes what was received before a restart', async () => {
    await bot.app.receive({ platform: 'local', type: 'text', account: 'window', text: '帮助', dedupKey: 'before-crash', at: bot.clock.now().toISOString() });
    expect(bot.textsTo('window')).toHaveLength(0);
    expect(await bot.app.processInbound()).toBe(1);
    await bot.app.deliver();
    expect(bot.textsTo('window')).toHaveLength(1);
  });

  it('keeps the event log append-only', async () => {
    await bot.prisma.event.create({ data: { channel: 'system', kind: 'test.appended' } });
    await expect(bot.prisma.event.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(bot.prisma.event.updateMany({ data: { kind: 'rewritten' } })).rejects.toThrow(/append-only/);
    expect(await bot.prisma.event.count({ where: { kind: 'test.appended' } })).toBe(1);
  });
});
